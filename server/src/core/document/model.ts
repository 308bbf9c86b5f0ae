// The document model: what the core understands of a resolution or a report. Every element keeps
// its exact source range (UTF-16 offsets into the original text).

import type { Span } from '../types.js';
import type { Quantity, Comparator } from '../numbers.js';
import type { LineIndex } from '../text.js';
import type { Table } from './tables.js';

export type DocumentKind = 'resolution' | 'report' | 'plan' | 'decision' | 'unknown';

export type SectionRole =
  | 'situation' // Tình hình (và nguyên nhân)
  | 'viewpoint' // Quan điểm (chỉ đạo)
  | 'goals' // Mục tiêu (container, or goals with no finer role)
  | 'goals-general' // Mục tiêu tổng quát
  | 'goals-specific' // Mục tiêu cụ thể / cơ bản / đến năm …
  | 'orientation' // Định hướng đến năm …
  | 'tasks' // Nhiệm vụ và giải pháp
  | 'implementation' // Tổ chức thực hiện
  | 'dissemination' // Công tác quán triệt, triển khai
  | 'results' // Kết quả (thực hiện)
  | 'assessment' // Đánh giá chung
  | 'direction' // Phương hướng, nhiệm vụ (report)
  | 'funding' // Kinh phí / nguồn lực
  | 'recipients' // Nơi nhận
  | 'appendix'; // Phụ lục

export type NumberingScheme = 'part' | 'roman' | 'decimal' | 'letter' | 'appendix' | 'none';

export interface Numbering {
  scheme: NumberingScheme;
  /** As written, without emphasis: "II", "2.2.1", "a", "02". */
  label: string;
  /** Roman → [2]; decimal "2.2.1" → [2, 2, 1]; letter "b" → [2] (Vietnamese order); appendix "02" → [2];
   *  part (`Phần II`, `Phần thứ hai`) → [2]. */
  parts: number[];
  span: Span;
}

export interface Section {
  index: number;
  numbering: Numbering;
  /** Depth in the outline: part and appendix 0, Roman 1, decimal 1 + parts, lettered and unnumbered one below their parent. */
  level: number;
  /** Title text without numbering and markup ("Mục tiêu cụ thể đến năm 2025"); for a heading with
   *  content after a colon, the part before the colon. */
  title: string;
  titleSpan: Span;
  /** The whole heading line. */
  headSpan: Span;
  /** Heading line through the end of the section's last descendant. */
  span: Span;
  /** Content written on the heading line after its colon (`2.2.1.2. Kinh tế số: Tỷ lệ … 50%.`). */
  tail?: Span;
  roles: SectionRole[];
  /** Year stated by the title (`đến năm 2025`, `giai đoạn 2024 - 2025` → 2025). */
  year?: YearMention;
  /** Pillar named by the title (`a) Phát triển chính quyền số`). */
  pillar?: PillarMention;
  /** True when the heading was a Markdown heading or an emphasised line rather than a plain numbered line. */
  emphasised: boolean;
  parent?: Section;
  children: Section[];
}

export interface YearMention {
  year: number;
  span: Span;
}

export interface PillarMention {
  /** Pillar id from the configuration ("chinh-quyen-so"). */
  id: string;
  /** Display name ("Chính quyền số"). */
  name: string;
  span: Span;
}

export interface Inherited<T> {
  value: T;
  /** Where it was stated: in the target itself (`clause`), inherited from an enclosing section
   *  (a `Phần` included), from the document's own title (`document`), or from a table column. */
  source: 'clause' | 'section' | 'document' | 'column';
  span: Span;
  section?: Section;
}

export interface Target {
  /** The clause, bullet or heading tail (trimmed, without the list marker and trailing `;`/`.`). */
  span: Span;
  /** Plain text of the target (markup removed). */
  text: string;
  /** The indicator: the text with its value, comparator and year phrase removed, for matching. */
  indicator: string;
  /** Quantities of the clause in order; the first percentage (else the first count) is the value. */
  quantities: Quantity[];
  value?: Quantity;
  comparator?: Comparator;
  year?: Inherited<number>;
  pillar?: Inherited<PillarMention>;
  section: Section;
  /** How it was found. */
  origin: 'bullet' | 'clause' | 'heading-tail' | 'numbered-item' | 'table-cell';
}

export interface FootnoteRef {
  label: string;
  span: Span;
}

export interface FootnoteDef {
  label: string;
  /** The mark at the start of the definition line. */
  markSpan: Span;
  /** The definition's text after the mark. */
  contentSpan: Span;
}

export interface Appendix {
  /** "02" as written; number 2. */
  label: string;
  number: number;
  headSpan: Span;
  span: Span;
  title?: string;
}

export interface AppendixRef {
  label: string;
  number: number;
  span: Span;
}

export interface DocumentReference {
  kind: DocumentKind;
  /** "04-NQ/TU" */
  number: string;
  date?: string;
  span: Span;
}

