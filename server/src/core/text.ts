// Text utilities shared by the document model and the rules: line index, Vietnamese-aware keys.

import type { Span } from './types.js';

/** The 0-based line containing `offset`, given the offsets where lines start (ascending, from 0). */
export function lineOfOffset(starts: ArrayLike<number>, offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Offsets of line starts; converts offsets to 0-based line/character (UTF-16) and back. */
export class LineIndex {
  readonly starts: number[];
  constructor(readonly text: string) {
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) starts.push(i + 1);
      else if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      }
    }
    this.starts = starts;
  }
  get lineCount(): number {
    return this.starts.length;
  }
  /** 0-based line containing `offset`. */
  lineAt(offset: number): number {
    return lineOfOffset(this.starts, offset);
  }
  position(offset: number): { line: number; character: number } {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    const line = this.lineAt(clamped);
    return { line, character: clamped - this.starts[line]! };
  }
  offset(line: number, character: number): number {
    if (line < 0) return 0;
    if (line >= this.starts.length) return this.text.length;
    const start = this.starts[line]!;
    const end = this.lineEnd(line);
    return Math.min(start + Math.max(0, character), end);
  }
  /** Offset of the end of line `line`, before its line break. */
  lineEnd(line: number): number {
    const next = line + 1 < this.starts.length ? this.starts[line + 1]! : this.text.length;
    let end = next;
    if (end > this.starts[line]! && this.text.charCodeAt(end - 1) === 10) end--;
    if (end > this.starts[line]! && this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }
  lineSpan(line: number): Span {
    return { start: this.starts[line]!, end: this.lineEnd(line) };
  }
}

// Tone marks (sắc, huyền, hỏi, ngã, nặng) are dropped; vowel-quality marks (â ê ô ă ơ ư) and đ are
// kept, so "khoẻ" and "khỏe" (old and new tone placement), NFC and NFD, upper and lower case all give
// one key while "số" and "sở" stay apart.
const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323\u0340\u0341]/g;
const ALL_MARKS = /[\u0300-\u036f]/g;

// Keys are computed per character through a cache: normalising every string twice was the
// single largest cost of the analysis on an 80 kB report.
const charKeys = new Map<number, string>();

function charKey(code: number): string {
  let k = charKeys.get(code);
  if (k === undefined) {
    k = String.fromCodePoint(code).normalize('NFD').replace(TONE_MARKS, '').normalize('NFC').toLowerCase();
    charKeys.set(code, k);
  }
  return k;
}

/** Tone-, case- and Unicode-form-insensitive key of a Vietnamese text. Not length-preserving. */
export function toneKey(text: string): string {
  const t = HAS_COMBINING.test(text) ? text.normalize('NFC') : text;
  let out = '';
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c < 0x41) out += t[i];
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < t.length) {
      out += charKey(t.codePointAt(i)!);
      i++;
    } else if (c >= 0x0300 && c <= 0x036f) {
      // A mark NFC could not compose: drop tones, keep the rest.
      if (!TONE_SET.has(c)) out += t[i];
    } else out += charKey(c);
  }
  return out;
}

const HAS_COMBINING = /[\u0300-\u036f]/;
const TONE_SET = new Set([0x300, 0x301, 0x303, 0x309, 0x323, 0x340, 0x341]);

/** Strips every diacritic (and đ → d): for matching text typed without accents. */
export function asciiKey(text: string): string {
  // Latin letters (Vietnamese included) and combining marks map one character at a time, through a
  // cache; anything else (Greek's final sigma lowercases by context) takes the whole-string path.
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 128) out += c >= 65 && c <= 90 ? String.fromCharCode(c + 32) : text[i];
    else if (c < 0x250 || (c >= 0x300 && c <= 0x36f) || (c >= 0x1e00 && c <= 0x1eff)) {
      let k = asciiChars.get(c);
      if (k === undefined) asciiChars.set(c, (k = asciiKeyOf(text[i]!)));
      out += k;
    } else return asciiKeyOf(text);
  }
  return out;
}

const asciiChars = new Map<number, string>();

function asciiKeyOf(text: string): string {
  return text.normalize('NFD').replace(ALL_MARKS, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();
}

export interface KeyedText {
  key: string;
  /** map[i] = offset in the source of key character i; map[key.length] = source length. */
  map: number[];
}

/**
 * toneKey with an offset map back into the source, so that a match found in the key can be
 * reported at the exact source range whatever the source's Unicode form.
 */
export function toneKeyWithMap(source: string, base = 0): KeyedText {
  let key = '';
  const map: number[] = [];
  let i = 0;
  while (i < source.length) {
    // A cluster: one base code point and the combining marks that follow it.
    let j = i + (source.codePointAt(i)! > 0xffff ? 2 : 1);
    while (j < source.length && isCombining(source.charCodeAt(j))) j++;
    const k = j - i === 1 ? charKey(source.charCodeAt(i)) : toneKey(source.slice(i, j));
    for (let n = 0; n < k.length; n++) map.push(base + i);
    key += k;
    i = j;
  }
  map.push(base + source.length);
  return { key, map };
}

function isCombining(c: number): boolean {
  return (c >= 0x0300 && c <= 0x036f) || (c >= 0x1ab0 && c <= 0x1aff) || (c >= 0x20d0 && c <= 0x20ff);
}

/** Words of a key (letters and digits), for overlap measures. */
export function syllables(key: string): string[] {
  return key.match(/[\p{L}\p{N}]+/gu) ?? [];
}

/**
 * The largest of `values` mapped by `of`, or `empty` for none. A loop, never `Math.max(...values)`:
 * spreading an array into arguments overflows the stack past ~100,000 elements (a table of
 * 125,000 rows did, issue 16).
 */
export function maxOf<T>(values: readonly T[], of: (value: T) => number, empty = -Infinity): number {
  let max = values.length === 0 ? empty : -Infinity;
  for (const v of values) {
    const n = of(v);
    if (n > max) max = n;
  }
  return max;
}

/** The smallest of `values` mapped by `of`, or `empty` for none (see maxOf). */
export function minOf<T>(values: readonly T[], of: (value: T) => number, empty = Infinity): number {
  let min = values.length === 0 ? empty : Infinity;
  for (const v of values) {
    const n = of(v);
    if (n < min) min = n;
  }
  return min;
}
