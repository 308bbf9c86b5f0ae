// The block kind of every line, read from lines in one pass, without building a Markdown tree.
//
// The model needs only two things from Markdown: which block each line belongs to (paragraph,
// heading, list item, code, HTML, thematic break, table) and where the pipe tables are. micromark
// builds a full event stream and tree for that, which cost more than all of our own analysis
// (issue 6). This scanner follows micromark 4's CommonMark block algorithm for the constructs
// policy documents use — paragraphs, ATX and setext headings, thematic breaks, bullet and ordered
// lists with lazy continuation, indented code, the seven kinds of HTML block — with the same
// container/flow split micromark uses (`initialize/document.js`: list containers continue by
// indentation or a sibling marker; a line that continues no container is lazy; `self.interrupt`
// decides what may interrupt a paragraph). Where a document uses a construct it does not model
// (block quotes, fenced code, a setext underline under a link reference definition), it says
// `unsure` and the caller parses with micromark instead. test/fuzz/markdown.test.ts compares the
// two on random documents built from seed-like fragments.

import type { LineIndex } from '../text.js';
import type { PlainLine } from './model.js';

export type BlockKind = PlainLine['block'];

export interface BlockScan {
  /** Kind of every line (0-based). Whitespace-only lines are `blank`, or `code` inside code. */
  kinds: BlockKind[];
  /** Top-level paragraphs: first line -> last line (0-based). */
  paragraphs: Map<number, number>;
  /** The document uses a construct this scanner does not model: parse it with micromark. */
  unsure: boolean;
}

const SPACE = 32;
const TAB = 9;
const HASH = 35;
const STAR = 42;
const PLUS = 43;
const DASH = 45;
const DOT = 46;
const LT = 60;
const EQUALS = 61;
const GT = 62;
const RPAREN = 41;
const UNDERSCORE = 95;
const BACKTICK = 96;
const TILDE = 126;
const LBRACKET = 91;

/** The CommonMark spec's block-level tag names (HTML block start condition 6). */
const BLOCK_NAMES = new Set(
  ('address article aside base basefont blockquote body caption center col colgroup dd details dialog dir div dl dt ' +
    'fieldset figcaption figure footer form frame frameset h1 h2 h3 h4 h5 h6 head header hr html iframe legend li link ' +
    'main menu menuitem nav noframes ol optgroup option p param search section summary table tbody td tfoot th thead ' +
    'title tr track ul').split(' '),
);
/** Start condition 1: raw text elements. */
const RAW_NAMES = new Set(['pre', 'script', 'style', 'textarea']);

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
function isAlpha(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}
function isSpace(c: number): boolean {
  return c === SPACE || c === TAB;
}

/**
 * A position in a line, in visual columns (tab stops of 4 from the line start) as micromark counts
 * them: a tab can be consumed partly, its other columns staying whitespace for the next consumer.
 */
class Cursor {
  /** Columns of the tab at `pos` not yet consumed (0: not inside a tab). */
  rest = 0;
  col = 0;
  constructor(
    private readonly text: string,
    public pos: number,
    readonly end: number,
  ) {}

