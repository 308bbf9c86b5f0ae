// The Markdown tree, for block structure and positions. Only GFM tables are needed of GFM: the
// documents use pipe tables, and GFM's autolink-literal and strikethrough extensions cost more parse
// time than the whole rest of the analysis (measured in issue 6). Even the table extension cost as
// much as the rest of the parse on a report with appendix tables, so the common table shape is
// recognised from lines (pipe-tables.ts) and the rest is parsed as CommonMark; the extension runs
// only when a line that could be a delimiter row falls outside that shape.

import type { Root, RootContent, Table, TableCell, TableRow } from 'mdast';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTable } from 'micromark-extension-gfm-table';
import remarkParse from 'remark-parse';
import { unified, type Processor } from 'unified';
import { LineIndex } from '../text.js';
import { scanBlocks, type BlockKind } from './blocks.js';
import { checkNesting } from './limits.js';
import { scanPipeTables, type PipeTableBlock } from './pipe-tables.js';

function remarkGfmTables(this: Processor): void {
  const data = this.data() as { micromarkExtensions?: unknown[]; fromMarkdownExtensions?: unknown[] };
  (data.micromarkExtensions ??= []).push(gfmTable());
  (data.fromMarkdownExtensions ??= []).push(gfmTableFromMarkdown());
}

// The model reads inline content from plain lines (plain.ts), never from the tree, and no inline
// construct changes which lines form which block or how a table row splits into cells (the table
// extension handles `\|` itself): so the parses below skip inline syntax, a third of the parse.
const INLINE_CONSTRUCTS = [
  'attention', 'autolink', 'characterEscape', 'characterReference', 'codeText',
  'hardBreakEscape', 'htmlText', 'labelEnd', 'labelStartImage', 'labelStartLink',
];

function remarkBlocksOnly(this: Processor): void {
  const data = this.data() as { micromarkExtensions?: unknown[] };
  (data.micromarkExtensions ??= []).push({ disable: { null: INLINE_CONSTRUCTS } });
}

const reference = unified().use(remarkParse).use(remarkGfmTables);
const withTables = unified().use(remarkParse).use(remarkGfmTables).use(remarkBlocksOnly);
const commonMark = unified().use(remarkParse).use(remarkBlocksOnly);

/** CommonMark with the GFM table extension and inline syntax: the reference that parseMarkdown
 *  must equal in block structure and table cells (test/fuzz/markdown.test.ts). */
export function parseMarkdownWithTableExtension(text: string): Root {
  return afterBom(text, reference.parse(text) as Root);
}

function parseBlocksWithTableExtension(text: string): Root {
  return afterBom(text, withTables.parse(text) as Root);
}

/**
 * micromark drops a leading byte order mark and counts offsets from the character after it; the
 * model's offsets count it (table cells were located one character early in such a document).
 */
function afterBom(text: string, tree: Root): Root {
  if (text.charCodeAt(0) !== 0xfeff) return tree;
  // Iterative: a document can nest containers thousands deep (issue 16).
  type Positioned = { position?: { start: { offset?: number }; end: { offset?: number } }; children?: unknown[] };
  const stack: Positioned[] = [tree as Positioned];
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (node.position) {
      if (node.position.start.offset !== undefined) node.position.start.offset++;
      if (node.position.end.offset !== undefined) node.position.end.offset++;
    }
    if (node.children) for (const child of node.children) stack.push(child as Positioned);
  }
  return tree;
}

/** What the model takes from Markdown: each line's block kind and the pipe tables. */
export interface MarkdownBlocks {
  kinds: BlockKind[];
  /** The tables (only they are read from it); from micromark, the whole tree. */
  tree: Root;
  /** Which parser produced it: our line scanner, or micromark where the scanner was unsure. */
  parser: 'lines' | 'micromark';
}

/**
 * Block kinds and tables: from the line scanner (blocks.ts) and the pipe-table recogniser
 * (pipe-tables.ts) when both are sure of the document, else from micromark. Whitespace-only lines
 * are `blank` (or `code` inside code) either way, as the plain lines read them. Throws
 * DocumentLimitError for a line nested deeper than MAX_NESTING (limits.ts).
 */
export function parseBlocks(text: string, lines = new LineIndex(text)): MarkdownBlocks {
  checkNesting(text, lines);
  const tables = scanPipeTables(text, lines);
  if (!tables.unsure) {
    const scan = scanBlocks(text, lines);
    // Each table must be a top-level paragraph of exactly its lines (not inside a list or an HTML
    // block): then GFM makes it a table of the same lines.
    if (!scan.unsure && tables.blocks.every((b) => scan.paragraphs.get(b.firstLine) === b.lastLine)) {
      for (const b of tables.blocks) for (let l = b.firstLine; l <= b.lastLine; l++) scan.kinds[l] = 'table';
      return { kinds: scan.kinds, tree: { type: 'root', children: tables.blocks.map((b) => tableNode(text, lines, b)) }, parser: 'lines' };
    }
  }
  const tree = parseMarkdown(text, lines, tables);
  return { kinds: blankWhitespace(text, lines, classifyLines(tree, lines.lineCount)), tree, parser: 'micromark' };
}

