// --fix and --fix-dry-run: apply the fixes findings carry until none is left (a fix can reveal
// another), then write the document back atomically in its original encoding. Offsets are into the
// text as read, so CRLF line breaks and everything outside the fixed ranges stay as they were.

import {
  chmodSync,
  chownSync,
  closeSync,
  constants,
  existsSync,
  fstatSync,
  fsyncSync,
  ftruncateSync,
  openSync,
  realpathSync,
  renameSync,
  statSync,
  unlinkSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { applyFixes } from '../core/engine.js';
import { readAll } from '../io/read.js';
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
  const temp = tempPath(path);
  try {
    writeFileSync(temp, bytes, { flag: 'wx' });
    try {
      chmodSync(temp, statSync(path).mode & 0o7777);
    } catch {
      // A new file (--output): keep the default mode.
    }
    renameSync(temp, path);
  } catch (error) {
    removeQuietly(temp);
    throw error;
  }
}

function tempPath(path: string): string {
  return join(dirname(path), `.${basename(path)}.vanban-${process.pid}.tmp`);
}

function removeQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // Nothing was created.
  }
}

/**
 * Replaces the content of an existing regular file so that it stays the same file: a symbolic
 * link is followed (the link stays a link and its target is changed), and the owner, group, mode
 * and hard links are kept (issue 16: --fix replaced a link by a fixed copy, split hard links and
 * gave the file to the running user). Atomically (temporary file, rename) when a new inode can
 * carry all of that; else written in place.
 */
export function replaceFileContent(path: string, bytes: Uint8Array): void {
  const real = realpathSync(path);
  const stat = statSync(real);
  if (!stat.isFile()) {
    // A device, a FIFO: write into it, never rename over it.
    writeFileSync(real, bytes);
    return;
  }
  if (stat.nlink > 1) {
    writeInPlace(real, bytes);
    return;
  }
  const temp = tempPath(real);
  try {
    writeFileSync(temp, bytes, { flag: 'wx', mode: stat.mode & 0o7777 });
    chmodSync(temp, stat.mode & 0o7777);
    if (stat.uid !== process.getuid?.() || stat.gid !== process.getgid?.()) {
      try {
        chownSync(temp, stat.uid, stat.gid);
      } catch {
        // Not allowed to give the new file the old owner: change the old file instead.
        removeQuietly(temp);
        writeInPlace(real, bytes);
        return;
      }
    }
    renameSync(temp, real);
  } catch (error) {
    removeQuietly(temp);
    throw error;
  }
}

function writeInPlace(path: string, bytes: Uint8Array): void {
  const fd = openSync(path, 'r+');
  try {
    let written = 0;
    while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written, written);
    ftruncateSync(fd, bytes.length);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** What a document was when it was read: a fix is written only over that same content. */
export interface ReadStamp {
  size: number;
  mtimeMs: number;
  bytes: Uint8Array;
}

/**
 * Whether the file (through links) still has the size, modification time and content it had when
 * read: an edit saved while --fix ran was overwritten (issue 16).
 */
export function unchangedSince(path: string, stamp: ReadStamp): boolean {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch {
    return false;
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile() || stat.size !== stamp.size || stat.mtimeMs !== stamp.mtimeMs) return false;
    const now = readAll(fd, stat.size);
    return now.length === stamp.bytes.length && now.equals(stamp.bytes);
  } finally {
    closeSync(fd);
  }
}

/**
 * Test seam: with VANBAN_TEST_PAUSE_BEFORE_WRITE=FILE, the CLI creates FILE just before it
 * compares a document with what it read and writes the fixes, and waits (30 s at most) until
 * FILE is removed. Lets a test save an edit in exactly that window.
 */
export function pauseBeforeWrite(env: NodeJS.ProcessEnv, path: string): void {
  const signal = env.VANBAN_TEST_PAUSE_BEFORE_WRITE;
  if (!signal) return;
  writeFileSync(signal, path);
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (let waited = 0; waited < 30_000 && existsSync(signal); waited += 20) Atomics.wait(pause, 0, 0, 20);
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
