// Word documents in the language server: the workspace index reads a .docx as the Markdown
// server/src/docx makes of it, and the editor shows that Markdown as a read-only virtual document
// `vanban-docx:/path/to/file.docx` (the client's content provider asks `vanban/wordText`), which
// the server checks like any open document, under the id of the .docx file.

import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { LocalizedText } from '../core/types.js';
import { convertDocx } from '../docx/convert.js';
import { describeDocxProblem } from '../docx/messages.js';

export const WORD_SCHEME = 'vanban-docx';
const MAX_WORD_FILE_BYTES = 20 * 1024 * 1024;



/** `vanban-docx:/dir/file.docx` for the file `/dir/file.docx`. */
export function wordUri(path: string): string {
  return `${WORD_SCHEME}:${pathToFileURL(path).pathname}`;
}

/** The .docx file a `vanban-docx:` URI shows; undefined for any other URI. */
export function pathOfWordUri(uri: string): string | undefined {
  if (!uri.startsWith(`${WORD_SCHEME}:`)) return undefined;
  try {
    return fileURLToPath(`file://${uri.slice(WORD_SCHEME.length + 1).replace(/^\/*/, '/')}`);
  } catch {
    return undefined;
  }
}

export type WordText = { ok: true; text: string } | { ok: false; message: LocalizedText };

export function wordTextOfBytes(bytes: Uint8Array): WordText {
  const result = convertDocx(bytes);
  return result.ok ? { ok: true, text: result.markdown } : { ok: false, message: describeDocxProblem(result.problem) };
}

/** The last conversions, by path, kept while the file's size and mtime stay the same: related
 *  locations and the client's content provider ask for the same file again and again. */
const recent = new Map<string, { mtimeMs: number; size: number; result: WordText }>();
const RECENT = 8;

export function readWordFile(path: string): WordText {
  try {
    const { size, mtimeMs } = statSync(path);
    if (size > MAX_WORD_FILE_BYTES) return { ok: false, message: { vi: `tệp lớn hơn ${MAX_WORD_FILE_BYTES} byte`, en: `file larger than ${MAX_WORD_FILE_BYTES} bytes` } };
    const cached = recent.get(path);
    if (cached && cached.size === size && cached.mtimeMs === mtimeMs) return cached.result;
    const result = wordTextOfBytes(readFileSync(path));
    recent.delete(path);
    recent.set(path, { mtimeMs, size, result });
    if (recent.size > RECENT) recent.delete(recent.keys().next().value!);
    return result;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    return { ok: false, message: { vi: `không đọc được tệp (${code})`, en: `cannot read the file (${code})` } };
  }
}
