// The outline lives in the numbering, not in `#`: Roman `I-`/`II.`, decimal `2.2.1.`, lettered
// `a)`, appendices `Phụ lục 02`, whatever the heading level or emphasis, and also on plain lines
// inside one Markdown paragraph (seed 001). Markdown headings without numbering are sections too.

import { toneKey } from '../text.js';
import type { Span } from '../types.js';
import type { Numbering, Section } from './model.js';
import { sourceSpan } from './model.js';
import type { StrippedLine } from './plain.js';
import { findPillars, rolesOfTitle, titleYear, type PillarMatcher } from './vocabulary.js';

const ROMAN = /^(X{0,3}(?:IX|IV|V?I{0,3}))\s*[-.–:)]\s*(?=\S)/;
const DECIMAL = /^(\d{1,2}(?:\.\d{1,2})*)\.(?!\d)\s*/;
const LETTER = /^([a-zđ])\)\s*(?=\S)/;
const APPENDIX_KEY = /^phu luc\s+(\d{1,2}(?!\d)|[ivx]{1,5}(?![\p{L}\p{N}]))/u;

export const VIETNAMESE_LETTERS = ['a', 'b', 'c', 'd', 'đ', 'e', 'g', 'h', 'i', 'k', 'l', 'm', 'n', 'o', 'p', 'q', 'r', 's', 't', 'u', 'v', 'x', 'y'];
const LATIN_LETTERS = 'abcdefghijklmnopqrstuvwxyz'.split('');

export function romanValue(roman: string): number {
  const values: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100 };
  let total = 0;
  for (let i = 0; i < roman.length; i++) {
    const v = values[roman[i]!.toUpperCase()] ?? 0;
    const next = values[roman[i + 1]?.toUpperCase() ?? ''] ?? 0;
    total += v < next ? -v : v;
  }
  return total;
}

export function letterIndex(letter: string): number {
  const vi = VIETNAMESE_LETTERS.indexOf(letter);
  return vi >= 0 ? vi + 1 : LATIN_LETTERS.indexOf(letter) + 1;
}

interface Candidate {
  line: StrippedLine;
  numbering: Numbering;
  /** Offset in plain text where the title starts. */
  titleStart: number;
}

function numberingOf(line: StrippedLine): Candidate | undefined {
  const p = line.plain;
  const at = (start: number, end: number): Span => sourceSpan(line, start, end);
  let m = ROMAN.exec(p);
  if (m && m[1]!.length > 0 && /\p{L}/u.test(p[m[0].length] ?? '')) {
    return {
      line,
      numbering: { scheme: 'roman', label: m[1]!, parts: [romanValue(m[1]!)], span: at(0, m[1]!.length) },
      titleStart: m[0].length,
    };
  }
  m = DECIMAL.exec(p);
  if (m && m[0].length < p.length) {
    const parts = m[1]!.split('.').map(Number);
    return {
      line,
      numbering: { scheme: 'decimal', label: m[1]!, parts, span: at(0, m[1]!.length + 1) },
      titleStart: m[0].length,
    };
  }
  m = LETTER.exec(p);
  if (m) {
    return {
      line,
      numbering: { scheme: 'letter', label: m[1]!, parts: [letterIndex(m[1]!)], span: at(0, 2) },
      titleStart: m[0].length,
    };
  }
  // `Phụ lục …` (any case, any tone placement) is the only numbering left: it starts with a P.
  if ((p.charCodeAt(0) | 32) !== 112) return undefined;
  const key = toneKey(p);
  if (key.length === p.length) {
    const a = APPENDIX_KEY.exec(key);
    if (a && !line.bullet) {
      const label = a[1]!.toUpperCase() === a[1] ? a[1]! : p.slice(a[0].length - a[1]!.length, a[0].length);
      const number = /^\d+$/.test(label) ? Number(label) : romanValue(label.toUpperCase());
      return {
        line,
        numbering: { scheme: 'appendix', label, parts: [number], span: at(0, a[0].length) },
        titleStart: a[0].length,
      };
    }
  }
  return undefined;
}

export interface OutlineInput {
  lines: StrippedLine[];
  /** Lines that belong to the document header (kind line, title): never sections. */
  headerLines: Set<number>;
  pillars: PillarMatcher[];
  textLength: number;
}