function blankWhitespace(text: string, lines: LineIndex, kinds: BlockKind[]): BlockKind[] {
  for (let l = 0; l < kinds.length; l++) {
    if (kinds[l] === 'code' || kinds[l] === 'blank') continue;
    const { start, end } = lines.lineSpan(l);
    let i = l === 0 && text.charCodeAt(0) === 0xfeff ? 1 : start;
    while (i < end && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
    if (i === end) kinds[l] = 'blank';
  }
  return kinds;
}

/** The micromark parse (CommonMark, with GFM tables recognised from lines where possible). */
export function parseMarkdown(text: string, lines = new LineIndex(text), scan = scanPipeTables(text, lines)): Root {
  if (scan.unsure) return parseBlocksWithTableExtension(text);
  if (scan.blocks.length === 0) return afterBom(text, commonMark.parse(text) as Root);
  const tree = afterBom(text, commonMark.parse(maskBlocks(text, lines, scan.blocks)) as Root);
  // Each block must be a top-level paragraph of exactly its lines (not inside a list, a quote, a
  // fenced code or an HTML block): then GFM makes it a table of the same lines.
  const byLine = new Map<number, number>();
  tree.children.forEach((node, i) => {
    if (node.type === 'paragraph' && node.position) byLine.set(node.position.start.line - 1, i);
  });
  for (const block of scan.blocks) {
    const i = byLine.get(block.firstLine);
    if (i === undefined || tree.children[i]!.position!.end.line - 1 !== block.lastLine) return parseBlocksWithTableExtension(text);
    tree.children[i] = tableNode(text, lines, block);
  }
  return tree;
}

/**
 * The text with each block's lines reduced to their indentation and one pipe, padded with spaces
 * to the same length: CommonMark reads them as the same paragraph (a line starting with a pipe
 * never starts another block), every offset stays where it was, and the parser does not spend
 * its time on the cells' inline content.
 */
function maskBlocks(text: string, lines: LineIndex, blocks: PipeTableBlock[]): string {
  let out = '';
  let cursor = 0;
  for (const block of blocks) {
    for (let l = block.firstLine; l <= block.lastLine; l++) {
      const span = lines.lineSpan(l);
      let i = span.start;
      while (text.charCodeAt(i) === 32) i++;
      out += text.slice(cursor, i) + '|' + ' '.repeat(span.end - i - 1);
      cursor = span.end;
    }
  }
  return out + text.slice(cursor);
}

function point(lines: LineIndex, offset: number): { line: number; column: number; offset: number } {
  const p = lines.position(offset);
  return { line: p.line + 1, column: p.character + 1, offset };
}

function tableNode(text: string, lines: LineIndex, block: PipeTableBlock): Table {
  const rows: TableRow[] = block.rows.map((row) => ({
    type: 'tableRow',
    children: row.cells.map(
      (cell): TableCell => ({
        type: 'tableCell',
        // The cell's text is not parsed as inline Markdown: the model reads cells from plain lines.
        children: [{ type: 'text', value: text.slice(cell.start, cell.end) }],
        position: { start: point(lines, cell.start), end: point(lines, cell.end) },
      }),
    ),
    position: { start: point(lines, row.start), end: point(lines, row.end) },
  }));
  // Without body rows the table ends with its delimiter row.
  const end = lines.lineSpan(block.lastLine).end;
  return { type: 'table', align: [], children: rows, position: { start: point(lines, block.rows[0]!.start), end: point(lines, end) } };
}

export type { BlockKind };

/** What kind of Markdown block each line (0-based) belongs to; the innermost container wins,
 *  except that anything inside a list item is a list item. */
export function classifyLines(tree: Root, lineCount: number): BlockKind[] {
  const kinds: BlockKind[] = new Array(lineCount).fill('blank');
  const mark = (node: RootContent, kind: BlockKind): void => {
    const start = node.position?.start.line;
    const end = node.position?.end.line;
    if (start === undefined || end === undefined) return;
    for (let l = start - 1; l <= end - 1 && l < lineCount; l++) kinds[l] = kind;
  };
  // An explicit stack rather than recursion: a line of 6,000 `>` nests as many block quotes, deeper
  // than the call stack (issue 16). Children are pushed in reverse, so nodes are visited in
  // document order, as the recursive walk did (a later, inner node's kind wins).
  const nodes: RootContent[] = [];
  const inItems: boolean[] = [];
  const push = (children: RootContent[], inItem: boolean): void => {
    for (let i = children.length - 1; i >= 0; i--) {
      nodes.push(children[i]!);
      inItems.push(inItem);
    }
  };
  push(tree.children, false);
  while (nodes.length > 0) {
    const node = nodes.pop()!;
    const inItem = inItems.pop()!;
    switch (node.type) {
      case 'list':
        push(node.children, inItem);
        break;
      case 'listItem':
        mark(node, 'list-item');
        push(node.children, true);
        break;
      case 'blockquote':
        push(node.children, inItem);
        break;
      case 'code':
        mark(node, 'code');
        break;
      case 'table':
        mark(node, 'table');
        break;
      case 'heading':
        mark(node, inItem ? 'list-item' : 'heading');
        break;
      case 'thematicBreak':
        mark(node, 'thematic-break');
        break;
      case 'html':
        mark(node, inItem ? 'list-item' : 'html');
        break;
      case 'paragraph':
        mark(node, inItem ? 'list-item' : 'paragraph');
        break;
      default:
        if ('children' in node && Array.isArray(node.children)) push(node.children as RootContent[], inItem);
        else mark(node, inItem ? 'list-item' : 'paragraph');
    }
  }
  return kinds;
}
