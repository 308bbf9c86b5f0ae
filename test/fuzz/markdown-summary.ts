// What the model takes from the Markdown tree — the block kind of every line and each table's rows
// and cell ranges — from the fast parse and from the reference parse with micromark's table
// extension, for comparison.

import type { Root, RootContent } from 'mdast';
import { classifyLines, parseMarkdown, parseMarkdownWithTableExtension } from '../../server/src/core/document/markdown.js';
import { LineIndex } from '../../server/src/core/text.js';

interface Summary {
  kinds: string[];
  tables: { lines: [number, number]; rows: { line: number; cells: [number, number][] }[] }[];
}

function summarise(tree: Root, lineCount: number): Summary {
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
  return { kinds: classifyLines(tree, lineCount), tables };
}

export function blockSummary(text: string): { fast: Summary; reference: Summary } {
  const lines = new LineIndex(text);
  return {
    fast: summarise(parseMarkdown(text, lines), lines.lineCount),
    reference: summarise(parseMarkdownWithTableExtension(text), lines.lineCount),
  };
}
