// Command-line arguments → the documents to check: files, directories (recursively) and quoted
// globs, in a deterministic order whatever the shell or the file system returns.

import { readdirSync, statSync, type Dirent } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import picomatch from 'picomatch';
import type { LocalizedText } from '../core/types.js';
import { msg } from './messages.js';

export const DOCUMENT_EXTENSIONS = ['.md', '.markdown', '.txt', '.docx'];

export interface InputFile {
  /** Absolute path. */
  path: string;
  /** Named on the command line rather than found in a directory or by a glob. */
  explicit: boolean;
}

export interface InputProblem {
  /** The argument or path as the user wrote or would recognise it. */
  path: string;
  message: LocalizedText;
}

export interface CollectOptions {
  cwd: string;
  /** Config-driven exclusion of documents found in directories and by globs. */
  isIgnored: (absolutePath: string) => boolean;
}

export function isDocumentPath(path: string): boolean {
  return DOCUMENT_EXTENSIONS.includes(extname(path).toLowerCase());
}

/** Directories never descended into: dependencies and hidden folders (.git, .vscode …). */
function skipDirectory(name: string): boolean {
  return name === 'node_modules' || name.startsWith('.');
}

export function collectFiles(args: string[], options: CollectOptions): { files: InputFile[]; problems: InputProblem[] } {
  const files = new Map<string, InputFile>();
  const problems: InputProblem[] = [];
  const add = (path: string, explicit: boolean) => {
    const existing = files.get(path);
    if (!existing || (explicit && !existing.explicit)) files.set(path, { path, explicit });
  };
  for (const arg of args) {
    const absolute = resolve(options.cwd, arg);
    const stat = statOrUndefined(absolute);
    if (stat?.isDirectory()) {
      const found: string[] = [];
      const walkProblems = walk(absolute, found);
      for (const p of walkProblems) problems.push({ path: p.path, message: msg.unreadable(p.code) });
      const kept = found.filter((f) => !options.isIgnored(f));
      if (kept.length === 0 && walkProblems.length === 0) problems.push({ path: arg, message: msg.noDocumentsFound(found.length) });
      for (const f of kept) add(f, false);
    } else if (stat) {
      add(absolute, true);
    } else {
      const scan = picomatch.scan(arg);
      if (!scan.isGlob) {
        problems.push({ path: arg, message: statError(absolute) === 'ELOOP' ? msg.symlinkLoop() : msg.fileNotFound() });
        continue;
      }
      const base = resolve(options.cwd, scan.base || '.');
      const match = picomatch(scan.glob, { dot: false });
      const found: string[] = [];
      if (statOrUndefined(base)?.isDirectory()) walk(base, found);
      const matched = found.filter((f) => match(f.slice(base.length + 1).split('\\').join('/')));
      const kept = matched.filter((f) => !options.isIgnored(f));
      if (matched.length === 0) problems.push({ path: arg, message: msg.noMatches() });
      else if (kept.length === 0) problems.push({ path: arg, message: msg.noDocumentsFound(matched.length) });
      for (const f of kept) add(f, false);
    }
  }
  const sorted = [...files.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { files: sorted, problems };
}

/** Collects the documents under `dir`; returns the directories that could not be read. */
function walk(dir: string, out: string[]): { path: string; code: string }[] {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    return [{ path: dir, code: (error as NodeJS.ErrnoException).code ?? 'EIO' }];
  }
  const unreadable: { path: string; code: string }[] = [];
  for (const entry of entries) {
    const path = join(dir, entry.name);
    let isDir = entry.isDirectory();
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      // Follow links to files; never links to directories, which can form cycles.
      const target = statOrUndefined(path);
      isDir = false;
      isFile = target?.isFile() ?? false;
    }
    if (isDir) {
      if (!skipDirectory(entry.name)) for (const u of walk(path, out)) unreadable.push(u);
    } else if (isFile && isDocumentPath(entry.name)) out.push(path);
  }
  return unreadable;
}

function statError(path: string): string | undefined {
  try {
    statSync(path);
    return undefined;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code;
  }
}

function statOrUndefined(path: string) {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}
