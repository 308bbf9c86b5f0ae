// A Word document (.docx bytes) → the Markdown the core reads: headings, Word's automatic
// numbering as Word displays it, bold and superscript runs, pipe tables with merged cells laid out
// as the table model expects, and Word footnotes as `<sup>N</sup>` marks with their text on a line
// of its own after the paragraph (or table) that holds the mark. Pure: bytes in, text out (no fs);
// see README.md for why the OOXML is read here rather than through mammoth.

import { unzipSync, type UnzipFileInfo } from 'fflate';
import { XMLParser } from 'fast-xml-parser';
import { emptyNumbering, NumberingCounters, type NumberingDefinitions, type NumberingLevel } from './numbering.js';

/** Where a line of the converted text is in Word, for a reviewer who has only the .docx open. */
export type DocxOrigin =
  | { kind: 'paragraph'; paragraph: number }
  | { kind: 'table'; table: number; row: number }
  | { kind: 'footnote'; footnote: number };

export interface DocxConversion {
  markdown: string;
  /** By 0-based line of `markdown`; undefined for blank and separator lines. */
  origins: (DocxOrigin | undefined)[];
}

export type DocxProblem =
  | { kind: 'legacy-doc' }
  | { kind: 'encrypted' }
  | { kind: 'corrupt'; detail: string }
  | { kind: 'not-docx' }
  | { kind: 'too-large'; size: number; limit: number }
  | { kind: 'empty' };

export type DocxResult = ({ ok: true } & DocxConversion) | { ok: false; problem: DocxProblem };

export interface DocxOptions {
  /** Cap on the uncompressed size of the parts read (zip bombs); default 64 MiB. */
  maxUncompressed?: number;
}

export const DEFAULT_MAX_UNCOMPRESSED = 64 * 1024 * 1024;

import { isOle, isZip } from './magic.js';

export { isOle, isZip };

/**
 * An OLE compound file is either an old binary Word document or, since Office 2007, an encrypted
 * OOXML package (password-protected .docx), which stores its streams `EncryptionInfo` and
 * `EncryptedPackage` in the same container. The directory names are UTF-16LE.
 */
function oleKind(bytes: Uint8Array): 'encrypted' | 'legacy-doc' {
  const name = 'EncryptedPackage';
  const needle = new Uint8Array(name.length * 2);
  for (let i = 0; i < name.length; i++) needle[2 * i] = name.charCodeAt(i);
  outer: for (let i = 0; i + needle.length <= bytes.length; i++) {
    if (bytes[i] !== needle[0]) continue;
    for (let j = 1; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
    return 'encrypted';
  }
  return 'legacy-doc';
}

/** A zip ends with its end-of-central-directory record (after at most a 64 KiB comment). */
function hasEndOfCentralDirectory(bytes: Uint8Array): boolean {
  for (let i = bytes.length - 22; i >= 0 && i >= bytes.length - 22 - 0xffff; i--) {
    if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && bytes[i + 2] === 0x05 && bytes[i + 3] === 0x06) return true;
  }
  return false;
}

const PARTS = {
  document: 'word/document.xml',
  styles: 'word/styles.xml',
  numbering: 'word/numbering.xml',
  footnotes: 'word/footnotes.xml',
};
const WANTED = new Set(Object.values(PARTS));

