// `vanban/checkWorkspace`: every Markdown/text policy document under the workspace folders,
// checked with the same code path as an open document (open documents with their unsaved text),
// reports against their resolution as the workspace index knows it.

import { readFile, stat } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { CancellationToken } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CoreConfig } from '../../core/config.js';
import type { PolicyDocument } from '../../core/document/model.js';
import { parseDocument } from '../../core/document/parse.js';
import { checkDocument, isPolicyDocument, type Analysis } from '../../core/engine.js';
import type { AnalysisContext, WorkspaceUse } from '../analyses.js';
import { toDiagnostic, unreadableDiagnostic, type ResolveDocument } from '../convert.js';
import { collectDocuments } from '../files.js';
import { readWordFile, wordUri } from '../word.js';
import { isWordPath } from '../../io/document.js';
import type { CheckWorkspaceResult } from '../protocol.js';

export const MAX_FILE_BYTES = 20 * 1024 * 1024;
const MAX_FILES = 10_000;

export interface WorkspaceCheckOptions {
  folders: string[];
  openDocument(uri: string): TextDocument | undefined;
  contextFor(uri: string): Promise<AnalysisContext>;
  filterFindings?(text: string, analysis: Analysis): Analysis;
  resolveDocument?: ResolveDocument;
  workspaceFor?(uri: string, document: PolicyDocument, config: CoreConfig): WorkspaceUse | undefined;
  token: CancellationToken;
}

export async function checkWorkspace(options: WorkspaceCheckOptions): Promise<CheckWorkspaceResult> {
  const result: CheckWorkspaceResult = { files: [], skipped: 0, errors: [] };
  const paths: string[] = [];
  for (const folder of options.folders) {
    if (!folder.startsWith('file:') || paths.length >= MAX_FILES) continue;
    const found = await collectDocuments(fileURLToPath(folder), {
      limit: MAX_FILES - paths.length,
      cancelled: () => options.token.isCancellationRequested,
    });
    for (const p of found.paths) paths.push(p);
  }
  paths.sort();
  for (const path of paths) {
    if (options.token.isCancellationRequested) break;
    // A Word document is checked (and its findings shown) as its read-only converted text.
    const word = isWordPath(path);
    const uri = word ? wordUri(path) : pathToFileURL(path).href;
    const open = options.openDocument(uri);
    let text: string;
    if (open) text = open.getText();
    else if (word) {
      const read = readWordFile(path);
      if (!read.ok) {
        result.errors.push({ uri, message: read.message.en });
        continue;
      }
      text = read.text;
    } else {
      try {
        const size = (await stat(path)).size;
        if (size > MAX_FILE_BYTES) {
          result.errors.push({ uri, message: `file larger than ${MAX_FILE_BYTES} bytes` });
          continue;
        }
        text = (await readFile(path, 'utf8')).replace(/^\uFEFF/, '');
      } catch (error) {
        result.errors.push({ uri, message: error instanceof Error ? error.message : String(error) });
        continue;
      }
    }
    const context = await options.contextFor(uri);
    if (!context.settings.enable || context.ignored) continue;
    let document: PolicyDocument;
    try {
      document = parseDocument(text, context.config);
    } catch (error) {
      // One document the core cannot analyse: one diagnostic at its start; the others go on.
      result.files.push({ uri, kind: 'unknown', diagnostics: [unreadableDiagnostic(error, open?.version ?? 0, context.locale)] });
      continue;
    }
    if (!isPolicyDocument(document, context.config)) {
      result.skipped++;
      continue;
    }
    const workspace = options.workspaceFor?.(uri, document, context.config);
    let analysis = checkDocument(document, context.config, undefined, workspace?.context);
    if (options.filterFindings) analysis = options.filterFindings(text, analysis);
    const version = open?.version ?? 0;
    result.files.push({
      uri,
      kind: analysis.document.kind,
      diagnostics: analysis.findings.map((f) => toDiagnostic(f, analysis.document.lines, uri, version, context.locale, options.resolveDocument)),
    });
    // Let other requests (and a cancellation) through between files.
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  return result;
}
