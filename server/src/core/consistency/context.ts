// What the consistency rules share: the body's numbers with their clause, section and footnote,
// the results tables, confident indicator matching between body and table, and the wording of
// cell references. Computed once per document (cached) whichever rules ask.

import type { FootnoteDef, PlainLine, PolicyDocument, Section } from '../document/model.js';
import { joinLines, mapRange, wrapsInto } from '../document/model.js';
import type { Table, TableCell, TableColumn, TableRow } from '../document/tables.js';
import { indicatorWords, MatchIndex } from '../indicators.js';
import type { Interval } from '../interval.js';
import { scanQuantities, type Quantity } from '../numbers.js';
import { asciiKey } from '../text.js';
import { clauseBounds } from '../document/clauses.js';

export { clauseBounds };
import type { LocalizedText, Span } from '../types.js';

export interface BodyQuantity {
  line: PlainLine;
  /** The quantity with plain-text offsets (relative to line.plain). */
  local: Quantity;
  /** Source range of the whole quantity and of its number. */
  span: Span;
  numberSpan: Span;
  /** Plain-text bounds of the clause holding it (split on `;` and sentence ends). */
  clause: { start: number; end: number };
  /** Inside parentheses: a side note (`(tăng 26,1% so với đầu nhiệm kỳ)`). */
  parenthesised: boolean;
  /** The footnote whose definition this line is, if any. */
  footnote?: FootnoteDef;
}

interface Cache {
  body: BodyQuantity[];
  /** Indicator table rows by their words; null when the document has none. */
  rows?: MatchIndex<{ table: Table; row: TableRow }> | null;
}

const caches = new WeakMap<PolicyDocument, Cache>();

function cache(doc: PolicyDocument): Cache {
  let c = caches.get(doc);
  if (!c) {
    c = { body: scanBody(doc) };
    caches.set(doc, c);
  }
  return c;
}

const CLAUSE_LIMIT = 4000;
const CLAUSE_REACH = 1600;

/** Every quantity written outside tables and code, in document order. */
export function bodyQuantities(doc: PolicyDocument): BodyQuantity[] {
  return cache(doc).body;
}

function scanBody(doc: PolicyDocument): BodyQuantity[] {
  const out: BodyQuantity[] = [];
  const defsByLine = new Map<number, FootnoteDef>();
  for (const def of doc.footnoteDefs) defsByLine.set(doc.lines.lineAt(def.markSpan.start), def);
  for (const line of proseLines(doc.plainLines)) {
    if (line.plain.length === 0 || line.tabbed || line.block === 'table' || line.block === 'code') continue;
    if (!/\d/.test(line.plain)) continue;
    const scan = scanQuantities(line.plain);
    if (scan.quantities.length === 0) continue;
    const clauses = clauseBounds(line.plain);
    const depth = parenDepths(line.plain);
    // The clauses in order, walked along with the quantities (a search per quantity was quadratic).
    let ci = 0;
    let previous = -1;
    for (const q of scan.quantities) {
      if (q.span.start < previous) ci = 0;
      previous = q.span.start;
      while (ci < clauses.length && clauses[ci]!.end <= q.span.start) ci++;
      const found = clauses[ci] !== undefined && q.span.start >= clauses[ci]!.start ? clauses[ci]! : { start: 0, end: line.plain.length };
      // The rules read a figure's clause once per figure: a clause longer than CLAUSE_LIMIT (five
      // times the longest clause of the seeds) is clipped to CLAUSE_REACH characters either side of
      // the figure, so that a megabyte line of figures with no sentence break costs linear time, not
      // minutes. Figures of one ordinary clause share its object (rules compare clauses by identity).
      const clause =
        found.end - found.start <= CLAUSE_LIMIT
          ? found
          : { start: Math.max(found.start, q.span.start - CLAUSE_REACH), end: Math.min(found.end, q.span.end + CLAUSE_REACH) };
      const bq: BodyQuantity = {
        line,
        local: q,
        span: mapRange(line.map, line.ends, q.span.start, q.span.end),
        numberSpan: mapRange(line.map, line.ends, q.numberSpan.start, q.numberSpan.end),
        clause,
        parenthesised: depth[q.span.start]! > 0,
      };
      const def = defsByLine.get(line.line);
      if (def) bq.footnote = def;
      out.push(bq);
    }
  }
  return out;
}