  save(): [number, number, number] {
    return [this.pos, this.col, this.rest];
  }
  load(s: [number, number, number]): void {
    [this.pos, this.col, this.rest] = s;
  }
  /** The character at the cursor (a partly consumed tab reads as a tab), -1 at the line end. */
  peek(): number {
    if (this.rest > 0) return TAB;
    return this.pos < this.end ? this.text.charCodeAt(this.pos) : -1;
  }
  /** Columns of whitespace at the cursor. */
  space(): number {
    let width = this.rest;
    let col = this.col + this.rest;
    let p = this.rest > 0 ? this.pos + 1 : this.pos;
    for (; p < this.end; p++) {
      const c = this.text.charCodeAt(p);
      if (c === SPACE) {
        width++;
        col++;
      } else if (c === TAB) {
        const w = 4 - (col % 4);
        width += w;
        col += w;
      } else break;
    }
    return width;
  }
  /** Consumes up to `n` columns of whitespace; returns how many. */
  consume(n = Infinity): number {
    let done = 0;
    while (done < n) {
      if (this.rest > 0) {
        const take = Math.min(this.rest, n - done);
        this.rest -= take;
        this.col += take;
        done += take;
        if (this.rest === 0) this.pos++;
        continue;
      }
      if (this.pos >= this.end) break;
      const c = this.text.charCodeAt(this.pos);
      if (c === SPACE) {
        this.pos++;
        this.col++;
        done++;
      } else if (c === TAB) this.rest = 4 - (this.col % 4);
      else break;
    }
    return done;
  }
  /** Only whitespace from the cursor to the line end. */
  blank(): boolean {
    const p = this.rest > 0 ? this.pos + 1 : this.pos;
    for (let i = p; i < this.end; i++) if (!isSpace(this.text.charCodeAt(i))) return false;
    return true;
  }
}

/** A list container, as micromark keeps it: the marker of the list and the current item's size. */
interface List {
  ordered: boolean;
  /** Bullet character, or the ordered delimiter (`.` or `)`). */
  marker: number;
  /** Content indent of the current item, in columns after the enclosing containers. */
  size: number;
  initialBlankLine: boolean;
  furtherBlankLines: boolean;
}

type Flow =
  | { kind: 'none' }
  | { kind: 'paragraph'; first: number; lines: number[]; inItem: boolean; bracket: boolean }
  | { kind: 'code'; pending: number[] }
  | { kind: 'html'; marker: number };

/** The leaf a line holds before containers are applied. */
type Leaf = 'paragraph' | 'heading' | 'code' | 'html' | 'thematic-break' | 'blank';

