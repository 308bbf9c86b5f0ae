// What a file's first bytes say it is, without unpacking anything: a zip (a .docx is one) or an
// OLE compound file (an old binary .doc, or a password-protected .docx). Kept apart from the
// converter so that reading a Markdown file never loads the zip and XML code (the CLI bundles the
// converter separately and loads it on the first Word file: scripts/bundle.mjs).

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);
}

export function isZip(bytes: Uint8Array): boolean {
  return startsWith(bytes, ZIP);
}

export function isOle(bytes: Uint8Array): boolean {
  return startsWith(bytes, OLE);
}
