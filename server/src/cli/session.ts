// What both commands share: the process's streams, configuration lookup, the documents named on
// the command line, reading them — and the rule that every problem is one line on stderr naming
// its file, remembered so that the run ends with exit status 2 while the other files are still done.

import { existsSync, lstatSync, statSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ConfigCache, formatConfigProblem, type ResolvedConfig } from '../config/load.js';
import type { Locale, LocalizedText } from '../core/types.js';
import { DEFAULT_MAX_FILE_SIZE, isWordPath, readDocument, readStdin, type DocumentText } from './documents.js';
import { collectFiles, type InputFile } from './files.js';
import { replaceFileContent, writeFileAtomically, type ReadStamp } from './fix.js';
import { escapeControls } from './formatters/stylish.js';
import { msg, tr } from './messages.js';
import { displayPath, type Failure } from './report.js';

export interface Io {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout(text: string): void;
  stderr(text: string): void;
  stdoutIsTTY: boolean;
  /** Standard error is a terminal: a progress line may be drawn there. */
  stderrIsTTY?: boolean;
}

export interface SessionOptions {
  locale: Locale;
  configPath?: string;
  maxFileSize?: number;
}

export class Session {
  readonly failures: Failure[] = [];
  private readonly configs: ConfigCache;
  private readonly reportedConfigs = new Set<string>();
  /** Every document the arguments named or led to (ignored ones too): never overwritten by -o. */
  private readonly inputs: string[] = [];

  constructor(
    readonly io: Io,
    private readonly options: SessionOptions,
  ) {
    this.configs = new ConfigCache(options.configPath !== undefined ? { configPath: resolve(io.cwd, options.configPath) } : {});
  }

  get locale(): Locale {
    return this.options.locale;
  }

  display(path: string): string {
    return displayPath(path, this.io.cwd);
  }

  fail(path: string, message: LocalizedText): void {
    const shown = this.display(path);
    const text = tr(message, this.locale);
    this.failures.push({ path: shown, message: text });
    this.io.stderr(`${escapeControls(shown)}: ${escapeControls(text)}\n`);
  }

  notice(path: string, message: LocalizedText): void {
    this.io.stderr(`${escapeControls(this.display(path))}: ${escapeControls(tr(message, this.locale))}\n`);
  }

  /** The configuration of a document; undefined (its problems reported once) when it is broken. */
  configFor(documentPath: string): ResolvedConfig | undefined {
    const result = this.configs.for(documentPath);
    if (result.ok) return result.config;
    if (!this.reportedConfigs.has(result.file)) {
      this.reportedConfigs.add(result.file);
      const shown = this.display(result.file);
      for (const p of result.problems) {
        this.io.stderr(formatConfigProblem(p, this.locale, shown) + '\n');
        const text = tr(p.message, this.locale);
        this.failures.push({
          path: shown,
          line: p.range.start.line + 1,
          column: p.range.start.character + 1,
          message: p.key ? `${p.key}: ${text}` : text,
        });
      }
    }
    return undefined;
  }

  /** With --config, the file must be usable before anything is checked. */
  explicitConfigUsable(): boolean {
    if (this.options.configPath === undefined) return true;
    return this.configFor(resolve(this.io.cwd, 'document.md')) !== undefined;
  }

  /** The documents the arguments name, ignored ones left out, problems reported. */
  collect(paths: string[]): InputFile[] {
    const { files, problems } = collectFiles(paths.length > 0 ? paths : ['.'], {
      cwd: this.io.cwd,
      isIgnored: (f) => {
        const result = this.configs.for(f);
        return result.ok && result.config.isIgnored(f);
      },
    });
    for (const p of problems) this.fail(p.path, p.message);
    for (const f of files) this.inputs.push(f.path);
    return files.filter((f) => {
      const result = this.configs.for(f.path);
      if (f.explicit && result.ok && result.config.isIgnored(f.path)) {
        this.notice(f.path, msg.ignoredExplicit());
        return false;
      }
      return true;
    });
  }

  /**
   * The public docs address a report links to: `docsBaseUrl` of the configuration that applies in
   * the working directory (or --config), read without reporting its problems a second time.
   */
  docsBaseUrl(): string | undefined {
    const result = this.configs.for(resolve(this.io.cwd, 'document.md'));
    return result.ok ? result.config.docsBaseUrl : undefined;
  }

  maxFileSize(config: ResolvedConfig): number {
    return this.options.maxFileSize ?? config.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  }

  read(path: string, config: ResolvedConfig): DocumentText | undefined {
    return this.readWithStamp(path, config)?.document;
  }

  /** The document and what the file was when read (for --fix to write only over that). */
  readWithStamp(path: string, config: ResolvedConfig): { document: DocumentText; stamp: ReadStamp } | undefined {
    const result = readDocument(path, this.maxFileSize(config));
    if (result.ok) return { document: result.document, stamp: { size: result.bytes.length, mtimeMs: result.mtimeMs, bytes: result.bytes } };
    this.fail(path, result.message);
    return undefined;
  }

  /**
   * The report, to --output or standard output. Never over a document of the run (issue 16: `-o`
   * onto a checked document replaced it by the report); through a symbolic link to its target and
   * into a device or FIFO rather than renaming a regular file over them; an existing file keeps its
   * owner, mode and hard links; a new one is written atomically.
   */
  emit(rendered: string, output: string | undefined): void {
    if (output === undefined) {
      if (rendered) this.io.stdout(rendered);
      return;
    }
    const target = resolve(this.io.cwd, output);
    if (this.isInput(target)) {
      this.fail(target, msg.outputIsInput());
      return;
    }
    const bytes = Buffer.from(rendered, 'utf8');
    try {
      if (!existsNoFollow(target)) writeFileAtomically(target, bytes);
      else if (!existsSync(target)) writeFileSync(target, bytes); // a dangling link: create its target
      else replaceFileContent(target, bytes);
    } catch (error) {
      this.fail(target, msg.writeFailed((error as NodeJS.ErrnoException).code ?? String(error)));
    }
  }

  /** Whether `path` is (through links, or as another hard link) one of the documents collected. */
  private isInput(path: string): boolean {
    const target = statOrUndefined(path);
    if (!target || this.inputs.length === 0) return false;
    return this.inputs.some((p) => {
      const input = statOrUndefined(p);
      return input !== undefined && input.ino === target.ino && input.dev === target.dev;
    });
  }

  readStdin(name: string, config: ResolvedConfig): DocumentText | undefined {
    const result = readStdin(this.maxFileSize(config), isWordPath(name));
    if (result.ok) return result.document;
    this.fail(name, result.message);
    return undefined;
  }
}

function statOrUndefined(path: string) {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

function existsNoFollow(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}