export function scanBlocks(text: string, lines: LineIndex): BlockScan {
  const count = lines.lineCount;
  const kinds: BlockKind[] = new Array(count);
  const paragraphs = new Map<number, number>();
  const stack: List[] = [];
  let flow: Flow = { kind: 'none' };
  let unsure = false;

  const closeParagraph = (last: number): void => {
    if (flow.kind === 'paragraph' && !flow.inItem) paragraphs.set(flow.first, last);
  };
  /** micromark's closeFlow: the child flow ends (a new container starts). */
  const closeFlow = (line: number): void => {
    if (flow.kind === 'paragraph') closeParagraph(line - 1);
    flow = { kind: 'none' };
  };

  /** Thematic break from `p` (the marker) to the line end. */
  const thematic = (p: number, end: number): boolean => {
    const marker = text.charCodeAt(p);
    if (marker !== STAR && marker !== DASH && marker !== UNDERSCORE) return false;
    let n = 0;
    for (let i = p; i < end; i++) {
      const c = text.charCodeAt(i);
      if (c === marker) n++;
      else if (!isSpace(c)) return false;
    }
    return n >= 3;
  };
  const atxHeading = (p: number, end: number): boolean => {
    let n = 0;
    while (p + n < end && text.charCodeAt(p + n) === HASH && n < 7) n++;
    if (n < 1 || n > 6) return false;
    return p + n === end || isSpace(text.charCodeAt(p + n));
  };
  const setextUnderline = (p: number, end: number): boolean => {
    const marker = text.charCodeAt(p);
    if (marker !== EQUALS && marker !== DASH) return false;
    let i = p;
    while (i < end && text.charCodeAt(i) === marker) i++;
    while (i < end && isSpace(text.charCodeAt(i))) i++;
    return i === end;
  };
  const fenceLike = (p: number, end: number): boolean => {
    const c = text.charCodeAt(p);
    if (c !== BACKTICK && c !== TILDE) return false;
    let n = 0;
    while (p + n < end && text.charCodeAt(p + n) === c) n++;
    return n >= 3;
  };

  /**
   * An HTML block starting at `p` (a `<`): its kind (1–7) or 0. `interrupt`: it would interrupt a
   * paragraph; `lazy`: the line continues no container. Follows html-flow.js's start states.
   */
  const htmlStart = (p: number, end: number, interrupt: boolean, lazy: boolean): { marker: number; after: number } | undefined => {
    let i = p + 1;
    const c = i < end ? text.charCodeAt(i) : -1;
    if (c === 33 /* ! */) {
      const d = i + 1 < end ? text.charCodeAt(i + 1) : -1;
      if (d === DASH) return i + 2 < end && text.charCodeAt(i + 2) === DASH ? { marker: 2, after: i + 3 } : undefined;
      if (d === LBRACKET) return text.startsWith('CDATA[', i + 2) ? { marker: 5, after: i + 8 } : undefined;
      if (isAlpha(d)) return { marker: 4, after: i + 2 };
      return undefined;
    }
    if (c === 63 /* ? */) return { marker: 3, after: i + 1 };
    let closing = false;
    if (c === 47 /* / */) {
      closing = true;
      i++;
    }
    if (!(i < end && isAlpha(text.charCodeAt(i)))) return undefined;
    const nameStart = i;
    while (i < end) {
      const k = text.charCodeAt(i);
      if (k === DASH || isAlpha(k) || isDigit(k)) i++;
      else break;
    }
    const k = i < end ? text.charCodeAt(i) : -1;
    if (!(k === -1 || k === 47 || k === GT || isSpace(k))) return undefined;
    const name = text.slice(nameStart, i).toLowerCase();
    const slash = k === 47;
    if (!slash && !closing && RAW_NAMES.has(name)) return { marker: 1, after: i };
    if (BLOCK_NAMES.has(name)) {
      if (slash) return i + 1 < end && text.charCodeAt(i + 1) === GT ? { marker: 6, after: i + 2 } : undefined;
      return { marker: 6, after: i };
    }
    if (interrupt && !lazy) return undefined;
    return completeTag(i, end, closing) ? { marker: 7, after: end } : undefined;
  };

  /** The rest of a type 7 start: a complete open or closing tag, then only whitespace
   *  (html-flow.js's `complete*` states, one for one). */
  const completeTag = (i: number, end: number, closing: boolean): boolean => {
    const at = (j: number): number => (j < end ? text.charCodeAt(j) : -1);
    type State = 'closingAfter' | 'nameBefore' | 'name' | 'nameAfter' | 'valueBefore' | 'quoted' | 'quotedAfter' | 'unquoted' | 'end' | 'after';
    let state: State = closing ? 'closingAfter' : 'nameBefore';
    let quote = 0;
    for (;;) {
      const c = at(i);
      switch (state) {
        case 'closingAfter':
          if (isSpace(c)) i++;
          else state = 'end';
          break;
        case 'nameBefore':
          if (c === 47) {
            i++;
            state = 'end';
          } else if (c === 58 || c === UNDERSCORE || isAlpha(c)) {
            i++;
            state = 'name';
          } else if (isSpace(c)) i++;
          else state = 'end';
          break;
        case 'name':
          if (c === DASH || c === DOT || c === 58 || c === UNDERSCORE || isAlpha(c) || isDigit(c)) i++;
          else state = 'nameAfter';
          break;
        case 'nameAfter':
          if (c === EQUALS) {
            i++;
            state = 'valueBefore';
          } else if (isSpace(c)) i++;
          else state = 'nameBefore';
          break;
        case 'valueBefore':
          if (c === -1 || c === LT || c === EQUALS || c === GT || c === BACKTICK) return false;
          if (c === 34 || c === 39) {
            quote = c;
            i++;
            state = 'quoted';
          } else if (isSpace(c)) i++;
          else state = 'unquoted';
          break;
        case 'quoted':
          if (c === -1) return false;
          i++;
          if (c === quote) state = 'quotedAfter';
          break;
        case 'quotedAfter':
          if (c === 47 || c === GT || isSpace(c)) state = 'nameBefore';
          else return false;
          break;
        case 'unquoted':
          if (c === -1 || c === 34 || c === 39 || c === 47 || c === LT || c === EQUALS || c === GT || c === BACKTICK || isSpace(c)) state = 'nameAfter';
          else i++;
          break;
        case 'end':
          if (c !== GT) return false;
          i++;
          state = 'after';
          break;
        case 'after':
          if (c === -1) return true;
          if (!isSpace(c)) return false;
          i++;
          break;
      }
    }
  };

  /**
   * Whether an HTML block of kind 1–5 ends on this line, scanning from `p` in micromark's
   * continuation state machine (`declaration` is the state right after `<!--`, `<?`, `<!X`).
   */
  const htmlEnds = (p: number, end: number, marker: number, declaration: boolean): boolean => {
    let state: 'cont' | 'comment' | 'rawOpen' | 'rawName' | 'cdata' | 'decl' = declaration ? 'decl' : 'cont';
    let name = '';
    for (let i = p; i < end; i++) {
      const c = text.charCodeAt(i);
      switch (state) {
        case 'comment':
          if (c === DASH) {
            state = 'decl';
            continue;
          }
          break;
        case 'rawOpen':
          if (c === 47) {
            state = 'rawName';
            name = '';
            continue;
          }
          break;
        case 'rawName':
          if (c === GT) {
            if (RAW_NAMES.has(name.toLowerCase())) return true;
            break;
          }
          if (isAlpha(c) && name.length < 8) {
            name += text[i];
            continue;
          }
          break;
        case 'cdata':
          if (c === 93) {
            state = 'decl';
            continue;
          }
          break;
        case 'decl':
          if (c === GT) return true;
          if (c === DASH && marker === 2) continue;
          break;
        case 'cont':
          break;
      }
      // The `continuation` state, for this character.
      state = 'cont';
      if (c === DASH && marker === 2) state = 'comment';
      else if (c === LT && marker === 1) state = 'rawOpen';
      else if (c === GT && marker === 4) return true;
      else if (c === 63 && marker === 3) state = 'decl';
      else if (c === 93 && marker === 5) state = 'cdata';
    }
    return false;
  };

  /**
   * A list item starting at the cursor (tokenizeListStart): a new list when `list` is undefined,
   * else a sibling in `list`. On success the cursor is after the item's prefix.
   */
  const startItem = (cur: Cursor, list: List | undefined, interrupt: boolean, initialSize: number): List | undefined => {
    const c = cur.peek();
    const bullet = list ? !list.ordered : c === STAR || c === PLUS || c === DASH;
    let prefix: number;
    let marker: number;
    if (bullet) {
      if (list ? c !== list.marker : !(c === STAR || c === PLUS || c === DASH)) return undefined;
      if ((c === STAR || c === DASH) && thematic(cur.pos, cur.end)) return undefined;
      marker = c;
      prefix = 1;
    } else {
      if (!isDigit(c)) return undefined;
      if (interrupt && c !== 49) return undefined;
      let digits = 0;
      while (digits < 9 && isDigit(cur.pos + digits < cur.end ? text.charCodeAt(cur.pos + digits) : -1)) digits++;
      const d = cur.pos + digits < cur.end ? text.charCodeAt(cur.pos + digits) : -1;
      if (interrupt && digits >= 2) return undefined;
      if (list ? d !== list.marker : d !== DOT && d !== RPAREN) return undefined;
      marker = d;
      prefix = digits + 1;
    }
    cur.pos += prefix;
    cur.col += prefix;
    let size: number;
    let initialBlankLine = false;
    if (cur.blank()) {
      if (interrupt) return undefined;
      initialBlankLine = true;
      size = initialSize + prefix + 1;
    } else {
      const saved = cur.save();
      const took = cur.consume(4);
      if (took >= 1 && !isSpace(cur.peek())) size = initialSize + prefix + took;
      else {
        cur.load(saved);
        if (!isSpace(cur.peek())) return undefined;
        cur.consume(1);
        size = initialSize + prefix + 1;
      }
    }
    if (list) {
      list.size = size;
      list.initialBlankLine = initialBlankLine;
      return list;
    }
    return { ordered: !bullet, marker, size, initialBlankLine, furtherBlankLines: false };
  };

  /** tokenizeListContinuation: the line stays in the current item, starts a sibling, or neither. */
  const continueList = (cur: Cursor, list: List): 'in' | 'sibling' | 'out' => {
    if (cur.blank()) {
      list.furtherBlankLines = list.furtherBlankLines || list.initialBlankLine;
      cur.consume(list.size);
      return 'in';
    }
    const further = list.furtherBlankLines;
    list.furtherBlankLines = false;
    list.initialBlankLine = false;
    if (!further && isSpace(cur.peek()) && cur.space() >= list.size) {
      cur.consume(list.size);
      return 'in';
    }
    const saved = cur.save();
    const initial = cur.consume(3);
    if (startItem(cur, list, false, initial)) return 'sibling';
    cur.load(saved);
    return 'out';
  };

  for (let l = 0; l < count && !unsure; l++) {
    const span = lines.lineSpan(l);
    const start = l === 0 && text.charCodeAt(0) === 0xfeff ? 1 : span.start;
    const cur = new Cursor(text, start, span.end);
    let continued = 0;
    let interrupt = false;
    let startsItem = false;

    // 1. The open list containers.
    while (continued < stack.length) {
      const saved = cur.save();
      const r = continueList(cur, stack[continued]!);
      if (r === 'out') {
        cur.load(saved);
        break;
      }
      continued++;
      if (r === 'sibling') {
        closeFlow(l);
        stack.length = continued;
        startsItem = true;
        break;
      }
    }

    // 2. New containers, unless an HTML block (concrete) goes on in the matched containers.
    let concrete = false;
    if (!startsItem && continued === stack.length) {
      if (flow.kind === 'html') concrete = true;
      else interrupt = flow.kind === 'paragraph' || flow.kind === 'code';
    }
    if (!concrete) {
      for (;;) {
        const saved = cur.save();
        const initial = cur.consume(3);
        if (cur.peek() === GT) {
          unsure = true; // a block quote
          break;
        }
        const item = startItem(cur, undefined, interrupt, initial);
        if (!item) {
          cur.load(saved);
          break;
        }
        if (!startsItem) {
          closeFlow(l);
          stack.length = continued;
        }
        stack.push(item);
        continued++;
        startsItem = true;
      }
      if (unsure) break;
    }
    const lazy = !startsItem && continued !== stack.length;

    // 3. The leaf, in the flow of the innermost container.
    let leaf: Leaf | undefined;
    let lazyParagraph = false;
    let interrupted: Extract<Flow, { kind: 'paragraph' }> | undefined;
    if (flow.kind === 'html') {
      if (lazy || ((flow.marker === 6 || flow.marker === 7) && cur.blank())) flow = { kind: 'none' };
      else {
        leaf = 'html';
        if (flow.marker <= 5 && htmlEnds(cur.rest > 0 ? cur.pos + 1 : cur.pos, cur.end, flow.marker, false)) flow = { kind: 'none' };
      }
    } else if (flow.kind === 'paragraph') {
      if (cur.blank()) {
        closeParagraph(l - 1);
        flow = { kind: 'none' };
      } else if (cur.space() >= 4) {
        leaf = 'paragraph';
        flow.lines.push(l);
        lazyParagraph = lazy;
      } else {
        const probe = cur.save();
        cur.consume();
        const p = cur.pos;
        const c = text.charCodeAt(p);
        if (fenceLike(p, cur.end)) {
          unsure = true;
          break;
        }
        const html = c === LT ? htmlStart(p, cur.end, true, lazy) : undefined;
        if (html?.marker === 7 && l < count - 1) {
          // micromark decides this interruption only after reading the next line, by which time
          // it has kept the line in the containers: a quirk not worth modelling.
          unsure = true;
          break;
        }
        const interrupts =
          (c === HASH && atxHeading(p, cur.end)) ||
          ((c === STAR || c === DASH || c === UNDERSCORE) && thematic(p, cur.end)) ||
          (!lazy && setextUnderline(p, cur.end)) ||
          html !== undefined;
        cur.load(probe);
        if (interrupts) {
          interrupted = flow;
          flow = { kind: 'none' };
        } else {
          leaf = 'paragraph';
          flow.lines.push(l);
          lazyParagraph = lazy;
        }
      }
    } else if (flow.kind === 'code') {
      if (lazy) flow = { kind: 'none' };
      else if (cur.space() >= 4 && !cur.blank()) {
        leaf = 'code';
        for (const b of flow.pending) kinds[b] = 'code';
        flow.pending = [];
      } else if (cur.blank()) {
        if (cur.space() >= 4) {
          leaf = 'code';
          for (const b of flow.pending) kinds[b] = 'code';
          flow.pending = [];
        } else {
          leaf = 'blank';
          flow.pending.push(l);
        }
      } else flow = { kind: 'none' };
    }

    if (leaf === undefined) {
      // The flow's initial state: a new construct on this line.
      if (cur.blank()) leaf = 'blank';
      else if (cur.space() >= 4) {
        leaf = 'code';
        // code-indented.js asks whether the line it ends on is lazy: code begun on a lazy line ends there.
        flow = lazy ? { kind: 'none' } : { kind: 'code', pending: [] };
      } else {
        cur.consume();
        const p = cur.pos;
        const c = text.charCodeAt(p);
        if (fenceLike(p, cur.end)) {
          unsure = true;
          break;
        }
        if (interrupted && !lazy && setextUnderline(p, cur.end)) {
          if (interrupted.bracket) {
            unsure = true; // a link reference definition may not leave a paragraph to underline
            break;
          }
          leaf = 'heading';
          if (!interrupted.inItem) for (const pl of interrupted.lines) kinds[pl] = 'heading';
        } else {
          if (interrupted) closeParagraph(l - 1);
          if (c === HASH && atxHeading(p, cur.end)) leaf = 'heading';
          else if ((c === STAR || c === DASH || c === UNDERSCORE) && thematic(p, cur.end)) leaf = 'thematic-break';
          else {
            const html = c === LT ? htmlStart(p, cur.end, false, lazy) : undefined;
            if (html) {
              leaf = 'html';
              const declaration = html.marker === 2 || html.marker === 3 || html.marker === 4;
              if (!(html.marker <= 5 && htmlEnds(html.after, cur.end, html.marker, declaration))) flow = { kind: 'html', marker: html.marker };
            } else {
              leaf = 'paragraph';
              flow = { kind: 'paragraph', first: l, lines: [l], inItem: false, bracket: c === LBRACKET };
            }
          }
        }
      }
    }

    // A lazy line that does not continue a paragraph closes the containers it did not continue.
    if (lazy && !lazyParagraph) stack.length = continued;
    const inItem = stack.length > 0;
    if (flow.kind === 'paragraph' && flow.first === l) flow.inItem = inItem;
    if (leaf === 'blank') kinds[l] = startsItem && !whitespaceOnly(text, start, span.end) ? 'list-item' : 'blank';
    else if (leaf === 'code' || leaf === 'thematic-break') kinds[l] = leaf;
    else kinds[l] = inItem ? 'list-item' : leaf;
  }
  if (!unsure && flow.kind === 'paragraph') closeParagraph(count - 1);
  return { kinds, paragraphs, unsure };
}

function whitespaceOnly(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (!isSpace(text.charCodeAt(i))) return false;
  return true;
}