export function convertDocx(bytes: Uint8Array, options: DocxOptions = {}): DocxResult {
  if (isOle(bytes)) return { ok: false, problem: { kind: oleKind(bytes) } };
  if (!isZip(bytes)) return { ok: false, problem: { kind: 'corrupt', detail: 'not a zip archive' } };
  if (!hasEndOfCentralDirectory(bytes)) return { ok: false, problem: { kind: 'corrupt', detail: 'truncated zip archive (no central directory)' } };
  const limit = options.maxUncompressed ?? DEFAULT_MAX_UNCOMPRESSED;
  let declared = 0;
  let tooLarge = false;
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (file: UnzipFileInfo) => {
        if (!WANTED.has(file.name)) return false;
        declared += file.originalSize;
        if (declared > limit) tooLarge = true;
        return !tooLarge;
      },
    });
  } catch (error) {
    return { ok: false, problem: { kind: 'corrupt', detail: error instanceof Error ? error.message : String(error) } };
  }
  if (tooLarge) return { ok: false, problem: { kind: 'too-large', size: declared, limit } };
  // The declared sizes bound what fflate writes; the inflated parts are checked as well.
  const total = Object.values(files).reduce((n, f) => n + f.length, 0);
  if (total > limit) return { ok: false, problem: { kind: 'too-large', size: total, limit } };
  const documentXml = files[PARTS.document];
  if (!documentXml) return { ok: false, problem: { kind: 'not-docx' } };
  const decoder = new TextDecoder('utf-8');
  const read = (name: string): XNode[] | undefined => {
    const data = files[name];
    if (!data) return undefined;
    const text = decoder.decode(data);
    // OOXML parts never declare a DTD; one could define entities that expand without bound.
    if (/<!DOCTYPE/i.test(text)) throw new Error(`${name} declares a DOCTYPE`);
    return parseXml(text);
  };
  let conversion: DocxConversion;
  try {
    const document = read(PARTS.document)!;
    conversion = new Converter(readStyles(read(PARTS.styles)), readNumbering(read(PARTS.numbering)), readFootnotes(read(PARTS.footnotes))).run(document);
  } catch (error) {
    return { ok: false, problem: { kind: 'corrupt', detail: error instanceof Error ? error.message : String(error) } };
  }
  if (conversion.markdown.trim() === '') return { ok: false, problem: { kind: 'empty' } };
  return { ok: true, ...conversion };
}

// ---- XML ------------------------------------------------------------------------------------

/** fast-xml-parser's ordered form: `{ tag: children, ':@': attributes }` or `{ '#text': text }`. */
type XNode = { [tag: string]: unknown };

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  removeNSPrefix: true,
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: true,
  htmlEntities: false,
});

function parseXml(text: string): XNode[] {
  return parser.parse(text) as XNode[];
}

function tagOf(node: XNode): string {
  for (const key in node) if (key !== ':@') return key;
  return '';
}

function kids(node: XNode): XNode[] {
  const value = node[tagOf(node)];
  return Array.isArray(value) ? (value as XNode[]) : [];
}

function attr(node: XNode | undefined, name: string): string | undefined {
  const attributes = node?.[':@'] as Record<string, string> | undefined;
  return attributes?.[name];
}

function child(node: XNode | undefined, tag: string): XNode | undefined {
  return node ? kids(node).find((k) => tagOf(k) === tag) : undefined;
}

function childrenNamed(node: XNode | undefined, tag: string): XNode[] {
  return node ? kids(node).filter((k) => tagOf(k) === tag) : [];
}

function textOf(node: XNode): string {
  let out = '';
  for (const k of kids(node)) if ('#text' in k) out += String(k['#text']);
  return out;
}

/** `<w:b/>`, `<w:b w:val="true"/>` are on; `w:val="0"`, `"false"`, `"off"`, `"none"` are off. */
function toggle(node: XNode | undefined): boolean {
  if (!node) return false;
  const value = attr(node, 'val');
  return value === undefined || !/^(0|false|off|none)$/i.test(value);
}

function root(nodes: XNode[] | undefined, tag: string): XNode | undefined {
  return nodes?.find((n) => tagOf(n) === tag);
}

// ---- styles, numbering, footnotes -----------------------------------------------------------

interface Style {
  name: string;
  basedOn?: string;
  outlineLevel?: number;
  numId?: string;
  ilvl?: number;
}

