// Appendix tables from two syntaxes into one model: tab-separated lines (Word/PDF conversions,
// seed 004) and GFM pipe tables (what drafters type). Multi-row headers with spanning cells give
// each column a label path (`Kết quả thực hiện › Năm 2023`) and a meaning.

import type { Root, Table as MdTable, RootContent } from 'mdast';
import { scanQuantities } from '../numbers.js';
import { asciiKey, maxOf, toneKey } from '../text.js';
import type { Span } from '../types.js';
import { mapRange, type Section } from './model.js';
import type { StrippedLine } from './plain.js';
import type { ColumnMeaning, Table, TableCell, TableColumn, TableRow, Verdict } from './tables.js';

interface RawCell {
  text: string;
  span: Span;
  /** The cell's plain text with a map back to the source, for locating values. */
  map: number[];
  ends: number[];
}

interface RawRow {
  span: Span;
  cells: RawCell[];
}

export function extractTables(text: string, tree: Root, lines: StrippedLine[], sections: Section[]): Table[] {
  const raw: { syntax: Table['syntax']; rows: RawRow[] }[] = tsvSegments(text, lines).map((rows) => ({ syntax: 'tsv' as const, rows }));
  collectGfm(tree.children, lines, raw);
  raw.sort((a, b) => a.rows[0]!.span.start - b.rows[0]!.span.start);
  const tables: Table[] = [];
  for (const segment of raw) {
    const previous = tables[tables.length - 1];
    // A table broken by a page repeats its header: the continuation joins the table above.
    if (previous && previous.syntax === segment.syntax && continues(previous, segment.rows)) {
      appendRows(previous, segment.rows.slice(headerRowCount(segment.rows)));
      continue;
    }
    tables.push(buildTable(segment.syntax, segment.rows));
  }
  for (const t of tables) placeTable(t, lines, sections);
  return tables;
}

/** The GFM tables, in document order; iterative, as containers can nest thousands deep (issue 16). */
function collectGfm(children: RootContent[], lines: StrippedLine[], out: { syntax: Table['syntax']; rows: RawRow[] }[]): void {
  const stack: RootContent[] = [];
  for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'table') {
      const rows = gfmRows(node, lines);
      if (rows.length > 0) out.push({ syntax: 'gfm', rows });
    } else if ('children' in node && Array.isArray(node.children)) {
      const inner = node.children as RootContent[];
      for (let i = inner.length - 1; i >= 0; i--) stack.push(inner[i]!);
    }
  }
}

// ---- raw rows -------------------------------------------------------------------------------

function tsvSegments(text: string, lines: StrippedLine[]): RawRow[][] {
  const segments: RawRow[][] = [];
  let current: RawRow[] | undefined;
  for (const line of lines) {
    if (line.tabbed && line.block !== 'code') {
      current ??= [];
      current.push(splitTsv(text, line));
    } else if (current) {
      segments.push(current);
      current = undefined;
    }
  }
  if (current) segments.push(current);
  return segments.filter((s) => s.length >= 2);
}

function splitTsv(text: string, line: StrippedLine): RawRow {
  const cells: RawCell[] = [];
  const plain = line.plain;
  // Leading empty cells were trimmed from the plain text with the leading whitespace: count the
  // tabs in the source before the first visible character.
  const firstSource = plain.length > 0 ? line.map[0]! : line.span.end;
  for (let o = line.span.start; o < firstSource; o++) {
    if (text.charCodeAt(o) === 9) cells.push({ text: '', span: { start: firstSource, end: firstSource }, map: [firstSource], ends: [] });
  }
  let start = 0;
  for (let i = 0; i <= plain.length; i++) {
    if (i === plain.length || plain[i] === '\t') {
      cells.push(makeCell(line, start, i));
      start = i + 1;
    }
  }
  return { span: line.span, cells };
}

function makeCell(line: StrippedLine, start: number, end: number): RawCell {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(line.plain[s]!)) s++;
  while (e > s && /\s/.test(line.plain[e - 1]!)) e--;
  const span = e > s ? mapRange(line.map, line.ends, s, e) : { start: line.map[s]!, end: line.map[s]! };
  return { text: line.plain.slice(s, e), span, map: line.map.slice(s, e + 1), ends: line.ends.slice(s, e) };
}