export function buildOutline(input: OutlineInput): { sections: Section[]; outline: Section[] } {
  const sections: Section[] = [];
  const outline: Section[] = [];
  const stack: Section[] = [];

  for (const line of input.lines) {
    if (input.headerLines.has(line.line)) continue;
    if (line.block === 'code' || line.block === 'table' || line.block === 'blank' || line.tabbed) continue;
    let cand = numberingOf(line);
    if (cand?.numbering.scheme === 'appendix' && !isAppendixHeading(line, cand)) cand = undefined;
    const recipients = !cand && /^nơi nhận\s*:?$/iu.test(line.plain.normalize('NFC'));
    const unnumberedHeading = !cand && line.block === 'heading' && !line.bullet;
    if (!cand && !recipients && !unnumberedHeading) continue;

    const numbering: Numbering = cand?.numbering ?? {
      scheme: 'none',
      label: '',
      parts: [],
      span: sourceSpan(line, 0, 0),
    };
    const level = levelOf(numbering, stack, recipients);
    while (stack.length > 0 && stack[stack.length - 1]!.level >= level) stack.pop();
    const parent = stack[stack.length - 1];

    let titleLine = line;
    let titleStart = cand?.titleStart ?? 0;
    if (numbering.scheme === 'appendix' && line.plain.slice(titleStart).trim() === '') {
      // `**Phụ lục 02**` with its title on the next line.
      const next = nextTextLine(input.lines, line.line);
      if (next) {
        titleLine = next;
        titleStart = 0;
      }
    }
    const { title, titleEnd, tailStart } = splitTitle(titleLine.plain, titleStart);
    const words = title.split(/\s+/).length;
    const year = titleYear(title);
    const pillarsNamed = words <= 16 ? distinctPillars(findPillars(title, input.pillars)) : [];
    const section: Section = {
      index: sections.length,
      numbering,
      level,
      title,
      titleSpan: sourceSpan(titleLine, titleStart, titleEnd),
      headSpan: line.span,
      span: { start: line.span.start, end: line.span.end },
      roles: recipients ? ['recipients'] : numbering.scheme === 'appendix' ? ['appendix'] : rolesOfTitle(title, year !== undefined),
      emphasised: line.emphasised || line.block === 'heading',
      children: [],
    };
    if (tailStart !== undefined && titleLine === line) section.tail = sourceSpan(line, tailStart, line.plain.length);
    if (year) section.year = { year: year.year, span: sourceSpan(titleLine, titleStart + year.start, titleStart + year.end) };
    if (pillarsNamed.length === 1) {
      const p = pillarsNamed[0]!;
      section.pillar = {
        id: p.definition.id,
        name: p.definition.name,
        span: sourceSpan(titleLine, titleStart + p.start, titleStart + p.end),
      };
    }
    if (parent) {
      section.parent = parent;
      parent.children.push(section);
    } else outline.push(section);
    sections.push(section);
    stack.push(section);
  }

  // A section runs to the next section at its level or above.
  const open: Section[] = [];
  const close = (s: Section, end: number): void => {
    s.span = { start: s.headSpan.start, end: Math.max(s.headSpan.end, trimEndOffset(input.lines, end)) };
  };
  for (const s of sections) {
    while (open.length > 0 && open[open.length - 1]!.level >= s.level) close(open.pop()!, s.headSpan.start);
    open.push(s);
  }
  while (open.length > 0) close(open.pop()!, input.textLength);
  return { sections, outline };
}

function nextTextLine(lines: StrippedLine[], after: number): StrippedLine | undefined {
  for (let i = after + 1; i < lines.length && i <= after + 3; i++) {
    const l = lines[i]!;
    if (l.plain.length > 0) return l.tabbed || l.block === 'table' ? undefined : l;
  }
  return undefined;
}

function distinctPillars<T extends { definition: { id: string } }>(found: T[]): T[] {
  const seen = new Set<string>();
  return found.filter((f) => !seen.has(f.definition.id) && seen.add(f.definition.id));
}

function levelOf(numbering: Numbering, stack: Section[], recipients: boolean): number {
  switch (numbering.scheme) {
    case 'appendix':
      return 0;
    case 'roman':
      return 1;
    case 'decimal':
      return 1 + numbering.parts.length;
    case 'letter':
    case 'none': {
      if (recipients) return 1;
      for (let i = stack.length - 1; i >= 0; i--) {
        const s = stack[i]!;
        if (s.numbering.scheme !== 'letter' && s.numbering.scheme !== 'none') return s.level + 1;
      }
      return 1;
    }
  }
}

/** Title up to a colon that introduces content on the same line (`2.2.1.2. Kinh tế số: Tỷ lệ …`). */
function splitTitle(plain: string, start: number): { title: string; titleEnd: number; tailStart?: number } {
  let end = plain.length;
  const colon = plain.indexOf(':', start);
  let tailStart: number | undefined;
  if (colon >= 0 && colon - start <= 80) {
    end = colon;
    let t = colon + 1;
    while (t < plain.length && /\s/.test(plain[t]!)) t++;
    if (t < plain.length) tailStart = t;
  }
  while (end > start && /[\s.;,]/.test(plain[end - 1]!)) end--;
  return { title: plain.slice(start, end), titleEnd: end, ...(tailStart !== undefined ? { tailStart } : {}) };
}

function isAppendixHeading(line: StrippedLine, cand: Candidate): boolean {
  if (line.emphasised || line.block === 'heading') return true;
  // A plain line that is only the appendix label, or the label followed by an upper-case title.
  const rest = line.plain.slice(cand.titleStart).trim();
  return rest === '' || rest === rest.toUpperCase();
}

function trimEndOffset(lines: StrippedLine[], offset: number): number {
  // Move back over blank lines so a section's span ends at its last visible character.
  let lo = 0;
  let hi = lines.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lines[mid]!.span.start < offset) lo = mid;
    else hi = mid - 1;
  }
  for (let i = lo; i >= 0; i--) {
    const l = lines[i]!;
    if (l.span.start >= offset) continue;
    if (l.plain.length === 0 && l.block !== 'code') continue;
    return Math.min(offset, l.span.end);
  }
  return offset;
}
