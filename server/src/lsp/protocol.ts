// Vanban's additions to the protocol. Documented in README.md next to this file; the extension
// uses the same method names.

import { NotificationType, RequestType } from 'vscode-languageserver';
import type { Diagnostic } from 'vscode-languageserver';
import type { DocumentKind } from '../core/document/model.js';
import type { TargetInfo } from './features/targets.js';

export interface TargetsParams {
  uri: string;
}

export interface TargetsResult {
  uri: string;
  /** Document version the targets were extracted from. */
  version: number;
  kind: DocumentKind;
  targets: TargetInfo[];
}

/** `vanban/targets`: the targets of an open document (null when the document is not open). */
export const TargetsRequest = new RequestType<TargetsParams, TargetsResult | null, void>('vanban/targets');

export interface CheckWorkspaceParams {
  /** Folder URIs to check; default: the workspace folders. */
  folders?: string[];
}

export interface CheckedFile {
  uri: string;
  kind: DocumentKind;
  diagnostics: Diagnostic[];
}

export interface CheckWorkspaceResult {
  /** Every policy document found (open documents included, with their unsaved text). */
  files: CheckedFile[];
  /** Files read that turned out not to be policy documents. */
  skipped: number;
  /** Files that could not be read (too large, unreadable), with the reason. */
  errors: { uri: string; message: string }[];
}

/** `vanban/checkWorkspace`: check every Markdown/text policy document under the folders. */
export const CheckWorkspaceRequest = new RequestType<CheckWorkspaceParams, CheckWorkspaceResult, void>('vanban/checkWorkspace');

export interface AnalyzedParams {
  uri: string;
  version: number;
  /** Analyses of this document since it was opened. */
  count: number;
  durationMs: number;
  findings: number;
}

/** `vanban/analyzed`: sent after each analysis when the client asked for it with the
 *  initialization option `analysisEvents: true` (tests and benchmarks). */
export const AnalyzedNotification = new NotificationType<AnalyzedParams>('vanban/analyzed');

export interface DashboardParams {
  /** Language of the page; default: the server's locale for the first workspace folder. */
  locale?: 'vi' | 'en';
  /**
   * A client command that reveals a location: each item then links to
   * `command:<linkCommand>?<encoded JSON [uri, line, character]>` (0-based), for a webview that
   * allows that one command. Without it, items link like the CLI's dashboard: `vscode://file/…:line:column`
   * and the `file:` URI.
   */
  linkCommand?: string;
}

export interface DashboardResult {
  /** The standalone page (core `renderDashboard`): no script, inline style allowed by its hash. */
  html: string;
  /** The workspace index was still being built: the page shows what was known; a
   *  `vanban/indexChanged` notification with `indexing: false` follows. */
  indexing: boolean;
  /** The index revision the page was built from. */
  revision: number;
  /** Policy documents the page was built from, and their targets. */
  documents: number;
  targets: number;
}

/** `vanban/dashboard`: the target dashboard of the workspace's documents (open ones with their unsaved text). */
export const DashboardRequest = new RequestType<DashboardParams, DashboardResult, void>('vanban/dashboard');

export interface IndexChangedParams {
  indexing: boolean;
  /** Increases whenever the index changes. */
  revision: number;
  /** Document files indexed (policy documents or not), and policy documents known. */
  files: number;
  documents: number;
  /** The walk stopped at `vanban.index.maxFiles`. */
  truncated: boolean;
}

/** `vanban/indexChanged`: the workspace index started or finished a walk, or changed (a file on
 *  disk, an open document); coalesced. Sent when `initializationOptions.indexEvents` is `true`. */
export const IndexChangedNotification = new NotificationType<IndexChangedParams>('vanban/indexChanged');

/** The client command a code lens runs: show the targets of a document (args: uri, 0-based line). */
export const SHOW_TARGETS_COMMAND = 'vanban.showTargets';

/** Initialization options the server understands (all optional). */
export interface VanbanInitializationOptions {
  /** Settings for clients without `workspace/configuration` (same shape as the `vanban` section). */
  settings?: unknown;
  analysisEvents?: boolean;
  /** Send `vanban/indexChanged` (the extension refreshes an open dashboard with it). */
  indexEvents?: boolean;
}
