// The custom requests the extension sends to the Vanban language server, beyond standard LSP. The
// types come from the server's own protocol module (server/src/lsp/protocol.ts, documented in its
// README), so a change there breaks this build instead of the running extension; only the method
// names are repeated here, to keep the server's runtime out of the extension bundle.
import { RequestType } from 'vscode-languageclient/node.js';
import type {
  CheckWorkspaceParams,
  CheckWorkspaceResult,
  TargetsParams,
  TargetsResult,
} from '../../server/src/lsp/protocol.js';

export type { CheckWorkspaceResult, TargetsResult } from '../../server/src/lsp/protocol.js';
export type { TargetInfo } from '../../server/src/lsp/features/targets.js';

/** `vanban/targets`: the targets of an open document, in document order. */
export const TargetsRequest = new RequestType<TargetsParams, TargetsResult | null, void>('vanban/targets');

/** `vanban/checkWorkspace`: every policy document under the given folders, open or not. */
export const CheckWorkspaceRequest = new RequestType<CheckWorkspaceParams, CheckWorkspaceResult, void>(
  'vanban/checkWorkspace',
);
