// Source lines -> plain lines: the visible text with Markdown and HTML markup removed, and a map
// from every plain character back to its source offset. The outline, targets and numbers are all
// recognised on plain text and reported at source ranges through this map.

import type { Span } from '../types.js';
import type { LineIndex } from '../text.js';
import type { BlockKind } from './markdown.js';
import type { PlainLine } from './model.js';

/** A footnote mark (`<sup>(2)</sup>`, `<sup>1</sup>`, `[^3]`) found while stripping a line. */
export interface SupMark {
  label: string;
  span: Span;
  /** Nothing visible precedes it on the line: a definition, not a reference. */
  atLineStart: boolean;
  /** Markdown footnote definition syntax `[^3]:`. */
  markdownDefinition: boolean;
}

export interface StrippedLine extends PlainLine {
  sups: SupMark[];
  /** An HTML comment on the line (`<!-- vanban-disable … -->`), raw text and span. */
  comments: { text: string; span: Span }[];
  /** The line started with a dash inside emphasis (`### ***- Phát triển hạ tầng số***`). */
  dashed: boolean;
}

const INLINE_TAGS = new Set([
  'b', 'strong', 'i', 'em', 'u', 'span', 'font', 'sub', 'p', 'div', 's', 'del', 'mark', 'small', 'big', 'center',
]);
const ENTITIES: Record<string, string> = { nbsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

// Inline constructs, matched where they start (sticky) so that no line is copied per character.
// Each is linear from where it starts, and a start that cannot match is not tried again from every
// later position (see stripLine): a 1 MB line of `[` or `<!--` took minutes (issue 16).
const AUTOLINK = /<((?:https?|mailto|ftp):[^\s<>]*)>/iy;
const TAG = /<\/?([a-zA-Z][a-zA-Z0-9]*)\b[^<>]*>/y;
const FOOTNOTE = /\[\^([^\]\s]{1,12})\](:?)/y;
// The destination is `a(b)c` with an optional parenthesised part; written `a(?:(b)c)?` rather than
// `a(?:(b))?c`, whose two adjacent runs backtrack quadratically on a long destination.
export const LINK = /\[([^\]]*)\]\(([^()\s]*(?:\([^()\s]*\)[^()\s]*)?)(?:\s+"[^"]*")?\)/y;
const ENTITY = /&(#\d{1,6}|#x[0-9a-f]{1,6}|[a-z]{2,6});/iy;

/**
 * `<sup>…</sup>` at `index`, as `/<sup>\s*([^<]*?)\s*<\/sup>/iy` would match it (group 1 trimmed),
 * without the regular expression's quadratic backtracking over a long run of spaces.
 */
export function supAt(text: string, index: number): [string, string] | null {
  if (text.charCodeAt(index) !== 60 || text.slice(index + 1, index + 5).toLowerCase() !== 'sup>') return null;
  const close = text.indexOf('<', index + 5);
  if (close === -1 || text.slice(close, close + 6).toLowerCase() !== '</sup>') return null;
  return [text.slice(index, close + 6), text.slice(index + 5, close).trim()];
}

function at(re: RegExp, text: string, index: number): RegExpExecArray | null {
  re.lastIndex = index;
  return re.exec(text);
}

/** 1 for the code units the loop below copies as they are: not `\\ < [ & * _`, not a surrogate or
 *  a combining mark. */
const ORDINARY = new Uint8Array(0x10000).fill(1);
for (const c of '\\<[&*_') ORDINARY[c.charCodeAt(0)] = 0;
for (let c = 0xd800; c <= 0xdfff; c++) ORDINARY[c] = 0;
for (let c = 0; c < 0x10000; c++) if (isCombining(c)) ORDINARY[c] = 0;

const scratchMap: number[] = [];
const scratchEnds: number[] = [];

export function stripLines(text: string, lines: LineIndex, blocks: BlockKind[]): StrippedLine[] {
  const out: StrippedLine[] = [];
  for (let l = 0; l < lines.lineCount; l++) {
    const span = lines.lineSpan(l);
    out.push(stripLine(text, l, span, blocks[l] ?? 'paragraph'));
  }
  return out;
}

function isCombining(c: number): boolean {
  return (c >= 0x0300 && c <= 0x036f) || (c >= 0x1ab0 && c <= 0x1aff) || (c >= 0x1dc0 && c <= 0x1dff) || (c >= 0x20d0 && c <= 0x20ff);
}

function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && /[\p{L}\p{N}]/u.test(ch);
}

function stripLine(text: string, line: number, span: Span, block: BlockKind): StrippedLine {
  const raw = text.slice(span.start, span.end);
  const base = span.start;
  let i = 0;
  while (i < raw.length && (raw[i] === ' ' || raw[i] === '\u00a0')) i++;
  const tabbed = isTabbed(raw);
  let bullet = false;
  if (block === 'heading') {
    const m = /^#{1,6}(?=[ \t]|$)[ \t]*/.exec(raw.slice(i));
    if (m) i += m[0].length;
  }
  while (raw[i] === '>') {
    i++;
    while (raw[i] === ' ') i++;
  }
  const marker = /^[-+*•][ \t]+/.exec(raw.slice(i));
  if (marker && !/^\*\*/.test(raw.slice(i))) {
    bullet = true;
    i += marker[0].length;
  }
  const contentStart = i;
  const trimmedRaw = raw.slice(contentStart).trimEnd();
  let emphasised =
    block === 'heading' ||
    (/^(\*|_|<b>|<strong>)/i.test(trimmedRaw) && /(\*|_|<\/b>|<\/strong>)$/i.test(trimmedRaw));

  // Where a construct's closing is known to be missing (or to fail) for every start before it:
  // `<!--` without a `-->` later on the line, `[` whose first `]` was already tried.
  let commentClose = -2;
  let linkFailsBefore = -1;

  let plain = '';
  // Written into arrays shared by all lines (never shrunk), then sliced once at the final length.
  const map = scratchMap;
  const ends = scratchEnds;
  let n = 0;
  const sups: SupMark[] = [];
  const comments: { text: string; span: Span }[] = [];
  const emit = (ch: string, at: number, end = at + 1): void => {
    plain += ch;
    for (let k = 0; k < ch.length; k++) {
      map[n] = base + at;
      ends[n++] = base + end;
    }
  };

  // A setext underline or a bare rule carries no text.
  if (/^\s*(=+|-{2,}|\*{3,}|_{3,})\s*$/.test(raw) && (block === 'heading' || block === 'thematic-break')) {
    return finish();
  }

  while (i < raw.length) {
    const ch = raw[i]!;
    if (ch === '\\' && i + 1 < raw.length && /[!-/:-@[-`{-~]/.test(raw[i + 1]!)) {
      emit(raw[i + 1]!, i + 1);
      i += 2;
      continue;
    }
    if (ch === '<') {
      if (raw.startsWith('<!--', i)) {
        if (commentClose !== -1 && commentClose < i + 4) commentClose = raw.indexOf('-->', i + 4);
        if (commentClose !== -1) {
          const end = commentClose + 3;
          comments.push({ text: raw.slice(i, end), span: { start: base + i, end: base + end } });
          i = end;
          continue;
        }
      }
      const sup = supAt(raw, i);
      if (sup) {
        const label = sup[1]!.replace(/[()\s]/g, '');
        if (label.length > 0 && label.length <= 6) {
          sups.push({
            label,
            span: { start: base + i, end: base + i + sup[0].length },
            atLineStart: plain.trim() === '',
            markdownDefinition: false,
          });
        }
        i += sup[0].length;
        continue;
      }
      const auto = at(AUTOLINK, raw, i);
      if (auto) {
        for (let k = 0; k < auto[1]!.length; k++) emit(auto[1]![k]!, i + 1 + k);
        i += auto[0].length;
        continue;
      }
      const tag = at(TAG, raw, i);
      if (tag && (INLINE_TAGS.has(tag[1]!.toLowerCase()) || tag[1]!.toLowerCase() === 'br')) {
        if (tag[1]!.toLowerCase() === 'br') emit(' ', i);
        i += tag[0].length;
        continue;
      }
    }
    if (ch === '[') {
      const fn = at(FOOTNOTE, raw, i);
      if (fn) {
        sups.push({
          label: fn[1]!,
          span: { start: base + i, end: base + i + fn[0].length },
          atLineStart: plain.trim() === '',
          markdownDefinition: fn[2] === ':' && plain.trim() === '',
        });
        i += fn[0].length;
        continue;
      }
      // Link text runs to the first `]`: every start before a `]` where matching failed fails too.
      const link = i < linkFailsBefore ? null : at(LINK, raw, i);
      if (!link && i >= linkFailsBefore) {
        const close = raw.indexOf(']', i + 1);
        linkFailsBefore = close === -1 ? raw.length : close;
      }
      if (link) {
        for (let k = 0; k < link[1]!.length; k++) {
          const c = link[1]![k]!;
          if (c !== '*' && c !== '_') emit(c, i + 1 + k);
        }
        i += link[0].length;
        continue;
      }
    }
    if (ch === '&') {
      const ent = at(ENTITY, raw, i);
      if (ent) {
        const name = ent[1]!;
        let decoded: string | undefined;
        if (name[0] === '#') {
          const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
          if (code > 0 && code <= 0x10ffff) decoded = String.fromCodePoint(code);
        } else decoded = ENTITIES[name.toLowerCase()];
        if (decoded !== undefined) {
          emit(decoded, i);
          i += ent[0].length;
          continue;
        }
      }
    }
    if (ch === '*') {
      i++;
      continue;
    }
    if (ch === '_') {
      let j = i;
      while (raw[j] === '_') j++;
      if (!isWordChar(raw[i - 1]) || !isWordChar(raw[j])) {
        i = j;
        continue;
      }
    }
    // A run of ordinary characters (no markup, no surrogate, no combining mark) is copied at once.
    let run = i;
    while (run < raw.length && ORDINARY[raw.charCodeAt(run)] === 1) run++;
    // The character before a combining mark starts a cluster: leave it to the loop below.
    if (run < raw.length && run > i && isCombining(raw.charCodeAt(run))) run--;
    if (run > i + 1) {
      plain += raw.slice(i, run);
      for (let k = i; k < run; k++) {
        map[n] = base + k;
        ends[n++] = base + k + 1;
      }
      i = run;
      continue;
    }
    // A character and its combining marks are emitted composed (NFC), so that NFD input reads
    // exactly like NFC input everywhere downstream; the map keeps the source range.
    let j = i + 1;
    const code = raw.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff && j < raw.length) j++;
    while (j < raw.length && isCombining(raw.charCodeAt(j))) j++;
    emit(j - i > 1 ? raw.slice(i, j).normalize('NFC') : ch, i, j);
    i = j;
  }
  return finish();

  function finish(): StrippedLine {
    // Trim the plain text on both sides, keeping the map aligned.
    let s = 0;
    while (s < plain.length && /[\s\u00a0]/.test(plain[s]!)) s++;
    let e = plain.length;
    while (e > s && /[\s\u00a0]/.test(plain[e - 1]!)) e--;
    let p = plain.slice(s, e);
    let dashed = false;
    const dash = /^[-–•][ \t]+/.exec(p);
    if (dash && !bullet) {
      dashed = true;
      p = p.slice(dash[0].length);
      s += dash[0].length;
    }
    const en = ends.slice(s, e);
    const endOffset = en.length > 0 ? en[en.length - 1]! : base + contentStart;
    map[e] = endOffset;
    const m = map.slice(s, e + 1);
    if (p.length === 0) emphasised = false;
    return {
      line,
      span,
      plain: p,
      map: m,
      ends: en,
      block: p.length === 0 && block !== 'code' ? 'blank' : block,
      bullet,
      emphasised,
      tabbed,
      sups,
      comments,
      dashed,
    };
  }
}

/** Tab-separated table line: two tabs, or one tab with text on both sides. */
function isTabbed(raw: string): boolean {
  const first = raw.indexOf('\t');
  if (first < 0) return false;
  if (raw.indexOf('\t', first + 1) >= 0) return true;
  return raw.slice(0, first).trim() !== '' && raw.slice(first + 1).trim() !== '';
}
