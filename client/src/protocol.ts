// The custom requests the extension sends to the Vanban language server, beyond standard LSP.
// The server side documents the same names in server/src/lsp/README.md; keep the two in step.
import { RequestType, type Diagnostic, type Range, type TextDocumentIdentifier } from 'vscode-languageclient';

/** One target (chỉ tiêu) as the core understood it. */
export interface TargetInfo {
  /** The target's text in the document. */
  range: Range;
  /** Short text of the target, e.g. "Trên 55% doanh nghiệp vừa và nhỏ … sàn thương mại điện tử". */
  summary: string;
  indicator?: string;
  /** The value as written ("Trên 55%"), absent for a qualitative target. */
  value?: string;
  year?: number;
  /** Display name of the pillar ("Kinh tế số"). */
  pillar?: string;
  /** Title of the enclosing section ("Mục tiêu cụ thể đến năm 2025"). */
  section?: string;
}

export interface TargetsParams {
  textDocument: TextDocumentIdentifier;
}

/** `vanban/targets`: the targets of one open document, in document order. */
export const TargetsRequest = new RequestType<TargetsParams, TargetInfo[] | { targets: TargetInfo[] } | null, void>(
  'vanban/targets',
);

export interface CheckWorkspaceParams {
  /** File URIs of the candidate documents; the server reads them from disk and skips files that
   *  are not policy documents. The client lists them because it knows the workspace's excludes. */
  uris: string[];
}

export interface CheckWorkspaceResult {
  documents: { uri: string; diagnostics: Diagnostic[] }[];
}

/** `vanban/checkWorkspace`: diagnostics for every given document, open in the editor or not. */
export const CheckWorkspaceRequest = new RequestType<CheckWorkspaceParams, CheckWorkspaceResult, void>(
  'vanban/checkWorkspace',
);

export function targetList(result: TargetInfo[] | { targets: TargetInfo[] } | null | undefined): TargetInfo[] {
  if (!result) return [];
  return Array.isArray(result) ? result : result.targets ?? [];
}
