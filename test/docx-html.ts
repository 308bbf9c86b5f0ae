// Markdown (the project's examples) and the seeds' text → the HTML LibreOffice turns into a real
// Word document: headings, <ol>/<ul> lists (Word's automatic numbering), tables, bold, and
// footnotes in LibreOffice's own HTML form (sdfootnote anchors), which it imports as Word footnotes.
// A footnote definition line (`<sup>(1)</sup>. Kế hoạch …`) becomes the footnote of the first
// mark with its label; a mark without a definition stays a superscript.

import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Nodes, Root, RootContent } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

const DEFINITION = /^<sup>\(?(\d+)\)?<\/sup>\.?\s*(.*)$/;

interface Footnotes {
  /** label → definition text (inline HTML). */
  defs: Map<string, string>;
  used: Set<string>;
}

function inline(nodes: readonly Nodes[]): string {
  return nodes.map((n) => inlineNode(n)).join('');
}

function inlineNode(node: Nodes): string {
  switch (node.type) {
    case 'text':
      return esc(node.value).replace(/\n/g, ' ');
    case 'strong':
      return `<b>${inline(node.children)}</b>`;
    case 'emphasis':
      return `<i>${inline(node.children)}</i>`;
    case 'inlineCode':
      return esc(node.value);
    case 'html':
      return node.value;
    case 'break':
      return ' ';
    case 'link':
      return inline(node.children);
    default:
      return 'children' in node ? inline(node.children as Nodes[]) : '';
  }
}

function block(node: RootContent): string {
  switch (node.type) {
    case 'heading':
      return `<h${node.depth}>${inline(node.children)}</h${node.depth}>`;
    case 'paragraph':
      return `<p>${inline(node.children)}</p>`;
    case 'list': {
      const tag = node.ordered ? 'ol' : 'ul';
      const start = node.ordered && node.start !== null && node.start !== undefined && node.start !== 1 ? ` start="${node.start}"` : '';
      return `<${tag}${start}>${node.children.map((li) => `<li>${li.children.map((c) => (c.type === 'paragraph' ? inline(c.children) : block(c))).join('')}</li>`).join('')}</${tag}>`;
    }
    case 'table':
      return `<table border="1">${node.children.map((row) => `<tr>${row.children.map((cell) => `<td>${inline(cell.children)}</td>`).join('')}</tr>`).join('')}</table>`;
    case 'thematicBreak':
      return '<hr>';
    case 'html':
      return node.value;
    case 'blockquote':
      return node.children.map(block).join('');
    default:
      return '';
  }
}

/** Definition paragraphs taken out; the first mark of each defined label made a Word footnote. */
function withFootnotes(html: string, footnotes: Footnotes): string {
  const body = html.replace(/<sup>(\(?(\d+)\)?)<\/sup>/g, (mark, _shown: string, label: string) => {
    if (!footnotes.defs.has(label) || footnotes.used.has(label)) return mark;
    footnotes.used.add(label);
    return `<a class="sdfootnoteanc" name="sdfootnote${label}anc" href="#sdfootnote${label}sym"><sup>${label}</sup></a>`;
  });
  const notes = [...footnotes.used].map(
    (label) => `<div id="sdfootnote${label}"><p><a class="sdfootnotesym" name="sdfootnote${label}sym" href="#sdfootnote${label}anc">${label}</a>${footnotes.defs.get(label)}</p></div>`,
  );
  return body + notes.join('');
}

function page(body: string): string {
  return `<!DOCTYPE html>\n<html lang="vi"><head><meta charset="utf-8"><title>vanban</title></head><body>\n${body}\n</body></html>\n`;
}

/** The project's Markdown as HTML. */
export function markdownToHtml(markdown: string): string {
  const tree = unified().use(remarkParse).use(remarkGfm).parse(markdown) as Root;
  const footnotes: Footnotes = { defs: new Map(), used: new Set() };
  const blocks: string[] = [];
  for (const node of tree.children) {
    const html = block(node);
    const m = node.type === 'paragraph' ? DEFINITION.exec(inline(node.children)) : null;
    if (m) footnotes.defs.set(m[1]!, m[2]!);
    else blocks.push(html);
  }
  return page(withFootnotes(blocks.join('\n'), footnotes));
}

/**
 * The seeds' converted text (one paragraph a line, `#` headings, `**`/`<b>` bold, tab-separated
 * table rows) as HTML: each line a paragraph, consecutive tabbed lines one table.
 */
export function textToHtml(text: string): string {
  const footnotes: Footnotes = { defs: new Map(), used: new Set() };
  const blocks: string[] = [];
  let rows: string[][] = [];
  const flush = () => {
    if (rows.length === 0) return;
    const width = Math.max(...rows.map((r) => r.length));
    blocks.push(`<table border="1">${rows.map((r) => `<tr>${[...r, ...new Array<string>(width - r.length).fill('')].map((c) => `<td>${lineHtml(c)}</td>`).join('')}</tr>`).join('')}</table>`);
    rows = [];
  };
  for (const line of text.split(/\r?\n/)) {
    if (line.includes('\t')) {
      rows.push(line.split('\t'));
      continue;
    }
    flush();
    if (line.trim() === '') continue;
    const def = DEFINITION.exec(line.trim());
    if (def) {
      footnotes.defs.set(def[1]!, lineHtml(def[2]!));
      continue;
    }
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    blocks.push(heading ? `<h${heading[1]!.length}>${lineHtml(heading[2]!)}</h${heading[1]!.length}>` : `<p>${lineHtml(line)}</p>`);
  }
  flush();
  return page(withFootnotes(blocks.join('\n'), footnotes));
}

/** One line's inline Markdown and HTML (`**b**`, `*i*`, `<b>`, `<sup>`) as HTML. */
function lineHtml(line: string): string {
  return esc(line)
    .replace(/&lt;(\/?(?:b|i|sup|strong|em))&gt;/g, '<$1>')
    .replace(/\*\*(.+?)\*\*/g, '<b>$1</b>')
    .replace(/(^|[^*\w])\*(?!\s)([^*]+?)\*(?!\w)/g, '$1<i>$2</i>');
}

/** `soffice` when LibreOffice is installed (Debian: libreoffice-writer-nogui), else undefined. */
export function findSoffice(): string | undefined {
  for (const name of ['soffice', 'libreoffice']) {
    const r = spawnSync(name, ['--version'], { encoding: 'utf8', timeout: 60_000 });
    if (r.status === 0) return name;
  }
  return undefined;
}

/** HTML files → .docx in `outDir`, by LibreOffice with a profile of its own (no shared lock). */
export function convertWithLibreOffice(soffice: string, files: string[], outDir: string): void {
  const profile = mkdtempSync(join(tmpdir(), 'vanban-lo-'));
  const r = spawnSync(
    soffice,
    [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', 'docx:MS Word 2007 XML', '--outdir', outDir, ...files],
    { encoding: 'utf8', timeout: 180_000 },
  );
  if (r.status !== 0) throw new Error(`soffice failed (${r.status}): ${r.stderr}`);
}
