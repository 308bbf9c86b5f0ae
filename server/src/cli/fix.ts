// --fix and --fix-dry-run: apply the fixes findings carry until none is left (a fix can reveal
// another), then write the document back atomically in its original encoding. Offsets are into the
// text as read, so CRLF line breaks and everything outside the fixed ranges stay as they were.

import { chmodSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { applyFixes } from '../core/engine.js';
import type { Finding, Fix } from '../core/types.js';

const MAX_PASSES = 10;

export interface FixResult {
  text: string;
  /** Number of fixes applied over all passes. */
  applied: number;
}

/** `check` returns the findings (already filtered by inline configuration) of a text. */
export function fixUntilStable(text: string, check: (text: string) => Finding[]): FixResult {
  let current = text;
  let applied = 0;
  const crlf = /\r\n/.test(text);
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const fixes = check(current).flatMap((f) => (f.fix ? [withLineBreaks(f.fix, crlf)] : []));
    if (fixes.length === 0) break;
    const result = applyFixes(current, fixes);
    if (result.applied.length === 0 || result.text === current) break;
    current = result.text;
    applied += result.applied.length;
  }
  return { text: current, applied };
}

/** A fix that inserts line breaks uses the document's own. */
function withLineBreaks(fix: Fix, crlf: boolean): Fix {
  return crlf && fix.text.includes('\n') ? { ...fix, text: fix.text.replace(/\r?\n/g, '\r\n') } : fix;
}

/** Writes through a temporary file in the same directory and a rename, keeping the file's mode. */
export function writeFileAtomically(path: string, bytes: Uint8Array): void {
  const temp = join(dirname(path), `.${basename(path)}.vanban-${process.pid}.tmp`);
  try {
    writeFileSync(temp, bytes, { flag: 'wx' });
    try {
      chmodSync(temp, statSync(path).mode & 0o7777);
    } catch {
      // A new file (--output): keep the default mode.
    }
    renameSync(temp, path);
  } catch (error) {
    try {
      unlinkSync(temp);
    } catch {
      // Nothing was created.
    }
    throw error;
  }
}

/** The lines a fix changed, `-12: before` / `+12: after`, for --fix-dry-run. */
export function lineDiff(before: string, after: string): string[] {
  const a = before.split(/\r?\n|\r/);
  const b = after.split(/\r?\n|\r/);
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const removed = a.slice(head, a.length - tail);
  const added = b.slice(head, b.length - tail);
  if (removed.length === added.length) {
    // Same number of lines: show each changed line next to its replacement.
    return removed.flatMap((line, i) => (line === added[i] ? [] : [`-${head + i + 1}: ${line}`, `+${head + i + 1}: ${added[i]}`]));
  }
  return [...removed.map((l, i) => `-${head + i + 1}: ${l}`), ...added.map((l, i) => `+${head + i + 1}: ${l}`)];
}
