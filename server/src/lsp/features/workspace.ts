// `vanban/checkWorkspace`: every Markdown/text policy document under the workspace folders,
// checked with the same code path as an open document (open documents with their unsaved text).

import { readdir, readFile, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { CancellationToken } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, type Analysis } from '../../core/engine.js';
import type { AnalysisContext } from '../analyses.js';
import { toDiagnostic, type ResolveDocument } from '../convert.js';
import type { CheckWorkspaceResult } from '../protocol.js';

const EXTENSIONS = new Set(['.md', '.markdown', '.txt']);
const SKIPPED_DIRS = new Set(['node_modules', 'out', 'dist']);
export const MAX_FILE_BYTES = 20 * 1024 * 1024;
const MAX_FILES = 10_000;

export interface WorkspaceCheckOptions {
  folders: string[];
  openDocument(uri: string): TextDocument | undefined;
  contextFor(uri: string): Promise<AnalysisContext>;
  filterFindings?(text: string, analysis: Analysis): Analysis;
  resolveDocument?: ResolveDocument;
  token: CancellationToken;
}

export async function checkWorkspace(options: WorkspaceCheckOptions): Promise<CheckWorkspaceResult> {
  const result: CheckWorkspaceResult = { files: [], skipped: 0, errors: [] };
  const paths: string[] = [];
  for (const folder of options.folders) {
    if (!folder.startsWith('file:')) continue;
    await collect(fileURLToPath(folder), paths, options.token);
  }
  paths.sort();
  for (const path of paths) {
    if (options.token.isCancellationRequested) break;
    const uri = pathToFileURL(path).href;
    const open = options.openDocument(uri);
    let text: string;
    if (open) text = open.getText();
    else {
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
    let analysis = analyze(text, { config: context.config });
    if (options.filterFindings) analysis = options.filterFindings(text, analysis);
    if (analysis.document.kind === 'unknown' && !context.included) {
      result.skipped++;
      continue;
    }
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

async function collect(dir: string, out: string[], token: CancellationToken): Promise<void> {
  if (out.length >= MAX_FILES || token.isCancellationRequested) return;
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRS.has(entry.name)) await collect(path, out, token);
    } else if (entry.isFile() && EXTENSIONS.has(extname(entry.name).toLowerCase())) {
      if (out.length >= MAX_FILES) return;
      out.push(path);
    }
  }
}
