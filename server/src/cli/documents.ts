// Reading one document from disk or standard input: size limit, encoding, and a one-line reason
// when it cannot be read.

import { closeSync, fstatSync, openSync, readFileSync, readSync } from 'node:fs';
import { extname } from 'node:path';
import { formatByteSize } from '../config/schema.js';
import type { LocalizedText } from '../core/types.js';
import { convertDocx, isOle } from '../docx/convert.js';
import { describeDocxProblem } from '../docx/messages.js';
import { decodeDocument, type DecodedText } from './encoding.js';
import { msg } from './messages.js';
import type { WordOrigins } from './word.js';

export const DEFAULT_MAX_FILE_SIZE = 20 * 1024 * 1024;

/** A document's text; for a Word document, its converted Markdown and where each line is in Word. */
export type DocumentText = DecodedText & { word?: WordOrigins };

export type ReadResult = { ok: true; document: DocumentText; size: number } | { ok: false; message: LocalizedText };

/** Word documents: read through server/src/docx, never written back (--fix shows the fixes instead). */
export const WORD_EXTENSIONS = ['.docx', '.docm'];

export function isWordPath(path: string): boolean {
  return WORD_EXTENSIONS.includes(extname(path).toLowerCase());
}

export function readDocument(path: string, maxSize: number): ReadResult {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'EIO';
    return { ok: false, message: code === 'ENOENT' ? msg.fileNotFound() : msg.unreadable(code) };
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) return { ok: false, message: msg.notRegularFile() };
    if (stat.size > maxSize) return { ok: false, message: msg.tooLarge(formatByteSize(stat.size), formatByteSize(maxSize)) };
    const bytes = Buffer.alloc(stat.size);
    let read = 0;
    while (read < stat.size) {
      const n = readSync(fd, bytes, read, stat.size - read, read);
      if (n === 0) break;
      read += n;
    }
    return decoded(bytes.subarray(0, read), isWordPath(path));
  } catch (error) {
    return { ok: false, message: msg.unreadable((error as NodeJS.ErrnoException).code ?? 'EIO') };
  } finally {
    closeSync(fd);
  }
}

/** Standard input; `word`: --stdin-filename names a Word document. */
export function readStdin(maxSize: number, word = false): ReadResult {
  let bytes: Buffer;
  try {
    bytes = readFileSync(0);
  } catch (error) {
    return { ok: false, message: msg.unreadable((error as NodeJS.ErrnoException).code ?? 'EIO') };
  }
  if (bytes.length > maxSize) return { ok: false, message: msg.tooLarge(formatByteSize(bytes.length), formatByteSize(maxSize)) };
  return decoded(bytes, word);
}

function decoded(bytes: Uint8Array, word = false): ReadResult {
  // A .docx, or a Word file under another name (an old .doc saved as .md is an OLE file).
  if (word || isOle(bytes)) return fromWord(bytes);
  const result = decodeDocument(bytes);
  if ('text' in result) return { ok: true, document: result, size: bytes.length };
  switch (result.kind) {
    case 'binary':
      return { ok: false, message: msg.binary(result.format) };
    case 'invalid-utf8':
      return { ok: false, message: msg.invalidUtf8(result.line, result.byteOffset) };
    case 'invalid-utf16':
      return { ok: false, message: msg.invalidUtf16() };
  }
}

function fromWord(bytes: Uint8Array): ReadResult {
  const result = convertDocx(bytes);
  if (result.ok) return { ok: true, document: { text: result.markdown, encoding: 'utf8', word: result.origins }, size: bytes.length };
  return { ok: false, message: describeDocxProblem(result.problem) };
}