/**
 * The lines as prose reads them: a sentence hard-wrapped by a website or a PDF (`… tăng từ 152.400
 * người năm` / `2022 lên 241.800 người …`) is one logical line, with maps into every source line,
 * so that a claim broken by the wrap is read whole. A line continues the previous one of the same
 * paragraph when that one stops mid-phrase (model.ts `wrapsInto`, the test wrapped headings use
 * too); a bullet, a numbered line or a blank ends it.
 */
function proseLines(lines: readonly PlainLine[]): PlainLine[] {
  const out: PlainLine[] = [];
  // Runs of lines, each joined once at its end: joining pairwise would copy a long wrapped
  // paragraph's maps once per line (quadratic).
  let run: PlainLine[] = [];
  const flush = (): void => {
    if (run.length > 0) out.push(joinLines(run));
    run = [];
  };
  for (const line of lines) {
    const last = run[run.length - 1];
    if (!last || !continuesProse(last, line)) flush();
    run.push(line);
  }
  flush();
  return out;
}

const NUMBERED = /^(?:[IVX]+\s*[-.–)]|\d{1,2}(?:\.\d{1,2})*\.\s|[a-zđ]\)\s|\(\d{1,2}\)|\d{1,2}\s*\))/u;

/** Whether `b` continues `a`, the line just above it, in one paragraph. */
function continuesProse(a: PlainLine, b: PlainLine): boolean {
  if (b.plain.length === 0 || a.plain.length === 0 || b.bullet || b.tabbed || a.tabbed) return false;
  if ((a.block !== 'paragraph' && a.block !== 'list-item') || (b.block !== 'paragraph' && b.block !== 'list-item')) return false;
  if (b.line !== a.line + 1 || a.emphasised || b.emphasised) return false;
  return !NUMBERED.test(b.plain) && wrapsInto(a.plain, b.plain);
}

function parenDepths(text: string): number[] {
  const d: number[] = new Array(text.length + 1).fill(0);
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '(') depth++;
    d[i] = depth;
    if (text[i] === ')') depth = Math.max(0, depth - 1);
  }
  return d;
}

/** The clause's text with parenthesised notes removed: what a figure is about. */
export function clauseSubject(b: BodyQuantity): string {
  let text = b.line.plain.slice(b.clause.start, b.clause.end);
  let prev;
  do {
    prev = text;
    text = text.replace(/\([^()]*\)/g, ' ');
  } while (text !== prev);
  return text;
}

/** Lower-cased, accent-free text of the clause before the quantity (for cue words). */
export function cueBefore(b: BodyQuantity, words = 6): string {
  const before = b.line.plain.slice(b.clause.start, b.local.span.start);
  return asciiKey(before).split(/\s+/).filter(Boolean).slice(-words).join(' ');
}

export function cueAfter(b: BodyQuantity, words = 6): string {
  const after = b.line.plain.slice(b.local.span.end, b.clause.end);
  return asciiKey(after).split(/\s+/).filter(Boolean).slice(0, words).join(' ');
}

/** The innermost section holding the offset: the one whose heading most recently precedes it. */
export function sectionAt(doc: PolicyDocument, offset: number): Section | undefined {
  const sections = doc.sections;
  let lo = 0;
  let hi = sections.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sections[mid]!.headSpan.start <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found >= 0 ? sections[found] : undefined;
}

export type Period = { mode: 'results'; year?: number; section: Section } | { mode: 'goals'; year: number; section: Section };

/**
 * What period a figure in a section speaks of: the nearest enclosing section with a role decides —
 * a results section "giai đoạn 2021 - 2023" means results up to its year (the last result column),
 * a goals section "đến năm 2025" means the plan for 2025.
 */
