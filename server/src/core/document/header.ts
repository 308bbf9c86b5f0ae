// The document header: its kind (by the title line), number, date, title, and the documents it
// names as its basis (a report names the resolution it reports on).

import { toneKey } from '../text.js';
import type { Span } from '../types.js';
import type { DocumentKind, DocumentReference } from './model.js';
import { sourceSpan } from './model.js';
import type { StrippedLine } from './plain.js';
import { KIND_WORDS } from './vocabulary.js';

export interface Header {
  kind: DocumentKind;
  kindSpan?: Span;
  number?: { text: string; span: Span };
  date?: { text: string; span: Span };
  title?: { text: string; span: Span };
  /** Where it was signed (`Phú Yên`), from the place-date line. */
  place?: string;
  /** Lines of the kind line and title: not sections. */
  headerLines: Set<number>;
  references: DocumentReference[];
}

/** How far into the document the title line may stand (seed 001 has a 10-line letterhead). */
const HEADER_SCAN_LINES = 60;

export function readHeader(lines: StrippedLine[]): Header {
  const header: Header = { kind: 'unknown', headerLines: new Set(), references: [] };
  const limit = Math.min(lines.length, HEADER_SCAN_LINES);
  let kindLine = -1;
  for (let i = 0; i < limit; i++) {
    const line = lines[i]!;
    if (line.block === 'code' || line.tabbed || line.bullet || line.plain.length === 0) continue;
    const kind = kindOfTitleLine(line.plain);
    if (kind) {
      header.kind = kind.kind;
      header.kindSpan = sourceSpan(line, 0, kind.length);
      header.headerLines.add(i);
      kindLine = i;
      break;
    }
  }
  if (kindLine >= 0) {
    // The title: the next non-blank lines up to a blank line, a rule or a numbered section.
    let i = kindLine + 1;
    const kindLineRest = lines[kindLine]!.plain.slice(header.kindSpan ? toneKeyLength(lines[kindLine]!) : 0).trim();
    const parts: StrippedLine[] = [];
    if (kindLineRest.length > 0) parts.push(lines[kindLine]!);
    while (i < lines.length && lines[i]!.plain.length === 0 && i < kindLine + 3 && parts.length === 0) i++;
    for (; i < lines.length && parts.length < 4; i++) {
      const l = lines[i]!;
      if (l.plain.length === 0 || l.block === 'thematic-break' || l.tabbed || /^-{3,}$/.test(l.plain)) break;
      if (/^([IVX]+\s*[-.–]|\d{1,2}(?:\.\d{1,2})*\.\s|[a-zđ]\)\s)/.test(l.plain)) break;
      parts.push(l);
      header.headerLines.add(i);
    }
    if (parts.length > 0) {
      const text = parts
        .map((p, n) => (p.line === kindLine ? p.plain.slice(toneKeyLength(p)).trim() : p.plain))
        .join(' ')
        .replace(/\s+/g, ' ')
        .trim();
      const first = parts[0]!;
      const last = parts[parts.length - 1]!;
      header.title = { text, span: { start: first.line === kindLine ? header.kindSpan!.end : first.map[0]!, end: last.map[last.plain.length]! } };
    }
  }
  // Number (`Số 22-NQ/TU`, `Số: 07-BC/BCSD`) and place-date line (`Kiên Giang, ngày 08 tháng 6 năm 2022`).
  for (let i = 0; i < limit; i++) {
    const line = lines[i]!;
    const p = line.plain;
    if (!header.number) {
      const m = /^Số\s*:?\s*(\d+\s*[-/]\s*[\p{Lu}Đ][\p{L}\d./-]*)/u.exec(p.normalize('NFC'));
      if (m && p.normalize('NFC').length === p.length) header.number = { text: m[1]!.replace(/\s+/g, ''), span: sourceSpan(line, m.index + m[0].length - m[1]!.length, m.index + m[0].length) };
    }
    if (!header.place) {
      // `Phú Yên, ngày 18 tháng 11 năm 2024`, `Hà Giang, ngày`: the place the document was signed.
      const m = /^([\p{Lu}][\p{L}.\- ]{1,40}?),\s*ngày\b/u.exec(p.normalize('NFC'));
      if (m && i < (kindLine >= 0 ? kindLine + 2 : limit)) header.place = m[1]!.trim();
    }
    if (!header.date) {
      const m = /ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})/iu.exec(p.normalize('NFC'));
      if (m && p.normalize('NFC').length === p.length && i < (kindLine >= 0 ? kindLine + 2 : limit)) {
        header.date = { text: `${m[1]!.padStart(2, '0')}/${m[2]!.padStart(2, '0')}/${m[3]}`, span: sourceSpan(line, m.index, m.index + m[0].length) };
      }
    }
  }
  header.references = findReferences(lines, kindLine);
  return header;

  function toneKeyLength(line: StrippedLine): number {
    const kind = kindOfTitleLine(line.plain);
    return kind ? kind.length : 0;
  }
}

