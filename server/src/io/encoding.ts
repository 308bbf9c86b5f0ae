// Bytes <-> text for documents on disk: below both adapters (the CLI reads files with it, the
// language server's workspace index reads the files that are not open with it); the core never
// sees bytes. Word and LibreOffice exports arrive as UTF-8 with or without
// a BOM and as UTF-16 with a BOM; the encoding is remembered so that --fix writes the file back
// byte-for-byte identical outside the fixed ranges.

import { isUtf8 } from 'node:buffer';

export type TextEncoding = 'utf8' | 'utf8-bom' | 'utf16le' | 'utf16be';

export interface DecodedText {
  /** The text without its BOM: offsets and columns are counted from the first real character. */
  text: string;
  encoding: TextEncoding;
}

export type DecodeFailure =
  | { kind: 'binary'; format?: string }
  | { kind: 'invalid-utf8'; byteOffset: number; line: number }
  | { kind: 'invalid-utf16' };

/** Magic numbers of the binary formats documents are most often mistakenly saved in. */
const SIGNATURES: { bytes: number[]; format: string }[] = [
  { bytes: [0x25, 0x50, 0x44, 0x46, 0x2d], format: 'PDF' },
  { bytes: [0x50, 0x4b, 0x03, 0x04], format: 'ZIP/DOCX' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], format: 'Word 97-2003 (.doc)' },
  { bytes: [0x89, 0x50, 0x4e, 0x47], format: 'PNG' },
  { bytes: [0xff, 0xd8, 0xff], format: 'JPEG' },
];

const SNIFF_LENGTH = 8192;

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);
}

export function decodeDocument(bytes: Uint8Array): DecodedText | DecodeFailure {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return decodeUtf8(bytes, 3, 'utf8-bom');
  if (startsWith(bytes, [0xff, 0xfe])) return decodeUtf16(bytes.subarray(2), 'utf16le');
  if (startsWith(bytes, [0xfe, 0xff])) return decodeUtf16(bytes.subarray(2), 'utf16be');
  const signature = SIGNATURES.find((s) => startsWith(bytes, s.bytes));
  if (signature) return { kind: 'binary', format: signature.format };
  const sniff = bytes.subarray(0, SNIFF_LENGTH);
  if (sniff.includes(0)) return { kind: 'binary' };
  return decodeUtf8(bytes, 0, 'utf8');
}

function decodeUtf8(bytes: Uint8Array, start: number, encoding: TextEncoding): DecodedText | DecodeFailure {
  const body = bytes.subarray(start);
  // The native validator answers for the common case; the byte loop finds where it fails.
  const bad = isUtf8(body) ? -1 : firstInvalidUtf8(body);
  if (bad !== -1) {
    let line = 1;
    for (let i = 0; i < bad; i++) if (body[i] === 0x0a) line++;
    return { kind: 'invalid-utf8', byteOffset: start + bad, line };
  }
  return { text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(body), encoding };
}

function decodeUtf16(body: Uint8Array, encoding: 'utf16le' | 'utf16be'): DecodedText | DecodeFailure {
  if (body.length % 2 !== 0) return { kind: 'invalid-utf16' };
  const le = encoding === 'utf16le' ? body : swapBytes(body);
  try {
    return { text: new TextDecoder('utf-16le', { fatal: true, ignoreBOM: true }).decode(le), encoding };
  } catch {
    return { kind: 'invalid-utf16' };
  }
}

function swapBytes(bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(bytes.length);
  for (let i = 0; i + 1 < bytes.length; i += 2) {
    out[i] = bytes[i + 1]!;
    out[i + 1] = bytes[i]!;
  }
  return out;
}

/** Byte offset of the first byte that does not start a well-formed UTF-8 sequence, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) [need, min] = [1, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [need, min] = [2, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [need, min] = [3, 0x10000];
    else return i;
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    // Overlong forms, UTF-16 surrogates and code points past U+10FFFF are not UTF-8.
    if (cp < min || (cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff) return i;
    i += need + 1;
  }
  return -1;
}

export function encodeDocument(text: string, encoding: TextEncoding): Buffer {
  switch (encoding) {
    case 'utf8':
      return Buffer.from(text, 'utf8');
    case 'utf8-bom':
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    case 'utf16le':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    case 'utf16be':
      return Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(swapBytes(Buffer.from(text, 'utf16le')))]);
  }
}