function gfmRows(node: MdTable, lines: StrippedLine[]): RawRow[] {
  const rows: RawRow[] = [];
  for (const row of node.children) {
    const lineNo = (row.position?.start.line ?? 1) - 1;
    const line = lines[lineNo];
    if (!line) continue;
    const cells: RawCell[] = [];
    for (const cell of row.children) {
      const s = cell.position?.start.offset;
      const e = cell.position?.end.offset;
      if (s === undefined || e === undefined) continue;
      // Cell positions include the pipes and padding; locate the cell's plain text inside them.
      let ps = line.map.findIndex((o) => o >= s);
      if (ps < 0) ps = line.plain.length;
      let pe = ps;
      while (pe < line.plain.length && line.map[pe]! < e) pe++;
      let a = ps;
      let b = pe;
      while (a < b && /[\s|]/.test(line.plain[a]!)) a++;
      while (b > a && /[\s|]/.test(line.plain[b - 1]!)) b--;
      cells.push(makeCell(line, a, b));
    }
    rows.push({ span: line.span, cells });
  }
  return rows;
}

// ---- structure ------------------------------------------------------------------------------

/** A cell that holds a value (`100%`, `Tăng tối thiểu 7%`, `18/7/2023`, `39/NQ-HĐND`), not a label. */
function isValueCell(text: string): boolean {
  const t = text.trim();
  if (t === '' || t === '-') return false;
  if (/^\d{1,2}\/\d{1,2}\/\d{4}$/.test(t) || /^\d+[-/]\p{Lu}/u.test(t)) return true;
  const q = scanQuantities(t).quantities[0];
  return q !== undefined && q.span.start <= 25 && q.span.end >= t.length - 1;
}

/** Rows at the top whose first cell is empty and that hold only labels continue the header. */
function headerRowCount(rows: RawRow[]): number {
  let n = 1;
  while (n < rows.length && n < 3) {
    const r = rows[n]!;
    if ((r.cells[0]?.text ?? '') !== '') break;
    if (r.cells.some((c) => isValueCell(c.text))) break;
    if (!r.cells.some((c) => c.text !== '')) break;
    n++;
  }
  return n;
}

function continues(previous: Table, segment: RawRow[]): boolean {
  const header = previous.rows.filter((r) => r.kind === 'header');
  if (header.length === 0) return false;
  const key = (cells: { text: string }[]): string => toneKey(cells.map((c) => c.text).join('\t').replace(/\t+$/, ''));
  return key(segment[0]!.cells) === key(header[0]!.cells);
}

/** The index of the line holding `offset` (the last line starting at or before it). */
export function lineOfOffset(lines: StrippedLine[], offset: number): number | undefined {
  let lo = 0;
  let hi = lines.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lines[mid]!.span.start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lines[lo] ? lo : undefined;
}

function buildTable(syntax: Table['syntax'], rows: RawRow[]): Table {
  const nHeader = headerRowCount(rows);
  const header = rows.slice(0, nHeader);
  const body = rows.slice(nHeader);
  const width = maxOf(rows, (r) => r.cells.length);
  const shift = headerShift(header, body);
  const columns = buildColumns(header, width, shift);
  const table: Table = {
    syntax,
    span: { start: rows[0]!.span.start, end: rows[rows.length - 1]!.span.end },
    columns,
    rows: header.map((r) => ({ kind: 'header', span: r.span, cells: r.cells.map((c, i) => ({ column: i + shift, span: c.span, text: c.text })) })),
  };
  appendRows(table, body);
  return table;
}

/**
 * Converted tables often merge two index columns under one header (`STT` over `1 | 1`), which
 * shifts every header cell one column left of its data. The indicator column tells by how much.
 */
function headerShift(header: RawRow[], body: RawRow[]): number {
  const labelCol = header[0]?.cells.findIndex((c) => /^(tên chỉ tiêu|chỉ tiêu|nội dung)/iu.test(c.text.normalize('NFC')));
  if (labelCol === undefined || labelCol < 0) return 0;
  const widths = new Map<number, number>();
  for (const r of body) {
    r.cells.forEach((c, i) => {
      if (c.text.split(/\s+/).length >= 4 && !isValueCell(c.text)) widths.set(i, (widths.get(i) ?? 0) + 1);
    });
  }
  let best = -1;
  let count = 0;
  for (const [i, n] of widths) if (n > count) [best, count] = [i, n];
  const shift = best - labelCol;
  return best >= 0 && shift >= 0 && shift <= 2 ? shift : 0;
}

