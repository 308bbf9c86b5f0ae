// GFM pipe tables recognised from lines, for the common shape only, so that the Markdown parser can
// run without micromark's table extension (which cost more than the whole rest of the analysis on
// a report with appendix tables; issue 6). The shape: a header row after a blank line (or at the
// start), a delimiter row, and body rows up to the next blank line (or the end), every line
// starting with `|` after at most three spaces. Such a block is, in GFM, a table of exactly those
// lines wherever it sits at the top level — the parser confirms that it does (a top-level
// paragraph over exactly those lines), and `markdown.ts` falls back to the table extension
// whenever any line that could be a delimiter row is not inside a confirmed block. The header
// and delimiter rules and the cell splitting follow micromark-extension-gfm-table 2.x exactly;
// test/fuzz/markdown.test.ts compares the two on random documents.

import type { LineIndex } from '../text.js';

export interface PipeTableCell {
  /** From the cell's opening pipe (or the row's first character) to the next cell's pipe or the row's end. */
  start: number;
  end: number;
}

export interface PipeTableRow {
  /** 0-based line. */
  line: number;
  start: number;
  end: number;
  cells: PipeTableCell[];
}

export interface PipeTableBlock {
  /** 0-based lines of the header row and of the last body row. */
  firstLine: number;
  lastLine: number;
  /** Header and body rows; the delimiter row is not a row (as in mdast). */
  rows: PipeTableRow[];
}

export interface PipeTableScan {
  blocks: PipeTableBlock[];
  /** A line that could be a delimiter row lies outside every block: only the table extension can tell. */
  unsure: boolean;
}

const SPACE = 32;
const TAB = 9;
const PIPE = 124;
const BACKSLASH = 92;

/** Loosely, any line that might be a GFM delimiter row in any container (a superset). */
const DELIMITER_LIKE = /^[ \t>*+\-:|0-9.)]*$/;

function mightBeDelimiter(text: string, start: number, end: number): boolean {
  let dash = false;
  let mark = false;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 45) dash = true;
    else if (c === PIPE || c === 58) mark = true;
  }
  return dash && mark && DELIMITER_LIKE.test(text.slice(start, end));
}

/** Leading spaces (no tabs) of at most three, then a pipe: where the content starts, or -1. */
function pipeStart(text: string, start: number, end: number): number {
  let i = start;
  while (i < end && i - start < 4 && text.charCodeAt(i) === SPACE) i++;
  return i - start <= 3 && i < end && text.charCodeAt(i) === PIPE ? i : -1;
}

function isBlank(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c !== SPACE && c !== TAB) return false;
  }
  return true;
}

/** Pipes that divide cells: not escaped by a backslash inside a run of cell text. */
function dividers(text: string, start: number, end: number): number[] {
  const out: number[] = [];
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === BACKSLASH) {
      const n = text.charCodeAt(i + 1);
      if (i + 1 < end && (n === BACKSLASH || n === PIPE)) i++;
    } else if (c === PIPE) out.push(i);
  }
  return out;
}

function isSpace(c: number): boolean {
  return c === SPACE || c === TAB;
}

/** The header's cell count as micromark counts it, or -1 when the line cannot head a table. */
function headerSize(text: string, start: number, end: number, pipes: number[]): number {
  // A token is a pipe or a run of other non-space characters; a cell is counted for each token
  // that follows the row start (when the row does not open with a pipe) or a pipe.
  let size = 0;
  let tokens = 0;
  let seen = text.charCodeAt(start) !== PIPE;
  if (seen) tokens++;
  let p = 0;
  let i = start;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) {
      i++;
      continue;
    }
    tokens++;
    if (seen) {
      seen = false;
      size++;
    }
    if (p < pipes.length && pipes[p] === i) {
      p++;
      seen = true;
      i++;
      continue;
    }
    // A run of cell text up to a dividing pipe or a space.
    while (i < end && !isSpace(text.charCodeAt(i)) && !(p < pipes.length && pipes[p] === i)) i++;
  }
  return tokens > 1 ? size : -1;
}

/** The delimiter row's cell count, or -1 when it is not one (it must hold a pipe or a colon). */
function delimiterSize(text: string, start: number, end: number): number {
  const m = /^ {0,3}(\|[ \t]*)?(:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*)(\|[ \t]*)?$/.exec(text.slice(start, end));
  if (!m) return -1;
  const body = m[2]!;
  if (m[1] === undefined && m[3] === undefined && !body.includes('|') && !body.includes(':')) return -1;
  return body.split('|').length;
}

/** Cells of a row as micromark-extension-gfm-table splits them. */
function rowCells(text: string, start: number, end: number, pipes: number[]): PipeTableCell[] {
  // A cell opens at the row start (when the row does not open with a pipe) or at a dividing pipe,
  // and runs to the next cell's pipe or the row end.
  const opens = pipes[0] === start ? pipes : [start, ...pipes];
  const cells: PipeTableCell[] = opens.map((s, k) => ({ start: s, end: k + 1 < opens.length ? opens[k + 1]! : end }));
  // What follows the last pipe is a cell only when it holds text, or when it is the only cell.
  const last = cells[cells.length - 1]!;
  if (cells.length > 1 && text.charCodeAt(last.start) === PIPE && isBlank(text, last.start + 1, last.end)) {
    cells.pop();
    cells[cells.length - 1]!.end = end;
  }
  return cells;
}

export function scanPipeTables(text: string, lines: LineIndex): PipeTableScan {
  const blocks: PipeTableBlock[] = [];
  const strays: number[] = [];
  let coveredTo = -1;
  for (let l = 0; l < lines.lineCount; l++) {
    if (l <= coveredTo) continue;
    const span = lines.lineSpan(l);
    if (!mightBeDelimiter(text, span.start, span.end)) continue;
    const block = blockAt(text, lines, l - 1);
    if (block) {
      blocks.push(block);
      coveredTo = block.lastLine;
    } else strays.push(l);
  }
  // A stray delimiter-like line may still turn out to be a header row of a later block.
  const unsure = strays.some((l) => !blocks.some((b) => b.firstLine <= l && l <= b.lastLine));
  return { blocks, unsure };
}

/** The block whose header row is line `header`, when it has the recognised shape. */
function blockAt(text: string, lines: LineIndex, header: number): PipeTableBlock | undefined {
  if (header < 0) return undefined;
  if (header > 0) {
    const before = lines.lineSpan(header - 1);
    if (!isBlank(text, before.start, before.end)) return undefined;
  }
  const head = lines.lineSpan(header);
  const headStart = pipeStart(text, head.start, head.end);
  if (headStart < 0) return undefined;
  const headPipes = dividers(text, headStart, head.end);
  const size = headerSize(text, headStart, head.end, headPipes);
  const delimiter = lines.lineSpan(header + 1);
  if (size < 1 || delimiterSize(text, delimiter.start, delimiter.end) !== size) return undefined;
  // A header as the document's last line never reaches its delimiter; the delimiter needs a line.
  const rows: PipeTableRow[] = [{ line: header, start: headStart, end: head.end, cells: rowCells(text, headStart, head.end, headPipes) }];
  let last = header + 1;
  for (let l = header + 2; l < lines.lineCount; l++) {
    const span = lines.lineSpan(l);
    if (isBlank(text, span.start, span.end)) break;
    const start = pipeStart(text, span.start, span.end);
    if (start < 0) return undefined;
    rows.push({ line: l, start, end: span.end, cells: rowCells(text, start, span.end, dividers(text, start, span.end)) });
    last = l;
  }
  return { firstLine: header, lastLine: last, rows };
}