/** The kind named by a title line: the line is the kind word alone, or starts with it in capitals. */
function kindOfTitleLine(plain: string): { kind: DocumentKind; length: number } | undefined {
  const trimmed = plain.replace(/[\s:.]+$/, '');
  const key = toneKey(trimmed);
  for (const [word, kind] of KIND_WORDS) {
    if (key === word) return { kind, length: trimmed.length };
    if (key.startsWith(word + ' ')) {
      // Same length in the key and the source when the source is NFC; otherwise measure on NFC.
      const head = trimmed.normalize('NFC').slice(0, word.length);
      if (head === head.toUpperCase() && head !== head.toLowerCase() && trimmed.length === trimmed.normalize('NFC').length) {
        return { kind, length: word.length };
      }
    }
  }
  return undefined;
}

const REFERENCE = /(Nghị quyết|Kế hoạch|Quyết định|Chương trình hành động)\s+(?:số\s+)?(\d{1,4}\s*-\s*[\p{Lu}Đ]{1,6}\s*\/\s*[\p{Lu}Đ][\p{L}-]*)(?:,?\s+ngày\s+(\d{1,2}\/\d{1,2}\/\d{4}|\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}))?/gu;

/** Documents named in the title and the opening paragraphs. */
function findReferences(lines: StrippedLine[], kindLine: number): DocumentReference[] {
  const refs: DocumentReference[] = [];
  const seen = new Set<string>();
  let paragraphs = 0;
  for (let i = Math.max(0, kindLine); i < lines.length && paragraphs < 4; i++) {
    const line = lines[i]!;
    if (line.plain.length === 0) continue;
    if (i > kindLine + 1) paragraphs++;
    const p = line.plain;
    if (p.normalize('NFC').length !== p.length) continue;
    REFERENCE.lastIndex = 0;
    for (let m = REFERENCE.exec(p); m; m = REFERENCE.exec(p)) {
      const number = m[2]!.replace(/\s+/g, '');
      if (seen.has(number)) continue;
      seen.add(number);
      const kind: DocumentKind = /^Nghị/u.test(m[1]!) ? 'resolution' : /^Quyết/u.test(m[1]!) ? 'decision' : 'plan';
      refs.push({ kind, number, ...(m[3] ? { date: normaliseDate(m[3]) } : {}), span: sourceSpan(line, m.index, m.index + m[0].length) });
    }
  }
  return refs;
}

/** A plan's citation, government style (`37/KH-UBND`) or party style (`05-KH/TU`), with its date. */
const PLAN_REFERENCE =
  /(Kế hoạch)\s+(?:số\s+)?(\d{1,4}\s*[-/]\s*[\p{Lu}Đ]{1,6}(?:\s*[-/]\s*[\p{Lu}Đ][\p{L}-]*)?)(?:,?\s+ngày\s+(\d{1,2}\/\d{1,2}\/\d{4}|\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}))?/gu;

/**
 * Plans (`Kế hoạch số 37/KH-UBND ngày 05/02/2024`) cited with their date on the given lines: the
 * plans an annual plan's results part evaluates.
 */
export function citedPlans(lines: StrippedLine[]): DocumentReference[] {
  const refs: DocumentReference[] = [];
  const seen = new Set<string>();
  for (const line of lines) {
    const p = line.plain;
    if (p.length === 0 || p.normalize('NFC').length !== p.length || !p.includes('/')) continue;
    PLAN_REFERENCE.lastIndex = 0;
    for (let m = PLAN_REFERENCE.exec(p); m; m = PLAN_REFERENCE.exec(p)) {
      if (!m[3]) continue;
      const number = m[2]!.replace(/\s+/g, '');
      if (seen.has(number)) continue;
      seen.add(number);
      refs.push({ kind: 'plan', number, date: normaliseDate(m[3]), span: sourceSpan(line, m.index, m.index + m[0].length) });
    }
  }
  return refs;
}

function normaliseDate(text: string): string {
  const long = /(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})/u.exec(text);
  const [d, mo, y] = long ? [long[1]!, long[2]!, long[3]!] : text.split('/');
  return `${d!.padStart(2, '0')}/${mo!.padStart(2, '0')}/${y}`;
}
