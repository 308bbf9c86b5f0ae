// What the model takes from Markdown — the block kind of every line and each table's rows and cell
// ranges — from the product's parse (parseBlocks: the line scanner, or micromark where it is
// unsure) and from the reference, micromark with GFM's table extension, for comparison.

import type { Root, RootContent } from 'mdast';
import { classifyLines, parseBlocks, parseMarkdownWithTableExtension } from '../../server/src/core/document/markdown.js';
import { LineIndex } from '../../server/src/core/text.js';

interface Summary {
  kinds: string[];
  tables: { lines: [number, number]; rows: { line: number; cells: [number, number][] }[] }[];
}

function tablesOf(tree: Root): Summary['tables'] {
  const tables: Summary['tables'] = [];
  const walk = (nodes: RootContent[]): void => {
    for (const node of nodes) {
      if (node.type === 'table') {
        tables.push({
          lines: [node.position!.start.line, node.position!.end.line],
          rows: node.children.map((row) => ({
            line: row.position!.start.line,
            cells: row.children.map((c) => [c.position!.start.offset!, c.position!.end.offset!] as [number, number]),
          })),
        });
      } else if ('children' in node && Array.isArray(node.children)) walk(node.children as RootContent[]);
    }
  };
  walk(tree.children);
  return tables;
}

/** Whitespace-only lines read as blank (or code inside code) in the model, whatever holds them. */
function normalise(text: string, lines: LineIndex, kinds: string[]): string[] {
  return kinds.map((kind, l) => {
    const { start, end } = lines.lineSpan(l);
    const content = text.slice(start, end).replace(/^\ufeff/, '');
    return /^[ \t]*$/.test(content) && kind !== 'code' ? 'blank' : kind;
  });
}

export function blockSummary(text: string): { fast: Summary; reference: Summary; parser: 'lines' | 'micromark' } {
  const lines = new LineIndex(text);
  const fast = parseBlocks(text, lines);
  const reference = parseMarkdownWithTableExtension(text);
  return {
    fast: { kinds: normalise(text, lines, fast.kinds), tables: tablesOf(fast.tree) },
    reference: { kinds: normalise(text, lines, classifyLines(reference, lines.lineCount)), tables: tablesOf(reference) },
    parser: fast.parser,
  };
}
