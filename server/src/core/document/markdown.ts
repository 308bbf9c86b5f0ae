// The Markdown tree, for block structure and positions. Only the GFM table extension is loaded:
// the documents need pipe tables, and GFM's autolink-literal and strikethrough extensions cost
// more parse time than the whole rest of the analysis (measured in issue 6).

import type { Root, RootContent } from 'mdast';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTable } from 'micromark-extension-gfm-table';
import remarkParse from 'remark-parse';
import { unified, type Processor } from 'unified';
import type { PlainLine } from './model.js';

function remarkGfmTables(this: Processor): void {
  const data = this.data() as { micromarkExtensions?: unknown[]; fromMarkdownExtensions?: unknown[] };
  (data.micromarkExtensions ??= []).push(gfmTable());
  (data.fromMarkdownExtensions ??= []).push(gfmTableFromMarkdown());
}

const processor = unified().use(remarkParse).use(remarkGfmTables);

export function parseMarkdown(text: string): Root {
  return processor.parse(text) as Root;
}

export type BlockKind = PlainLine['block'];

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
  const walk = (nodes: RootContent[], inItem: boolean): void => {
    for (const node of nodes) {
      switch (node.type) {
        case 'list':
          walk(node.children, inItem);
          break;
        case 'listItem':
          mark(node, 'list-item');
          walk(node.children, true);
          break;
        case 'blockquote':
          walk(node.children, inItem);
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
          if ('children' in node && Array.isArray(node.children)) walk(node.children as RootContent[], inItem);
          else mark(node, inItem ? 'list-item' : 'paragraph');
      }
    }
  };
  walk(tree.children, false);
  return kinds;
}
