// Reading one document from disk or standard input: size limit, encoding, and a one-line reason
// when it cannot be read.

import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { readAll } from '../io/read.js';
import { formatByteSize } from '../config/schema.js';
import { analysableBytes } from '../heap.js';
import type { LocalizedText } from '../core/types.js';
import { describeDocxProblem } from '../docx/messages.js';
import { documentText, isWordPath, WORD_EXTENSIONS, type DocumentText } from '../io/document.js';
import { msg } from './messages.js';

export const DEFAULT_MAX_FILE_SIZE = 20 * 1024 * 1024;

/** The largest document this process can analyse, whatever --max-file-size says (heap.ts). */
export const memoryCeiling = analysableBytes;

/** Opening never blocks: a FIFO opened for reading waits for a writer (issue 16). */
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

export type ReadResult = { ok: true; document: DocumentText; size: number; bytes: Uint8Array; mtimeMs: number } | { ok: false; message: LocalizedText };

export { isWordPath, WORD_EXTENSIONS, type DocumentText };

export function readDocument(path: string, maxSize: number): ReadResult {
  let fd: number;
  try {
    fd = openSync(path, OPEN_FLAGS);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'EIO';
    return { ok: false, message: code === 'ENOENT' ? msg.fileNotFound() : code === 'ELOOP' ? msg.symlinkLoop() : msg.unreadable(code) };
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) return { ok: false, message: msg.notRegularFile() };
    if (stat.size > maxSize) return { ok: false, message: msg.tooLarge(formatByteSize(stat.size), formatByteSize(maxSize)) };
    const ceiling = memoryCeiling();
    if (stat.size > ceiling) return { ok: false, message: msg.tooLargeForMemory(formatByteSize(stat.size), formatByteSize(ceiling)) };
    const content = readAll(fd, stat.size);
    const result = decoded(content, isWordPath(path));
    return result.ok ? { ...result, bytes: content, mtimeMs: stat.mtimeMs } : result;
  } catch (error) {
    return { ok: false, message: msg.unreadable((error as NodeJS.ErrnoException).code ?? 'EIO') };
  } finally {
    closeSync(fd);
  }
}

const PAUSE = new Int32Array(new SharedArrayBuffer(4));

/** Standard input; `word`: --stdin-filename names a Word document. */
export function readStdin(maxSize: number, word = false): ReadResult {
  // Read in chunks, never more than the limit and one byte: a 200 MB stream is refused after 20 MB.
  const limit = Math.min(maxSize, memoryCeiling());
  const chunks: Buffer[] = [];
  let total = 0;
  const chunk = Buffer.alloc(1 << 16);
  try {
    for (;;) {
      let n: number;
      try {
        n = readSync(0, chunk, 0, chunk.length, null);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'EAGAIN') {
          // A non-blocking standard input with nothing yet: wait a little rather than spin.
          Atomics.wait(PAUSE, 0, 0, 5);
          continue;
        }
        if (code === 'EOF') break;
        throw error;
      }
      if (n === 0) break;
      chunks.push(Buffer.from(chunk.subarray(0, n)));
      total += n;
      if (total > limit) {
        return {
          ok: false,
          message:
            total > maxSize
              ? msg.tooLarge(`> ${formatByteSize(maxSize)}`, formatByteSize(maxSize))
              : msg.tooLargeForMemory(`> ${formatByteSize(limit)}`, formatByteSize(limit)),
        };
      }
    }
  } catch (error) {
    return { ok: false, message: msg.unreadable((error as NodeJS.ErrnoException).code ?? 'EIO') };
  }
  const bytes = Buffer.concat(chunks, total);
  const result = decoded(bytes, word);
  return result.ok ? { ...result, bytes, mtimeMs: 0 } : result;
}

type Decoded = { ok: true; document: DocumentText; size: number } | { ok: false; message: LocalizedText };

function decoded(bytes: Uint8Array, word = false): Decoded {
  const result = documentText(bytes, word);
  if (result.ok) return { ok: true, document: result.document, size: bytes.length };
  if ('word' in result) return { ok: false, message: describeDocxProblem(result.word) };
  const failure = result.failure;
  switch (failure.kind) {
    case 'binary':
      return { ok: false, message: msg.binary(failure.format) };
    case 'invalid-utf8':
      return { ok: false, message: msg.invalidUtf8(failure.line, failure.byteOffset) };
    case 'invalid-utf16':
      return { ok: false, message: msg.invalidUtf16() };
  }
}
