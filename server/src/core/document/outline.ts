// The outline lives in the numbering, not in `#`: Roman `I-`/`II.`, decimal `2.2.1.`, lettered
// `a)`, appendices `Phụ lục 02`, whatever the heading level or emphasis, and also on plain lines
// inside one Markdown paragraph (seed 001). Markdown headings without numbering are sections too.

import { toneKey } from '../text.js';
import type { Span } from '../types.js';
import type { Numbering, Section } from './model.js';
import { joinLines, sourceSpan, wrapsInto } from './model.js';
import type { StrippedLine } from './plain.js';
import { findPillars, rolesOfTitle, titleYear, type FoundPillar, type PillarMatcher } from './vocabulary.js';

const ROMAN = /^(X{0,3}(?:IX|IV|V?I{0,3}))\s*[-.–:)]\s*(?=\S)/;
const DECIMAL = /^(\d{1,2}(?:\.\d{1,2})*)\.(?!\d)\s*/;
const LETTER = /^([a-zđ])\)\s*(?=\S)/;
const APPENDIX_KEY = /^phu luc\s+(\d{1,2}(?!\d)|[ivx]{1,5}(?![\p{L}\p{N}]))/u;
/** `Phần I`, `PHẦN II.`, `Phần 2:`, `Phần thứ hai` (on tone keys). */
const PART_KEY = /^phân\s+(thư\s+(?:nhât|hai|ba|tư|năm|sau)|[ivx]{1,5}|\d{1,2})(?![\p{L}\p{N}])\s*[-.:–)]?\s*/u;
const PART_ORDINALS: Record<string, number> = { 'nhât': 1, hai: 2, ba: 3, 'tư': 4, 'năm': 5, sau: 6 };

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
  // `Phụ lục …` and `Phần …` (any case, any tone placement) are the numberings left: they start with a P.
  if ((p.charCodeAt(0) | 32) !== 112) return undefined;
  const key = toneKey(p);
  if (key.length === p.length && !line.bullet) {
    const part = PART_KEY.exec(key);
    if (part) {
      const raw = part[1]!;
      const written = p.slice(part[0].indexOf(raw), part[0].indexOf(raw) + raw.length);
      const number = raw.startsWith('thư ')
        ? PART_ORDINALS[raw.slice(4)]!
        : /^\d+$/.test(raw)
          ? Number(raw)
          : romanValue(raw.toUpperCase());
      return {
        line,
        numbering: { scheme: 'part', label: written, parts: [number], span: at(0, part[0].trimEnd().length) },
        titleStart: part[0].length,
      };
    }
  }
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

export interface Outline {
  sections: Section[];
  outline: Section[];
  /** Heading lines hard-wrapped over several source lines, joined into one logical line (keyed by
   *  the first line's number); the continuation lines belong to the heading. */
  joined: Map<number, StrippedLine>;
  /** Lines that are part of a heading: continuation lines of a wrapped heading, the title line of
   *  a `Phần`/`Phụ lục` whose title stands on the next line. */
  headingLines: Set<number>;
}