/** A line of the source as the model sees it: markup stripped, with a map back to the source. */
export interface PlainLine {
  line: number;
  span: Span;
  /** Text with Markdown/HTML markup, list marker and heading hashes removed. */
  plain: string;
  /** map[i] = source offset where plain[i] starts; map[plain.length] = end of the line's content. */
  map: number[];
  /** ends[i] = source offset just after plain[i] (a composed NFD cluster spans several units). */
  ends: number[];
  /** Where the line sits in the Markdown tree. */
  block: 'paragraph' | 'heading' | 'list-item' | 'table' | 'code' | 'html' | 'blank' | 'thematic-break';
  /** A list item's first line starts with a marker (`-`, `+`, `*`, `•`). */
  bullet: boolean;
  /** The whole visible text was emphasised (`**…**`, `<b>…</b>`) or a Markdown heading. */
  emphasised: boolean;
  /** Tab-separated table line (seed 004's appendices). */
  tabbed: boolean;
}

export interface PolicyDocument {
  text: string;
  lines: LineIndex;
  plainLines: PlainLine[];
  kind: DocumentKind;
  kindSpan?: Span;
  number?: { text: string; span: Span };
  date?: { text: string; span: Span };
  title?: { text: string; span: Span };
  /** The place of the place-date line (`Phú Yên, ngày …`): documents of two provinces are never linked by overlap. */
  place?: string;
  /** Documents this one names as its basis (a report names the resolution it reports on). */
  references: DocumentReference[];
  /** Plans a plan evaluates in its results part (`Phần I. Đánh giá kết quả thực hiện Kế hoạch số
   *  37/KH-UBND ngày 05/02/2024`): such a plan is linked to them as a report to its resolution. */
  evaluates?: DocumentReference[];
  /** Every section in document order. */
  sections: Section[];
  /** Top-level sections (their `children` form the outline). */
  outline: Section[];
  targets: Target[];
  footnoteRefs: FootnoteRef[];
  footnoteDefs: FootnoteDef[];
  appendices: Appendix[];
  appendixRefs: AppendixRef[];
  tables: Table[];
}

/** Map an offset range of a plain line back to the source. */
export function sourceSpan(line: PlainLine, start: number, end: number): Span {
  return mapRange(line.map, line.ends, start, end);
}

/** Source range of plain characters [start, end) given their start and end maps. */
export function mapRange(map: number[], ends: number[], start: number, end: number): Span {
  const n = ends.length;
  const s = map[Math.max(0, Math.min(start, n))]!;
  // The end maps through the last included character so that trailing markup is not swallowed.
  const e = end <= start ? s : ends[Math.min(end, n) - 1]!;
  return { start: s, end: Math.max(s, e) };
}

/**
 * One logical line of consecutive source lines broken by a hard wrap (text pasted from a website or
 * a PDF): a space stands for each break, and the maps point into every source line, so that a range
 * found on the logical line is exact in the source. Built once per run of lines.
 */
export function joinLines<T extends PlainLine>(run: readonly T[]): T {
  const first = run[0]!;
  if (run.length === 1) return first;
  const plain: string[] = [];
  const map: number[] = [];
  const ends: number[] = [];
  run.forEach((line, i) => {
    if (i > 0) {
      // The joining space maps from the end of the line above to the start of this one.
      const above = run[i - 1]!;
      plain.push(' ');
      map.push(above.map[above.plain.length]!);
      ends.push(line.map[0]!);
    }
    plain.push(line.plain);
    for (let k = 0; k < line.plain.length; k++) {
      map.push(line.map[k]!);
      ends.push(line.ends[k]!);
    }
  });
  const last = run[run.length - 1]!;
  map.push(last.map[last.plain.length]!);
  return { ...first, span: { start: first.span.start, end: last.span.end }, plain: plain.join(''), map, ends };
}

/**
 * Whether text ending `end` breaks mid-phrase into a line starting `next`: it has no closing
 * punctuation, and the next line starts in lower case or with a digit (or anything after a comma
 * or a dash: `… các cơ quan Đảng,` / `Nhà nước, …`, `giai đoạn 2026 -` / `2030`).
 */
export function wrapsInto(end: string, next: string): boolean {
  const trimmed = end.trimEnd();
  const last = trimmed[trimmed.length - 1] ?? '';
  if (last === '' || /[.:;!?)]/.test(last)) return false;
  const first = next.trimStart()[0] ?? '';
  return /[,\-–]/.test(last) ? /[\p{L}\p{N}]/u.test(first) : /[\p{Ll}\p{N}]/u.test(first);
}

/** The year of the nearest enclosing section that states one (a `Phần` included). */
export function inheritedYear(section: Section): Inherited<number> | undefined {
  for (let s: Section | undefined = section; s; s = s.parent) {
    if (s.year) return { value: s.year.year, source: 'section', span: s.year.span, section: s };
  }
  return undefined;
}

/** The pillar (or group) of the nearest enclosing section that names one. */
export function inheritedPillar(section: Section): Inherited<PillarMention> | undefined {
  for (let s: Section | undefined = section; s; s = s.parent) {
    if (s.pillar) return { value: s.pillar, source: 'section', span: s.pillar.span, section: s };
  }
  return undefined;
}