function buildColumns(header: RawRow[], width: number, shift: number): TableColumn[] {
  const paths: string[][] = Array.from({ length: width }, () => []);
  for (const row of header) {
    let carry = '';
    const texts: string[] = new Array(width).fill('');
    row.cells.forEach((c, i) => {
      if (i + shift < width) texts[i + shift] = c.text;
    });
    for (let i = 0; i < width; i++) {
      // An empty header cell right of a label continues that label (a spanning cell), but only
      // when a lower header row gives the column a label of its own.
      if (texts[i] !== '') carry = texts[i]!;
      else if (carry && header.length > 1 && row !== header[header.length - 1]) texts[i] = carry;
      if (texts[i]) paths[i]!.push(texts[i]!);
    }
  }
  // Columns left of the shifted header sit under the merged first header cell (`STT` over two).
  for (let i = 0; i < shift; i++) paths[i] = [header[0]?.cells[0]?.text ?? ''];
  return paths.map((path, index) => {
    const deduped = path.filter((p, i) => i === 0 || p !== path[i - 1]);
    const label = deduped.join(' › ');
    const { meaning, year } = meaningOf(deduped);
    return { index, label, meaning, ...(year !== undefined ? { year } : {}) };
  });
}

function meaningOf(path: string[]): { meaning: ColumnMeaning; year?: number } {
  // Compared without diacritics: header cells are typed in every accent style and case.
  const leaf = asciiKey(path[path.length - 1] ?? '').trim();
  const all = asciiKey(path.join(' '));
  const years = [...all.matchAll(/\b((?:19|20)\d\d)\b/g)].map((m) => Number(m[1]));
  const lastYear = years.length > 0 ? years[years.length - 1] : undefined;
  const withYear = (meaning: ColumnMeaning): { meaning: ColumnMeaning; year?: number } =>
    lastYear !== undefined ? { meaning, year: lastYear } : { meaning };
  if (/^(stt|tt|so tt)$/.test(leaf)) return { meaning: 'index' };
  if (/^(ten chi tieu|chi tieu|noi dung)/.test(leaf)) return { meaning: 'indicator' };
  if (/^(so voi|danh gia|muc do dat|ket qua danh gia)/.test(leaf)) return { meaning: 'assessment' };
  if (/^(tong|tong cong|cong)$/.test(leaf)) return { meaning: 'total' };
  if (/^ghi chu/.test(leaf)) return { meaning: 'note' };
  if (/^(kh|ke hoach|muc tieu|chi tieu) nam (19|20)\d\d$/.test(leaf)) return withYear('plan-year');
  if (/^(kh|ke hoach|muc tieu|chi tieu)\b/.test(leaf)) return withYear('plan');
  // `Ước năm 2024`, `Ước TH 2024`, `Ước thực hiện năm 2024`: an estimate of the year's result,
  // the latest result a mid-year report has.
  if (/^(uoc|uoc th|uoc thuc hien|uoc dat)( nam)? (19|20)\d\d$/.test(leaf)) return withYear('result');
  // `Kết quả năm 2024`, `Thực hiện 2024`, `KQ 2024`: a result column named as such.
  if (/^(ket qua|ket qua thuc hien|thuc hien|kq|th)( nam)? (19|20)\d\d$/.test(leaf)) return withYear('result');
  if (/^(nam )?(19|20)\d\d$/.test(leaf)) {
    const under = asciiKey(path.slice(0, -1).join(' '));
    return withYear(/muc tieu|ke hoach|\bkh\b/.test(under) ? 'plan-year' : 'result');
  }
  return { meaning: 'other' };
}

