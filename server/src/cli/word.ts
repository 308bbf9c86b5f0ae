// Findings of a document read from Word: the position in the converted text is exact for
// `vanban convert`'s Markdown, but a reviewer with only the .docx open needs the paragraph (or the
// table, row and cell) and a short quote of the text to find the place in Word.

import type { WordOrigins } from '../io/document.js';
import type { Locale } from '../core/types.js';
import type { Diagnostic } from './report.js';

export type { WordOrigins };

const QUOTE_LENGTH = 60;

const SUPERSCRIPT: Record<string, string> = { '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹', '(': '⁽', ')': '⁾' };

/** The location and quote of each diagnostic, added in place. */
export function addWordLocations(diagnostics: Diagnostic[], text: string, origins: WordOrigins, locale: Locale): void {
  if (diagnostics.length === 0) return;
  const lines = text.split('\n');
  for (const d of diagnostics) {
    const origin = origins[d.line - 1];
    const line = lines[d.line - 1] ?? '';
    const column = d.column - 1;
    let segment = line;
    let offset = column;
    let cell: number | undefined;
    if (origin?.kind === 'table' && line.startsWith('|')) {
      // The cell of the column: unescaped pipes before it.
      const pipes = [...line.matchAll(/(?<!\\)\|/g)].map((m) => m.index!);
      const before = pipes.filter((p) => p < column).length;
      cell = Math.max(1, before);
      const start = pipes[before - 1] ?? 0;
      const end = pipes[before] ?? line.length;
      segment = line.slice(start + 1, end);
      offset = Math.max(0, column - start - 1);
    }
    const snippet = quote(segment, offset, d.endLine === d.line ? d.endColumn - d.column : QUOTE_LENGTH);
    if (!origin) continue;
    const en = locale === 'en';
    let location: string;
    const where: { paragraph?: number; table?: number; row?: number; cell?: number; footnote?: number } = {};
    switch (origin.kind) {
      case 'paragraph':
        location = en ? `paragraph ${origin.paragraph}` : `đoạn ${origin.paragraph}`;
        where.paragraph = origin.paragraph;
        break;
      case 'table':
        location = en ? `table ${origin.table}, row ${origin.row}` : `bảng ${origin.table}, hàng ${origin.row}`;
        if (cell !== undefined) location += en ? `, cell ${cell}` : `, ô ${cell}`;
        where.table = origin.table;
        where.row = origin.row;
        if (cell !== undefined) where.cell = cell;
        break;
      case 'footnote':
        location = en ? `footnote ${origin.footnote}` : `chú thích ${origin.footnote}`;
        if (origin.footnote > 0) where.footnote = origin.footnote;
        break;
    }
    d.word = { location, ...where, snippet };
  }
}

/** Markdown markup taken out, then about QUOTE_LENGTH characters from a little before the finding. */
function quote(segment: string, offset: number, length: number): string {
  let plain = '';
  let at = -1;
  const markup = /^(\*\*|\*|<\/?sup>|\\(?=\|)|#{1,6} )/;
  for (let i = 0; i < segment.length; ) {
    if (i >= offset && at < 0) at = plain.length;
    // A footnote mark as Word shows it: raised digits.
    const sup = /^<sup>([^<]{1,8})<\/sup>/.exec(segment.slice(i, i + 20));
    if (sup) {
      plain += [...sup[1]!].map((ch) => SUPERSCRIPT[ch] ?? ch).join('');
      i += sup[0].length;
      continue;
    }
    const m = markup.exec(segment.slice(i));
    if (m && !(m[1]!.startsWith('#') && i > 0)) {
      i += m[0].length;
      continue;
    }
    plain += segment[i];
    i++;
  }
  if (at < 0) at = plain.length;
  plain = plain.replace(/\s+/g, ' ');
  const trimmed = plain.trim();
  if (trimmed.length <= QUOTE_LENGTH) return trimmed;
  const want = Math.max(Math.min(length, QUOTE_LENGTH), 20);
  let start = Math.max(0, at - Math.max(0, Math.floor((QUOTE_LENGTH - want) / 2)));
  start = Math.min(start, Math.max(0, plain.length - QUOTE_LENGTH));
  // Whole words at the edges.
  if (start > 0) {
    const space = plain.lastIndexOf(' ', start);
    start = space >= 0 && start - space < 12 ? space + 1 : start;
  }
  let end = Math.min(plain.length, start + QUOTE_LENGTH);
  if (end < plain.length) {
    const space = plain.indexOf(' ', end);
    if (space >= 0 && space - end < 12) end = space;
  }
  return `${start > 0 ? '…' : ''}${plain.slice(start, end).trim()}${end < plain.length ? '…' : ''}`;
}
