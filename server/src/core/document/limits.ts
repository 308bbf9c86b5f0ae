// What a document may not do: nest containers deeper than any real document does. micromark (and
// our line scanner) spend time quadratic in a line's nesting depth, and a tree that deep is deeper
// than the call stack of anything that walks it: a line of 6,000 `>` took the whole run down
// (issue 16). Such a document is refused with one reason instead.

import type { LocalizedText } from '../types.js';
import type { LineIndex } from '../text.js';

/** Containers (block quotes, list items) opened on one line; CommonMark parsers cap near 100 too. */
export const MAX_NESTING = 100;

/** Thrown by parseDocument for a document it refuses to analyse; adapters report `reason` once, at `line`. */
export class DocumentLimitError extends Error {
  constructor(
    readonly reason: LocalizedText,
    /** 0-based line the problem is on. */
    readonly line: number,
  ) {
    super(reason.en);
    this.name = 'DocumentLimitError';
  }
}

const SPACE = 32;
const TAB = 9;
const GT = 62;
const DASH = 45;
const STAR = 42;
const PLUS = 43;
const UNDERSCORE = 95;
const DOT = 46;
const RPAREN = 41;

/**
 * Throws DocumentLimitError when a line opens more than MAX_NESTING containers. Reads only the
 * markers at each line's start (one or two characters of an ordinary line), so it costs next to
 * nothing. A line of `- - - …` or `* * * …` alone is a thematic break, not a list, and is allowed.
 */
export function checkNesting(text: string, lines: LineIndex): void {
  const starts = lines.starts;
  for (let l = 0; l < starts.length; l++) {
    let i = starts[l]!;
    const c = text.charCodeAt(i);
    // Fast path: most lines start with a letter or `#`.
    if (c !== SPACE && c !== TAB && c !== GT && c !== DASH && c !== STAR && c !== PLUS && (c < 48 || c > 57)) continue;
    const end = l + 1 < starts.length ? starts[l + 1]! : text.length;
    let depth = 0;
    let lists = 0;
    for (;;) {
      while (i < end && (text.charCodeAt(i) === SPACE || text.charCodeAt(i) === TAB)) i++;
      const m = text.charCodeAt(i);
      if (m === GT) {
        depth++;
        i++;
      } else if ((m === DASH || m === STAR || m === PLUS) && (text.charCodeAt(i + 1) === SPACE || text.charCodeAt(i + 1) === TAB)) {
        depth++;
        lists++;
        i += 2;
      } else if (m >= 48 && m <= 57) {
        // An ordered list marker: up to nine digits, `.` or `)`, then a space.
        let j = i + 1;
        while (j < end && j - i < 9 && text.charCodeAt(j) >= 48 && text.charCodeAt(j) <= 57) j++;
        const d = text.charCodeAt(j);
        const after = text.charCodeAt(j + 1);
        if ((d !== DOT && d !== RPAREN) || (after !== SPACE && after !== TAB)) break;
        depth++;
        i = j + 2;
      } else break;
    }
    if (depth <= MAX_NESTING) continue;
    if (depth - lists <= MAX_NESTING && onlyBreakCharacters(text, i, end)) continue;
    throw new DocumentLimitError(
      {
        vi: `dòng ${l + 1} lồng quá sâu (${depth} cấp trích dẫn/danh sách, tối đa ${MAX_NESTING}); không phân tích văn bản này`,
        en: `line ${l + 1} nests too deep (${depth} quote/list levels, at most ${MAX_NESTING}); the document is not analysed`,
      },
      l,
    );
  }
}

function onlyBreakCharacters(text: string, from: number, end: number): boolean {
  for (let i = from; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c !== DASH && c !== STAR && c !== UNDERSCORE && c !== SPACE && c !== TAB && c !== 10 && c !== 13) return false;
  }
  return true;
}

/**
 * Why a document could not be analysed, as one sentence: the reason of a document the core
 * refuses, else what went wrong (a stack overflow said in words). Shared by the CLI and the
 * language server, which show it for that one document and go on with the others.
 */
export function analysisFailure(error: unknown): LocalizedText {
  if (error instanceof DocumentLimitError) return error.reason;
  if (error instanceof RangeError && /call stack/i.test(error.message)) {
    return { vi: 'không phân tích được văn bản: cấu trúc lồng nhau quá sâu', en: 'cannot analyse the document: it nests too deep' };
  }
  const detail = error instanceof Error ? error.message : String(error);
  return { vi: `không phân tích được văn bản: ${detail}`, en: `cannot analyse the document: ${detail}` };
}