function readStyles(nodes: XNode[] | undefined): Map<string, Style> {
  const styles = new Map<string, Style>();
  for (const s of childrenNamed(root(nodes, 'styles'), 'style')) {
    const id = attr(s, 'styleId');
    if (!id) continue;
    const pPr = child(s, 'pPr');
    const numPr = child(pPr, 'numPr');
    const outline = attr(child(pPr, 'outlineLvl'), 'val');
    const numId = attr(child(numPr, 'numId'), 'val');
    const ilvl = attr(child(numPr, 'ilvl'), 'val');
    styles.set(id, {
      name: attr(child(s, 'name'), 'val') ?? id,
      ...(attr(child(s, 'basedOn'), 'val') ? { basedOn: attr(child(s, 'basedOn'), 'val')! } : {}),
      ...(outline !== undefined ? { outlineLevel: Number(outline) } : {}),
      ...(numId !== undefined ? { numId } : {}),
      ...(ilvl !== undefined ? { ilvl: Number(ilvl) } : {}),
    });
  }
  return styles;
}

function readLevel(lvl: XNode): NumberingLevel {
  const restart = attr(child(lvl, 'lvlRestart'), 'val');
  const suffix = attr(child(lvl, 'suff'), 'val');
  return {
    format: attr(child(lvl, 'numFmt'), 'val') ?? 'decimal',
    text: attr(child(lvl, 'lvlText'), 'val') ?? '',
    start: Number(attr(child(lvl, 'start'), 'val') ?? 1),
    legal: toggle(child(lvl, 'isLgl')),
    ...(restart !== undefined ? { restart: Number(restart) } : {}),
    ...(suffix === 'tab' || suffix === 'space' || suffix === 'nothing' ? { suffix } : {}),
  };
}

function readNumbering(nodes: XNode[] | undefined): NumberingDefinitions {
  const defs = emptyNumbering();
  const numbering = root(nodes, 'numbering');
  for (const a of childrenNamed(numbering, 'abstractNum')) {
    const id = attr(a, 'abstractNumId');
    if (id === undefined) continue;
    const levels: NumberingLevel[] = [];
    for (const lvl of childrenNamed(a, 'lvl')) levels[Number(attr(lvl, 'ilvl') ?? 0)] = readLevel(lvl);
    defs.abstract.set(id, levels);
  }
  for (const n of childrenNamed(numbering, 'num')) {
    const id = attr(n, 'numId');
    const abstractId = attr(child(n, 'abstractNumId'), 'val');
    if (id === undefined || abstractId === undefined) continue;
    const startOverride = new Map<number, number>();
    const levelOverride = new Map<number, NumberingLevel>();
    for (const o of childrenNamed(n, 'lvlOverride')) {
      const ilvl = Number(attr(o, 'ilvl') ?? 0);
      const start = attr(child(o, 'startOverride'), 'val');
      if (start !== undefined) startOverride.set(ilvl, Number(start));
      const lvl = child(o, 'lvl');
      if (lvl) levelOverride.set(ilvl, readLevel(lvl));
    }
    defs.instances.set(id, { abstractId, startOverride, levelOverride });
  }
  return defs;
}

function readFootnotes(nodes: XNode[] | undefined): Map<string, XNode[]> {
  const notes = new Map<string, XNode[]>();
  for (const f of childrenNamed(root(nodes, 'footnotes'), 'footnote')) {
    const type = attr(f, 'type');
    if (type === 'separator' || type === 'continuationSeparator' || type === 'continuationNotice') continue;
    const id = attr(f, 'id');
    if (id !== undefined) notes.set(id, kids(f));
  }
  return notes;
}

// ---- the body -------------------------------------------------------------------------------

interface Segment {
  text: string;
  bold: boolean;
  italic: boolean;
  sup: boolean;
}

/** Containers whose runs are part of the paragraph's text. */
const TRANSPARENT = new Set(['hyperlink', 'ins', 'smartTag', 'sdt', 'sdtContent', 'fldSimple', 'customXml', 'moveTo', 'dir', 'bdo']);