export function buildOutline(input: OutlineInput): Outline {
  const sections: Section[] = [];
  const outline: Section[] = [];
  const stack: Section[] = [];
  const joined = new Map<number, StrippedLine>();
  const headingLines = new Set<number>();

  for (const source of input.lines) {
    if (input.headerLines.has(source.line) || headingLines.has(source.line)) continue;
    if (source.block === 'code' || source.block === 'table' || source.block === 'blank' || source.tabbed) continue;
    let cand = numberingOf(source);
    if (cand?.numbering.scheme === 'appendix' && !isAppendixHeading(source, cand)) cand = undefined;
    if (cand?.numbering.scheme === 'part' && !isPartHeading(source, cand)) cand = undefined;
    let line = source;
    if (cand) {
      const logical = joinWrapped(input.lines, source, headingLines);
      if (logical !== source) {
        line = logical;
        joined.set(source.line, logical);
        cand = { ...cand, line };
      }
    }
    const recipients = !cand && /^nơi nhận\s*:?$/iu.test(line.plain.normalize('NFC'));
    const unnumberedHeading = !cand && ((line.block === 'heading' && !line.bullet) || isGoalsLead(line));
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
    if ((numbering.scheme === 'appendix' || numbering.scheme === 'part') && line.plain.slice(titleStart).trim() === '') {
      // `**Phụ lục 02**` or `Phần II` with its title on the next line.
      const next = nextTextLine(input.lines, line.line);
      if (next && (numbering.scheme === 'appendix' || (!numberingOf(next) && isUpperTitle(next.plain)))) {
        titleLine = joinWrapped(input.lines, next, headingLines);
        titleStart = 0;
        headingLines.add(next.line);
      }
    }
    const { title, titleEnd, tailStart } = splitTitle(titleLine.plain, titleStart);
    const words = title.split(/\s+/).length;
    const year = titleYear(title);
    const pillarsNamed = titlePillars(title, words, input.pillars);
    const section: Section = {
      index: sections.length,
      numbering,
      level,
      title,
      titleSpan: sourceSpan(titleLine, titleStart, titleEnd),
      headSpan: { start: line.span.start, end: Math.max(line.span.end, titleLine.span.end) },
      span: { start: line.span.start, end: Math.max(line.span.end, titleLine.span.end) },
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
  return { sections, outline, joined, headingLines };
}

/**
 * A heading broken over several source lines, as text pasted from a website or a PDF is
 * (`2.2. Mục tiêu cụ thể đến` / `năm 2025`; `a) Về chuyển đổi số … các cơ quan Đảng,` /
 * `Nhà nước, …`): the following lines of the same paragraph continue it while the line so far
 * ends mid-phrase (no closing punctuation) and the next one reads as its continuation (it starts
 * in lower case or with a digit, or the line so far ends on a comma or a dash). A numbered line,
 * a bullet, a blank, a table or a Markdown heading ends it. Returns `line` itself when nothing
 * continues it; otherwise one logical line whose maps point into every source line.
 */
function joinWrapped(lines: StrippedLine[], line: StrippedLine, consumed: Set<number>): StrippedLine {
  if (line.block === 'heading' || line.block === 'code') return line;
  const run = [line];
  let sofar = line.plain;
  for (let i = line.line + 1; i < lines.length && i <= line.line + 4; i++) {
    const next = lines[i]!;
    if (!continues(sofar, next)) break;
    run.push(next);
    sofar += ' ' + next.plain;
    consumed.add(next.line);
  }
  if (run.length === 1) return line;
  return { ...joinLines(run), sups: run.flatMap((l) => l.sups), comments: run.flatMap((l) => l.comments) };
}

function continues(sofar: string, next: StrippedLine): boolean {
  if (next.plain.length === 0 || next.bullet || next.tabbed) return false;
  if (next.block !== 'paragraph' && next.block !== 'list-item') return false;
  if (numberingOf(next)) return false;
  const end = sofar.trimEnd();
  // A heading of more than a line and a half is prose, not a wrapped title.
  if (end.length > 160 || /[.:;!?)]$/.test(end)) return false;
  // A title in capitals broken in two (`I. KẾT QUẢ` / `ĐẠT ĐƯỢC`): a short line in capitals too.
  const first = next.plain.trimStart()[0] ?? '';
  if (isUpperTitle(end) && isUpperTitle(next.plain) && next.plain.trim().length <= 60 && /\p{Lu}/u.test(first)) return true;
  return wrapsInto(end, next.plain);
}

/**
 * A short unnumbered line that ends on a colon and names goals (`Mục tiêu cơ bản phát triển kinh
 * tế số đến năm 2025:`) heads the bullets below it, as a heading would.
 */
function isGoalsLead(line: StrippedLine): boolean {
  if (line.block !== 'paragraph' || line.bullet || !/:\s*$/.test(line.plain)) return false;
  const title = line.plain.replace(/[\s:]+$/, '');
  if (title.split(/\s+/).length > 20) return false;
  return rolesOfTitle(title, titleYear(title) !== undefined).some((r) => r === 'goals-specific' || r === 'orientation');
}

/** `Phần I` on its own line (title below) or followed by a title, emphasised or in capitals. */
function isPartHeading(line: StrippedLine, cand: Candidate): boolean {
  const rest = line.plain.slice(cand.titleStart).trim();
  if (rest === '') return true;
  return line.emphasised || line.block === 'heading' || isUpperTitle(rest);
}

function isUpperTitle(text: string): boolean {
  const t = text.trim();
  return t.length > 0 && t === t.toUpperCase() && /\p{Lu}/u.test(t);
}

/**
 * The one pillar (or group) a title names, through the pillars' names, aliases and cue phrases. A
 * long title (a numbered paragraph) names one only at its start (`Về chuyển đổi số trong hoạt động
 * của các cơ quan Đảng, Nhà nước, …`). When a title names one of the three pillars and a group,
 * the pillar wins.
 */
function titlePillars(title: string, words: number, pillars: PillarMatcher[]): FoundPillar[] {
  let found = findPillars(title, pillars, true);
  if (words > 16) {
    found = found.filter((f) => title.slice(0, f.start).split(/\s+/).filter((w) => w.length > 0).length <= 6);
  }
  const distinct = distinctPillars(found);
  if (distinct.length <= 1) return distinct;
  const pillarsOnly = distinct.filter((f) => !f.definition.group);
  return pillarsOnly.length === 1 ? pillarsOnly : [];
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
    case 'part':
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