export function periodOf(section: Section | undefined): Period | undefined {
  for (let s = section; s; s = s.parent) {
    if (s.roles.includes('appendix')) return undefined;
    if (s.roles.length === 0) continue;
    if (s.roles.includes('results')) {
      const year = yearUp(s);
      return year !== undefined ? { mode: 'results', year, section: s } : { mode: 'results', section: s };
    }
    if (s.roles.includes('goals-specific') || s.roles.includes('orientation') || s.roles.includes('goals')) {
      const year = yearUp(s);
      return year !== undefined ? { mode: 'goals', year, section: s } : undefined;
    }
    return undefined;
  }
  return undefined;
}

function yearUp(section: Section): number | undefined {
  for (let s: Section | undefined = section; s; s = s.parent) if (s.year) return s.year.year;
  return undefined;
}

/** Tables of indicators with plan/result columns (Phụ lục 02 of a report). */
export function indicatorTables(doc: PolicyDocument): Table[] {
  return doc.tables.filter(
    (t) => t.columns.some((c) => c.meaning === 'indicator') && t.columns.some((c) => c.meaning === 'result' || c.meaning === 'plan' || c.meaning === 'plan-year'),
  );
}

export interface RowMatch {
  table: Table;
  row: TableRow;
  score: number;
}

/** The table row an indicator wording names, only when the match is confident. */
export function matchRow(doc: PolicyDocument, wording: string): RowMatch | undefined {
  const c = cache(doc);
  c.rows ??= rowIndex(doc);
  if (!c.rows) return undefined;
  const words = indicatorWords(wording);
  if (words.size < 2) return undefined;
  const best = c.rows.best(words, 0.6, 0.15);
  return best ? { ...best.item, score: best.score } : undefined;
}

/** The data rows of the indicator tables, indexed by their words (undefined: there are none). */
function rowIndex(doc: PolicyDocument): MatchIndex<{ table: Table; row: TableRow }> | null {
  const candidates: { table: Table; row: TableRow }[] = [];
  for (const table of indicatorTables(doc)) {
    for (const row of table.rows) if (row.kind === 'data' && row.indicator) candidates.push({ table, row });
  }
  return candidates.length === 0 ? null : new MatchIndex(candidates, (x) => indicatorWords(x.row.indicator!));
}

export function cellAt(row: TableRow, column: TableColumn | undefined): TableCell | undefined {
  if (!column) return undefined;
  return row.cells.find((c) => c.column === column.index);
}

/** The interval a quantity stands for, its comparator included (`Trên 80%` → [80, ∞)). */
export function boundInterval(q: Quantity): Interval | undefined {
  const n = q.number;
  const c = q.comparator === 'maintain' ? (q.maintained ?? 'eq') : q.comparator;
  switch (c) {
    case 'eq':
      return { lo: n.lo, hi: n.hi };
    case 'gt':
    case 'gte':
      return { lo: n.lo, hi: Infinity };
    case 'lt':
    case 'lte':
      return { lo: -Infinity, hi: n.hi };
    default:
      return undefined;
  }
}

/** Vietnamese number formatting: `.` groups thousands, `,` is the decimal mark. */
export function formatVn(value: number, decimals: number): string {
  const fixed = Math.abs(value).toFixed(decimals);
  const [int, frac] = fixed.split('.');
  const grouped = int!.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return (value < 0 ? '-' : '') + grouped + (frac ? ',' + frac : '');
}

export function appendixLabel(table: Table): string {
  return table.appendix !== undefined ? String(table.appendix).padStart(2, '0') : '';
}

/** `Phụ lục 02, dòng 9, cột "Năm 2023"` / `Appendix 02, row 9, column "Năm 2023"`. */
export function cellReference(table: Table, row: TableRow, column: TableColumn | undefined): LocalizedText {
  const app = appendixLabel(table);
  const rowLabel = row.label ?? '';
  const col = column ? column.label.split(' › ').pop()! : '';
  const vi = [app ? `Phụ lục ${app}` : 'bảng', rowLabel ? `dòng ${rowLabel}` : '', col ? `cột "${col}"` : ''].filter(Boolean).join(', ');
  const en = [app ? `Appendix ${app}` : 'the table', rowLabel ? `row ${rowLabel}` : '', col ? `column "${col}"` : ''].filter(Boolean).join(', ');
  return { vi, en };
}

export function textOf(doc: PolicyDocument, span: Span): string {
  return doc.text.slice(span.start, span.end);
}
