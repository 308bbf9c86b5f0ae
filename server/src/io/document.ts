// A document's bytes → the text the core reads, one function for the CLI and the language server:
// a Word document (.docx, or an OLE file under another name: an old .doc or a password-protected
// .docx) through server/src/docx, anything else through the text decoder. Each adapter words the
// failures in its own messages; neither reads a document any other way.

import { extname } from 'node:path';
import { convertDocx, type DocxOrigin, type DocxProblem } from '../docx/convert.js';
import { isOle } from '../docx/magic.js';
import { decodeDocument, type DecodeFailure, type DecodedText } from './encoding.js';

/** Word documents: read through server/src/docx, never written back. */
export const WORD_EXTENSIONS = ['.docx', '.docm'];

export function isWordPath(path: string): boolean {
  return WORD_EXTENSIONS.includes(extname(path).toLowerCase());
}

/** Where each line of a Word document's converted text stands in Word (paragraph, table cell …). */
export type WordOrigins = readonly (DocxOrigin | undefined)[];

/** A document's text; for a Word document, its converted Markdown and where each line is in Word. */
export type DocumentText = DecodedText & { word?: WordOrigins };

export type DocumentTextResult =
  | { ok: true; document: DocumentText }
  | { ok: false; failure: DecodeFailure }
  | { ok: false; word: DocxProblem };

/** `word`: the name says Word (`.docx`, `--stdin-filename X.docx`); OLE bytes are Word whatever the name. */
export function documentText(bytes: Uint8Array, word: boolean): DocumentTextResult {
  if (word || isOle(bytes)) {
    const result = convertDocx(bytes);
    return result.ok ? { ok: true, document: { text: result.markdown, encoding: 'utf8', word: result.origins } } : { ok: false, word: result.problem };
  }
  const result = decodeDocument(bytes);
  return 'text' in result ? { ok: true, document: result } : { ok: false, failure: result };
}
