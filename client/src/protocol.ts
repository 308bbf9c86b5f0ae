// The custom requests the extension sends to the Vanban language server, beyond standard LSP. The
// types come from the server's own protocol module (server/src/lsp/protocol.ts, documented in its
// README), so a change there breaks this build instead of the running extension; only the method
// names are repeated here, to keep the server's runtime out of the extension bundle.
import { NotificationType, RequestType } from 'vscode-languageclient/node.js';
import type {
  CheckWorkspaceParams,
  CheckWorkspaceResult,
  DashboardParams,
  DashboardResult,
  IndexChangedParams,
  TargetsParams,
  TargetsResult,
} from '../../server/src/lsp/protocol.js';

export type { CheckWorkspaceResult, DashboardResult, IndexChangedParams, TargetsResult } from '../../server/src/lsp/protocol.js';
export type { TargetInfo } from '../../server/src/lsp/features/targets.js';

/** `vanban/targets`: the targets of an open document, in document order. */
export const TargetsRequest = new RequestType<TargetsParams, TargetsResult | null, void>('vanban/targets');

/** `vanban/checkWorkspace`: every policy document under the given folders, open or not. */
export const CheckWorkspaceRequest = new RequestType<CheckWorkspaceParams, CheckWorkspaceResult, void>(
  'vanban/checkWorkspace',
);

/** `vanban/dashboard`: the workspace's target dashboard as a standalone HTML page. */
export const DashboardRequest = new RequestType<DashboardParams, DashboardResult, void>('vanban/dashboard');

/** `vanban/indexChanged`: the server's workspace index changed (sent because we ask with `indexEvents`). */
export const IndexChangedNotification = new NotificationType<IndexChangedParams>('vanban/indexChanged');