class Converter {
  private readonly lines: string[] = [];
  private readonly origins: (DocxOrigin | undefined)[] = [];
  private readonly counters: NumberingCounters;
  private paragraphs = 0;
  private tables = 0;
  private footnoteCount = 0;
  /** Footnotes whose marks are in the current block, written after it. */
  private pending: { label: string; id: string }[] = [];
  /** The kind of the last block written, to keep list items together. */
  private last: 'list' | 'other' | 'none' = 'none';
  /** Text seen in the body: a table before it is the title block laid out in a table. */
  private seenText = false;

  constructor(
    private readonly styles: Map<string, Style>,
    numbering: NumberingDefinitions,
    private readonly footnotes: Map<string, XNode[]>,
  ) {
    this.counters = new NumberingCounters(numbering);
  }

  run(document: XNode[]): DocxConversion {
    const body = child(root(document, 'document'), 'body');
    this.blocks(kids(body ?? {}));
    while (this.lines.length > 0 && this.lines[this.lines.length - 1] === '') {
      this.lines.pop();
      this.origins.pop();
    }
    return { markdown: this.lines.join('\n') + '\n', origins: this.origins };
  }

  private blocks(nodes: XNode[]): void {
    for (const node of nodes) {
      const tag = tagOf(node);
      if (tag === 'p') this.paragraph(node);
      else if (tag === 'tbl') this.table(node);
      else if (tag === 'sdt' || tag === 'sdtContent' || tag === 'customXml') this.blocks(kids(node));
    }
  }

  private push(line: string, origin: DocxOrigin | undefined): void {
    this.lines.push(line);
    this.origins.push(origin);
  }

  private separate(kind: 'list' | 'other'): void {
    if (this.last !== 'none' && !(kind === 'list' && this.last === 'list')) this.push('', undefined);
    this.last = kind;
  }

  /** Heading level from the paragraph's style chain (heading N, Title) or an outline level. */
  private headingLevel(pPr: XNode | undefined): number | undefined {
    const direct = attr(child(pPr, 'outlineLvl'), 'val');
    if (direct !== undefined && Number(direct) < 9) return Number(direct) + 1;
    let id = attr(child(pPr, 'pStyle'), 'val');
    for (let depth = 0; id && depth < 10; depth++) {
      const style = this.styles.get(id);
      if (!style) break;
      const m = /^heading\s*(\d)$/i.exec(style.name);
      if (m) return Number(m[1]);
      if (/^title$/i.test(style.name)) return 1;
      if (style.outlineLevel !== undefined && style.outlineLevel < 9) return style.outlineLevel + 1;
      id = style.basedOn;
    }
    return undefined;
  }

  private numberOf(pPr: XNode | undefined): { numId: string; ilvl: number } | undefined {
    const numPr = child(pPr, 'numPr');
    const numId = attr(child(numPr, 'numId'), 'val');
    if (numId !== undefined) return numId === '0' ? undefined : { numId, ilvl: Number(attr(child(numPr, 'ilvl'), 'val') ?? 0) };
    const ilvlDirect = attr(child(numPr, 'ilvl'), 'val');
    let id = attr(child(pPr, 'pStyle'), 'val');
    for (let depth = 0; id && depth < 10; depth++) {
      const style = this.styles.get(id);
      if (!style) break;
      if (style.numId !== undefined) return style.numId === '0' ? undefined : { numId: style.numId, ilvl: Number(ilvlDirect ?? style.ilvl ?? 0) };
      id = style.basedOn;
    }
    return undefined;
  }

  /** The paragraph's label (`II.`, `1.1.`, `a)`, `-`) and its text as Markdown inline. */
  private paragraphText(p: XNode): { label?: { label: string; bullet: boolean; joined?: boolean }; text: string } {
    const pPr = child(p, 'pPr');
    const number = this.numberOf(pPr);
    const segments: Segment[] = [];
    this.inline(kids(p), segments, { bold: false, italic: false, sup: false });
    const text = render(segments).trim();
    // Word counts (and shows) the number of an empty numbered paragraph too.
    const label = number ? this.counters.next(number.numId, number.ilvl) : undefined;
    return { ...(label && label.label !== '' ? { label } : {}), text };
  }

