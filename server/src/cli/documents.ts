// Reading one document from disk or standard input: size limit, encoding, and a one-line reason
// when it cannot be read.

import { closeSync, fstatSync, openSync, readFileSync, readSync } from 'node:fs';
import { formatByteSize } from '../config/schema.js';
import type { LocalizedText } from '../core/types.js';
import { decodeDocument, type DecodedText } from './encoding.js';
import { msg } from './messages.js';

export const DEFAULT_MAX_FILE_SIZE = 20 * 1024 * 1024;

export type ReadResult = { ok: true; document: DecodedText; size: number } | { ok: false; message: LocalizedText };

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
    return decoded(bytes.subarray(0, read));
  } catch (error) {
    return { ok: false, message: msg.unreadable((error as NodeJS.ErrnoException).code ?? 'EIO') };
  } finally {
    closeSync(fd);
  }
}

export function readStdin(maxSize: number): ReadResult {
  let bytes: Buffer;
  try {
    bytes = readFileSync(0);
  } catch (error) {
    return { ok: false, message: msg.unreadable((error as NodeJS.ErrnoException).code ?? 'EIO') };
  }
  if (bytes.length > maxSize) return { ok: false, message: msg.tooLarge(formatByteSize(bytes.length), formatByteSize(maxSize)) };
  return decoded(bytes);
}

function decoded(bytes: Uint8Array): ReadResult {
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