function appendRows(table: Table, rows: RawRow[]): void {
  const shift = 0;
  const indicatorCol = table.columns.find((c) => c.meaning === 'indicator')?.index;
  const indexCol = table.columns.find((c) => c.meaning === 'index')?.index ?? 0;
  let group = lastGroup(table);
  for (const r of rows) {
    const cells = r.cells.map((c, i) => cellOf(c, i + shift, table.columns[i + shift]));
    const texts = cells.map((c) => c.text);
    const nonEmpty = texts.filter((t) => t !== '');
    const first = nonEmpty[0] ?? '';
    let kind: TableRow['kind'] = 'data';
    if (/^(tổng cộng|tổng|cộng)\b/iu.test(first.normalize('NFC')) && nonEmpty.length > 1) kind = 'total';
    else if (nonEmpty.length <= 2 && !cells.some((c) => c.value || c.verdict) && nonEmpty.length > 0 && isGroupLabel(nonEmpty)) kind = 'group';
    const row: TableRow = { kind, span: r.span, cells };
    if (kind === 'group') group = nonEmpty[nonEmpty.length - 1]!.replace(/^[IVX]+\s+/, '');
    else if (group) row.group = group;
    const label = /^[\dIVX]+(\.\d+)*$/.test(texts[0] ?? '') ? texts[0] : texts[indexCol];
    if (label) row.label = label;
    if (kind === 'data') {
      const ind = indicatorCol !== undefined ? texts[indicatorCol] : texts.find((t) => t.split(/\s+/).length >= 3 && !/^\d/.test(t));
      if (ind) row.indicator = ind;
    }
    table.rows.push(row);
    table.span = { start: table.span.start, end: Math.max(table.span.end, r.span.end) };
  }
}

function lastGroup(table: Table): string | undefined {
  for (let i = table.rows.length - 1; i >= 0; i--) {
    const r = table.rows[i]!;
    if (r.kind === 'group') return r.cells.map((c) => c.text).filter((t) => t !== '').pop();
    if (r.group) return r.group;
  }
  return undefined;
}

function isGroupLabel(texts: string[]): boolean {
  const joined = texts.join(' ');
  // `I | CHÍNH QUYỀN SỐ`, `III XÃ HỘI SỐ`, `1 | TP. Cao Lãnh`: a Roman or upper-case label.
  return /^[IVX]+\b/.test(joined) || joined === joined.toUpperCase();
}

const VERDICTS: [RegExp, Verdict][] = [
  [/^chưa đạt$/u, 'unmet'],
  [/^không đạt$/u, 'unmet'],
  [/^vượt$/u, 'exceeded'],
  [/^đạt$/u, 'met'],
];

function cellOf(raw: RawCell, column: number, meta: TableColumn | undefined): TableCell {
  const cell: TableCell = { column, span: raw.span, text: raw.text };
  const key = raw.text.normalize('NFC').toLowerCase().trim();
  for (const [re, v] of VERDICTS) {
    if (re.test(key)) {
      cell.verdict = v;
      return cell;
    }
  }
  if (meta?.meaning === 'index' || meta?.meaning === 'indicator' || meta?.meaning === 'note') return cell;
  if (raw.text === '' || raw.text === '-') return cell;
  const scan = scanQuantities(raw.text);
  if (scan.quantities.length === 1) {
    const q = scan.quantities[0]!;
    const m = (s: Span): Span => mapRange(raw.map, raw.ends, s.start, s.end);
    cell.value = { ...q, span: m(q.span), numberSpan: m(q.numberSpan), ...(q.comparatorSpan ? { comparatorSpan: m(q.comparatorSpan) } : {}) };
    if (q.denominatorSpan) cell.value.denominatorSpan = m(q.denominatorSpan);
  }
  return cell;
}

// ---- placement ------------------------------------------------------------------------------

function placeTable(table: Table, lines: StrippedLine[], sections: Section[]): void {
  const appendix = sections.filter((s) => s.numbering.scheme === 'appendix' && s.span.start <= table.span.start && s.span.end >= table.span.start).pop();
  if (appendix) {
    table.appendix = appendix.numbering.parts[0]!;
    if (appendix.title) table.title = appendix.title;
  }
  const at = lineOfOffset(lines, table.span.start) ?? 0;
  for (let i = at - 1; i >= Math.max(0, at - 6); i--) {
    const m = /^đơn vị( tính)?\s*:\s*(.+)$/iu.exec(lines[i]!.plain.normalize('NFC'));
    if (m) {
      table.unit = m[2]!.trim();
      break;
    }
  }
}