  private paragraph(p: XNode): void {
    const { label, text } = this.paragraphText(p);
    if (text === '' && !label) return;
    this.seenText = true;
    const index = ++this.paragraphs;
    const level = this.headingLevel(child(p, 'pPr'));
    // Bullets stay together as one Markdown list; every other paragraph is a block of its own.
    const isList = !!label?.bullet && level === undefined;
    this.separate(isList ? 'list' : 'other');
    const numbered = label ? `${label.label}${label.joined ? '' : ' '}${text}`.trim() : text;
    const line = level !== undefined ? `${'#'.repeat(Math.min(level, 6))} ${numbered}` : numbered;
    this.push(line, { kind: 'paragraph', paragraph: index });
    this.flushFootnotes();
  }

  private flushFootnotes(): void {
    if (this.pending.length === 0) return;
    const notes = this.pending;
    this.pending = [];
    for (const note of notes) {
      const segments: Segment[] = [];
      for (const p of (this.footnotes.get(note.id) ?? []).filter((n) => tagOf(n) === 'p')) {
        if (segments.length > 0) segments.push({ text: ' ', bold: false, italic: false, sup: false });
        this.inline(kids(p), segments, { bold: false, italic: false, sup: false }, true);
      }
      const text = render(segments).trim();
      this.separate('other');
      this.push(`<sup>${note.label}</sup> ${text}`.trimEnd(), { kind: 'footnote', footnote: Number(note.label) || 0 });
    }
  }

  private inline(nodes: XNode[], out: Segment[], format: Omit<Segment, 'text'>, inFootnote = false): void {
    for (const node of nodes) {
      const tag = tagOf(node);
      if (tag === 'r') this.runText(node, out, format, inFootnote);
      else if (TRANSPARENT.has(tag)) this.inline(kids(node), out, format, inFootnote);
    }
  }

  private runText(r: XNode, out: Segment[], outer: Omit<Segment, 'text'>, inFootnote: boolean): void {
    const rPr = child(r, 'rPr');
    const format = {
      bold: outer.bold || toggle(child(rPr, 'b')),
      italic: outer.italic || toggle(child(rPr, 'i')),
      // Superscript, or text raised above the line (w:position), as LibreOffice writes <sup>.
      sup: outer.sup || attr(child(rPr, 'vertAlign'), 'val') === 'superscript' || Number(attr(child(rPr, 'position'), 'val') ?? 0) > 0,
    };
    if (toggle(child(rPr, 'vanish'))) return;
    for (const k of kids(r)) {
      const tag = tagOf(k);
      if (tag === 't') out.push({ text: textOf(k), ...format });
      else if (tag === 'tab' || tag === 'ptab') out.push({ text: '\t', ...format });
      else if (tag === 'br' || tag === 'cr') out.push({ text: ' ', ...format });
      else if (tag === 'noBreakHyphen') out.push({ text: '-', ...format });
      else if (tag === 'footnoteReference') {
        const id = attr(k, 'id');
        if (id === undefined) continue;
        // A custom mark (w:customMarkFollows) is the text of the run that follows; numbered marks
        // are 1, 2, 3 … in reading order, as Word displays them by default.
        const custom = /^(1|true|on)$/i.test(attr(k, 'customMarkFollows') ?? '');
        const label = custom ? '*' : String(++this.footnoteCount);
        this.pending.push({ label, id });
        if (!custom) out.push({ text: label, bold: false, italic: false, sup: true });
      } else if (tag === 'footnoteRef' && inFootnote) {
        // The footnote's own mark at the start of its text: written by flushFootnotes.
      }
    }
  }

  // ---- tables -----------------------------------------------------------------------------

