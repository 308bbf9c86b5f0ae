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

/** The client command a code lens runs: show the targets of a document (args: uri, 0-based line). */
export const SHOW_TARGETS_COMMAND = 'vanban.showTargets';

/** Initialization options the server understands (all optional). */
export interface VanbanInitializationOptions {
  /** Settings for clients without `workspace/configuration` (same shape as the `vanban` section). */
  settings?: unknown;
  analysisEvents?: boolean;
}