  private table(tbl: XNode): void {
    const rows: string[][] = [];
    for (const tr of childrenNamed(tbl, 'tr')) {
      const cells: string[] = [];
      const trPr = child(tr, 'trPr');
      const before = Number(attr(child(trPr, 'gridBefore'), 'val') ?? 0);
      for (let i = 0; i < before; i++) cells.push('');
      for (const tc of childrenNamed(tr, 'tc')) {
        const tcPr = child(tc, 'tcPr');
        const span = Math.max(1, Number(attr(child(tcPr, 'gridSpan'), 'val') ?? 1));
        const vMerge = child(tcPr, 'vMerge');
        const continued = vMerge !== undefined && attr(vMerge, 'val') !== 'restart';
        const text = this.cellText(tc);
        // A vertically merged cell's text is in its first row; the rows below hold an empty cell,
        // and a horizontally merged cell's text is in its first column: the spanning headers the
        // table model reads (an empty cell under or right of a label continues it).
        cells.push(continued ? '' : text);
        for (let i = 1; i < span; i++) cells.push('');
      }
      rows.push(cells);
    }
    if (rows.length === 0) return;
    const width = Math.max(...rows.map((r) => r.length));
    // A small table before any text is the title block (issuer | motto, number | place and date)
    // laid out in a table: its cells are lines of the document, not data.
    if (!this.seenText && width <= 2 && rows.length <= 4) {
      this.tables++;
      rows.forEach((cells, r) => {
        for (const cell of cells) {
          if (cell === '') continue;
          this.separate('other');
          this.push(cell.replace(/\\\|/g, '|'), { kind: 'table', table: this.tables, row: r + 1 });
        }
      });
      this.flushFootnotes();
      return;
    }
    this.seenText = true;
    const table = ++this.tables;
    this.separate('other');
    rows.forEach((cells, r) => {
      const padded = [...cells, ...new Array<string>(width - cells.length).fill('')];
      this.push(`| ${padded.join(' | ')} |`.replace(/ {2}\|/g, ' |'), { kind: 'table', table, row: r + 1 });
      if (r === 0) this.push(`|${new Array(width).fill('---').join('|')}|`, undefined);
    });
    this.last = 'other';
    this.flushFootnotes();
  }

  private cellText(tc: XNode): string {
    const parts: string[] = [];
    const visit = (nodes: XNode[]) => {
      for (const node of nodes) {
        const tag = tagOf(node);
        if (tag === 'p') {
          const { label, text } = this.paragraphText(node);
          const line = label ? `${label.label}${label.joined ? '' : ' '}${text}`.trim() : text;
          if (line) parts.push(line);
        } else if (tag === 'tbl') {
          for (const tr of childrenNamed(node, 'tr')) for (const inner of childrenNamed(tr, 'tc')) visit(kids(inner));
        } else if (tag === 'sdt' || tag === 'sdtContent' || tag === 'customXml') visit(kids(node));
      }
    };
    visit(kids(tc));
    return parts.join(' ').replace(/\s+/g, ' ').replace(/\|/g, '\\|').trim();
  }
}

/** Adjacent runs of the same format merged, then bold as `**…**`, italic as `*…*`, superscript as
 *  `<sup>…</sup>`; spaces kept outside the markers (`** x**` is not bold in Markdown). */
function render(segments: Segment[]): string {
  const merged: Segment[] = [];
  for (const s of segments) {
    if (s.text === '') continue;
    const prev = merged[merged.length - 1];
    if (prev && prev.bold === s.bold && prev.italic === s.italic && prev.sup === s.sup) prev.text += s.text;
    else merged.push({ ...s });
  }
  let out = '';
  for (const s of merged) {
    const m = /^(\s*)([\s\S]*?)(\s*)$/.exec(s.text)!;
    let core = m[2]!;
    if (core === '') {
      out += s.text;
      continue;
    }
    if (s.sup) core = `<sup>${core}</sup>`;
    if (s.italic) core = `*${core}*`;
    if (s.bold) core = `**${core}**`;
    out += m[1] + core + m[3];
  }
  return out;
}
