// The workspace index: every policy document under the workspace folders, parsed once and kept
// (by file mtime and size, and the configuration it was parsed with), with the open documents'
// unsaved text on top. It gives the cross-document rule its `workspace` context, so that a report
// open alone is still checked against its resolution on disk, and the dashboard its register.
//
// Bounded and never in the way: the walk runs in the background (yielding between files, with LSP
// work-done progress when the client supports it), stops at `vanban.index.maxFiles` files, skips
// files over the size limit (with a log line) and those the configuration ignores. Whoever asks
// meanwhile gets what is known; `onChange` fires when the index has changed, so that the server
// can re-check the open reports whose resolution changed.

import { readFileSync, statSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { isAbsolute, sep } from 'node:path';
import type { WorkDoneProgressReporter } from 'vscode-languageserver';
import { documentText, isWordPath } from '../io/document.js';
import { describeDocxProblem } from '../docx/messages.js';
import type { ConfigResult } from '../config/index.js';
import { defaultConfig, type CoreConfig } from '../core/config.js';
import type { PlainLine, PolicyDocument } from '../core/document/model.js';
import { analysisFailure } from '../core/document/limits.js';
import { analysableBytes } from '../heap.js';
import { parseDocument } from '../core/document/parse.js';
import { linkSummary, throwingArray } from '../core/workspace/summary.js';
import type { Locale } from '../core/types.js';
import type { ExplicitLink, WorkspaceDocument } from '../core/workspace/types.js';
import { collectDocuments, isDocumentPath } from './files.js';
import { DEFAULT_INDEX_MAX_FILES } from './settings.js';
import { t } from './messages.js';

/** Files larger than this are not indexed unless `.vanbanrc.json` sets `maxFileSize`. */
export const DEFAULT_MAX_FILE_BYTES = 20 * 1024 * 1024;
/** Progress is reported every this many files. */
const REPORT_EVERY = 10;

export interface IndexStatus {
  indexing: boolean;
  /** Increases whenever the index changes. */
  revision: number;
  /** Document files seen on disk (policy documents or not). */
  files: number;
  /** Policy documents known (on disk and open). */
  documents: number;
  /** The last walk stopped at the file limit. */
  truncated: boolean;
}

export interface WorkspaceIndexOptions {
  /** The configuration that applies to a file (the server's cache of `.vanbanrc.json`). */
  configFor(path: string): ConfigResult;
  /** A progress reporter: a real one when the client supports work-done progress. */
  createProgress(): Promise<WorkDoneProgressReporter>;
  locale(): Locale;
  log(message: string): void;
  /** The index changed (coalesced: at most once per turn of the event loop). */
  onChange(status: IndexStatus, change: IndexChange): void;
  /** The model of an open document's version, parsed again from its text if the analysis dropped
   *  it (for the few uses that read more of a report than linking does: the register). */
  openModel?(id: string, version: number): PolicyDocument | undefined;
}

/** What changed since the last `onChange`. */
export interface IndexChange {
  /** Documents whose known text changed, appeared or disappeared. */
  ids: ReadonlySet<string>;
  /** A change may move links: a resolution, plan or decision changed (or a whole walk ended). */
  links: boolean;
}

/** Kinds a report can be linked to (core/workspace/link.ts). */
const LINKABLE = new Set<PolicyDocument['kind']>(['resolution', 'plan', 'decision']);
const linkable = (...documents: (PolicyDocument | undefined)[]) => documents.some((d) => d !== undefined && LINKABLE.has(d.kind));

interface DiskEntry {
  mtimeMs: number;
  size: number;
  configKey: string;
  /** Undefined for a file that is not a policy document (kept so that it is not parsed again). */
  document?: PolicyDocument;
  links: readonly ExplicitLink[];
  stamp: number;
  /** The walk that last saw the file: entries no walk has seen since a newer one started are gone. */
  seen: number;
}

interface OpenEntry {
  version: number;
  configKey: string;
  /** Without plain lines; for a document that is not linkable (a report), its link summary. */
  document: PolicyDocument;
  /** `document` is a link summary (core/workspace/summary.ts `linkSummary`): what linking reads
   *  of a report (a tenth of its model once the analysis has dropped it). */
  view: boolean;
  stamp: number;
}

const text = {
  title: { vi: 'Vanban: lập chỉ mục văn bản', en: 'Vanban: indexing documents' },
  progress: (done: number, total: number) => ({ vi: `${done}/${total} tệp`, en: `${done}/${total} files` }),
};

export class WorkspaceIndex {
  private folders: string[] = [];
  private maxFiles = DEFAULT_INDEX_MAX_FILES;
  private readonly disk = new Map<string, DiskEntry>();
  private readonly open = new Map<string, OpenEntry>();
  private readonly extras = new Map<string, DiskEntry>();
  /** Files already logged as too large (path → size), so that each is logged once. */
  private readonly tooLarge = new Map<string, number>();
  private walk = 0;
  private started = false;
  private indexing = false;
  private truncated = false;
  private revision = 0;
  private stamps = 0;
  private snapshot?: WorkspaceDocument[];
  private changePending = false;
  private pendingIds = new Set<string>();
  private pendingLinks = false;
  /** Watched-file changes are indexed one after the other. */
  private queue: Promise<void> = Promise.resolve();

  constructor(private readonly options: WorkspaceIndexOptions) {}

  /** Folder paths (absolute) to index; starts a new walk (the first one, after initialize). */
  setFolders(folders: readonly string[]): void {
    this.folders = [...new Set(folders)];
    this.started = true;
    this.reindex();
  }

  setMaxFiles(maxFiles: number): void {
    if (maxFiles === this.maxFiles) return;
    this.maxFiles = maxFiles;
    this.reindex();
  }

  /** Walks the folders again (configuration changed, folders changed). Unchanged files are not re-read. */
  reindex(): void {
    if (!this.started) return;
    const walk = ++this.walk;
    void this.runWalk(walk).catch((error) => {
      this.options.log(`workspace index failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      if (walk === this.walk) this.indexing = false;
      this.changed([], true);
    });
  }

  status(): IndexStatus {
    return {
      indexing: this.indexing,
      revision: this.revision,
      files: this.disk.size,
      documents: this.documents().length,
      truncated: this.truncated,
    };
  }

  /** Every policy document known (the open ones with their current text, the others as on disk)
   *  with all that the register reads: an open report's link summary is replaced by its model. */
  fullDocuments(): WorkspaceDocument[] {
    return this.documents().flatMap((d) => {
      const entry = this.open.get(d.id);
      if (!entry?.view || entry.document !== d.document) return [d];
      const model = this.options.openModel?.(d.id, entry.version);
      return model ? [{ id: d.id, document: withoutPlainLines(model) }] : [];
    });
  }

  /** A document as a rule may read it (a report's link summary replaced by its model). */
  full(document: WorkspaceDocument): WorkspaceDocument | undefined {
    const entry = this.open.get(document.id);
    if (!entry?.view || entry.document !== document.document) return document;
    const model = this.options.openModel?.(document.id, entry.version);
    return model ? { id: document.id, document: withoutPlainLines(model) } : undefined;
  }

  /** Every policy document known: the open ones with their current text, the others as on disk.
   *  Open reports are link summaries (`linkSummary`): enough to link to and from them, not for rules
   *  or the register (`full`, `fullDocuments`). */
  documents(): WorkspaceDocument[] {
    if (this.snapshot) return this.snapshot;
    const out: WorkspaceDocument[] = [];
    for (const [id, entry] of this.open) out.push({ id, document: entry.document });
    for (const [id, entry] of this.disk) {
      if (entry.document && !this.open.has(id)) out.push({ id, document: entry.document });
    }
    out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    this.snapshot = out;
    return out;
  }

  /** The explicit links of the configuration files that apply to the indexed documents. */
  links(): ExplicitLink[] {
    const seen = new Set<string>();
    const out: ExplicitLink[] = [];
    for (const entry of this.disk.values()) {
      for (const link of entry.links) {
        const key = `${link.report}\0${link.resolution}`;
        if (seen.has(key)) continue;
        seen.add(key);
        out.push(link);
      }
    }
    return out;
  }

  /** Changes whenever the document's known text changes: part of what a report's check depended on. */
  stamp(id: string): number | undefined {
    return this.open.get(id)?.stamp ?? this.disk.get(id)?.stamp ?? this.extras.get(id)?.stamp;
  }

  /** A document the configuration links to but the walk did not reach (outside the folders, beyond
   *  the limit): read now, once per version on disk. */
  extra(path: string): WorkspaceDocument | undefined {
    const known = this.open.get(path) ?? this.disk.get(path);
    if (known) return known.document ? { id: path, document: known.document } : undefined;
    const config = this.configOf(path);
    let info;
    try {
      info = statSync(path);
    } catch {
      this.extras.delete(path);
      return undefined;
    }
    const cached = this.extras.get(path);
    if (cached && cached.mtimeMs === info.mtimeMs && cached.size === info.size && cached.configKey === config.key) {
      return cached.document ? { id: path, document: cached.document } : undefined;
    }
    if (!info.isFile() || info.size > config.maxFileSize) return undefined;
    // Synchronous on purpose: the one configured resolution an analysis needs now.
    const entry = this.read(path, info, config, () => readFileSync(path));
    if (!entry) return undefined;
    this.extras.set(path, entry);
    return entry.document ? { id: path, document: entry.document } : undefined;
  }

  /** The model kept for an open document's version (without its plain lines). */
  openDocument(id: string, version: number): PolicyDocument | undefined {
    const entry = this.open.get(id);
    return entry?.version === version ? entry.document : undefined;
  }

  /** The index keeps the open document's whole model, its text with it (not a link summary). */
  keepsText(id: string): boolean {
    const entry = this.open.get(id);
    return entry !== undefined && !entry.view;
  }

  /** An open document's current model (undefined: not a policy document, or closed). Kept without
   *  its plain lines: the analysis drops the models of the documents not used lately, and the
   *  index must not keep them whole behind its back (it held every open document's model). */
  setOpen(id: string, version: number, document: PolicyDocument | undefined, config: CoreConfig): void {
    const existing = this.open.get(id);
    if (!document || document.kind === 'unknown') {
      if (existing) {
        this.open.delete(id);
        this.changed([id], linkable(existing.document, this.disk.get(id)?.document));
      }
      return;
    }
    const configKey = keyOfConfig(config);
    // The same text (a link summary keeps none, but an open document's version names its text).
    const sameText = existing && (existing.view ? existing.version === version : existing.document.text === document.text);
    if (existing && sameText && existing.configKey === configKey) {
      existing.version = version;
      return;
    }
    // Opening a file as it is on disk changes nothing the other documents were checked against.
    const disk = this.disk.get(id);
    const same = !existing && disk?.document !== undefined && disk.configKey === configKey && disk.document.text === document.text;
    const view = !LINKABLE.has(document.kind);
    this.open.set(id, {
      version,
      configKey,
      document: view ? linkSummary(document) : withoutPlainLines(document),
      view,
      stamp: same ? disk.stamp : ++this.stamps,
    });
    if (same) this.snapshot = undefined;
    else this.changed([id], linkable(document, existing?.document, disk?.document));
  }

  /** A document was closed: its file on disk counts again (read anew: it may have been saved). */
  close(id: string): void {
    const closed = this.open.get(id);
    if (!closed) return;
    this.open.delete(id);
    const disk = this.disk.get(id);
    if (closed.stamp === disk?.stamp) this.snapshot = undefined;
    else this.changed([id], linkable(closed.document, disk?.document));
    // Saved while open without a watcher telling us: read it again if it changed on disk.
    if (isAbsolute(id)) this.filesChanged([{ path: id, deleted: false }], false);
  }

  /** Files created, changed or deleted on disk (from `workspace/didChangeWatchedFiles`). A reported
   *  change is read again even when its mtime and size look the same (coarse file-system clocks). */
  filesChanged(changes: readonly { path: string; deleted: boolean }[], force = true): void {
    for (const change of changes) {
      if (change.deleted) {
        // A deleted folder arrives as one event: drop what was under it too.
        const removed: string[] = [];
        let links = false;
        for (const [path, entry] of [...this.disk]) {
          if (path !== change.path && !path.startsWith(change.path + sep)) continue;
          this.disk.delete(path);
          removed.push(path);
          links ||= linkable(entry.document);
        }
        this.extras.delete(change.path);
        if (removed.length > 0) this.changed(removed, links);
        continue;
      }
      const root = this.folders.find((f) => change.path.startsWith(f.endsWith(sep) ? f : f + sep));
      if (root === undefined || !isDocumentPath(change.path, root)) continue;
      if (!this.disk.has(change.path) && this.disk.size >= this.maxFiles) continue;
      const walk = this.walk;
      let before: PolicyDocument | undefined;
      this.queue = this.queue
        .then(() => {
          before = this.disk.get(change.path)?.document;
          return this.indexFile(change.path, walk, force);
        })
        .then((changed) => {
          if (changed) this.changed([change.path], linkable(before, this.disk.get(change.path)?.document));
        })
        .catch((error) => this.options.log(`indexing ${change.path} failed: ${String(error)}`));
    }
  }

  private async runWalk(walk: number): Promise<void> {
    const current = () => walk === this.walk;
    this.indexing = true;
    this.changed([], false);
    let progress: WorkDoneProgressReporter | undefined;
    try {
      progress = await this.options.createProgress();
    } catch {
      progress = undefined;
    }
    const locale = this.options.locale();
    if (!current()) {
      progress?.done();
      return;
    }
    progress?.begin(t(text.title, locale), 0, undefined, false);
    try {
      const paths: string[] = [];
      let truncated = false;
      // `vanban.index.maxFiles: 0` turns the index off: only the open documents are known.
      for (const folder of this.maxFiles > 0 ? this.folders : []) {
        if (!current()) return;
        const found = await collectDocuments(folder, { limit: this.maxFiles - paths.length, cancelled: () => !current() });
        for (const p of found.paths) paths.push(p);
        if (found.truncated) {
          truncated = true;
          break;
        }
      }
      if (!current()) return;
      if (truncated) {
        this.options.log(`workspace index: stopped at ${this.maxFiles} files (vanban.index.maxFiles); the others are not indexed`);
      }
      this.truncated = truncated;
      for (let i = 0; i < paths.length; i++) {
        if (!current()) return;
        await this.indexFile(paths[i]!, walk);
        if ((i + 1) % REPORT_EVERY === 0) progress?.report(Math.round(((i + 1) / paths.length) * 100), t(text.progress(i + 1, paths.length), locale));
        // Let requests and edits through between files.
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
      if (!current()) return;
      for (const [path, entry] of this.disk) {
        if (entry.seen !== walk) this.drop(path);
      }
      this.indexing = false;
      this.changed([], true);
    } finally {
      progress?.done();
    }
  }

  /** Indexes one file as it is on disk; true when what is known of it changed. */
  private async indexFile(path: string, walk: number, force = false): Promise<boolean> {
    const config = this.configOf(path);
    if (config.ignored(path)) return this.drop(path);
    let info;
    try {
      info = await stat(path);
    } catch {
      return this.drop(path);
    }
    if (!info.isFile()) return this.drop(path);
    if (info.size > config.maxFileSize) {
      if (this.tooLarge.get(path) !== info.size) {
        this.tooLarge.set(path, info.size);
        this.options.log(`workspace index: skipped ${path}: ${info.size} bytes, over the limit of ${config.maxFileSize} bytes`);
      }
      return this.drop(path);
    }
    const existing = this.disk.get(path);
    if (!force && existing && existing.mtimeMs === info.mtimeMs && existing.size === info.size && existing.configKey === config.key) {
      existing.seen = Math.max(existing.seen, walk);
      return false;
    }
    let bytes: Buffer;
    try {
      bytes = await readFile(path);
    } catch (error) {
      this.options.log(`workspace index: cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
      return this.drop(path);
    }
    const entry = this.read(path, info, config, () => bytes);
    if (!entry) return this.drop(path);
    entry.seen = Math.max(existing?.seen ?? 0, walk);
    // Read again with the same text (a touch, a forced re-read): nothing changed for the others.
    if (existing && existing.configKey === entry.configKey && existing.document?.text === entry.document?.text) {
      Object.assign(existing, { mtimeMs: entry.mtimeMs, size: entry.size, seen: entry.seen, links: entry.links });
      return false;
    }
    this.disk.set(path, entry);
    this.snapshot = undefined;
    return true;
  }

  private drop(path: string): boolean {
    if (!this.disk.delete(path)) return false;
    this.snapshot = undefined;
    return true;
  }

  private read(path: string, info: { mtimeMs: number; size: number }, config: FileConfig, bytes: () => Uint8Array): DiskEntry | undefined {
    let decoded;
    try {
      // The one reading of bytes the CLI has too (io/document.ts): a Word document's Markdown, or text.
      const result = documentText(bytes(), isWordPath(path));
      decoded = result.ok ? result.document : 'word' in result ? { kind: `Word: ${describeDocxProblem(result.word).en}` } : result.failure;
    } catch (error) {
      this.options.log(`workspace index: cannot read ${path}: ${String(error)}`);
      return undefined;
    }
    if (!('text' in decoded)) {
      this.options.log(`workspace index: skipped ${path}: not a text document (${decoded.kind})`);
      return undefined;
    }
    let document: PolicyDocument;
    try {
      document = parseDocument(decoded.text, config.core);
    } catch (error) {
      // One document the core cannot analyse is left out; the rest of the workspace is indexed.
      this.options.log(`workspace index: skipped ${path}: ${analysisFailure(error).en}`);
      return undefined;
    }
    return {
      mtimeMs: info.mtimeMs,
      size: info.size,
      configKey: config.key,
      ...(document.kind !== 'unknown' ? { document: withoutPlainLines(document) } : {}),
      links: config.links,
      stamp: ++this.stamps,
      seen: 0,
    };
  }

  private configOf(path: string): FileConfig {
    let result: ConfigResult;
    try {
      result = this.options.configFor(path);
    } catch {
      result = { ok: false, file: '', problems: [] };
    }
    // A broken configuration file is shown on the file by the server; documents use the defaults.
    if (!result.ok) return { core: defaultConfig(), key: keyOfConfig(defaultConfig()), links: [], maxFileSize: DEFAULT_MAX_FILE_BYTES, ignored: () => false };
    const config = result.config;
    return {
      core: config.core,
      key: keyOfConfig(config.core),
      links: config.links,
      // A raised "maxFileSize" never beyond what the server's memory can analyse (issue 16).
      maxFileSize: Math.min(config.maxFileSize ?? DEFAULT_MAX_FILE_BYTES, analysableBytes()),
      ignored: (p) => config.isIgnored(p),
    };
  }

  private changed(ids: readonly string[], links: boolean): void {
    this.snapshot = undefined;
    this.revision++;
    for (const id of ids) this.pendingIds.add(id);
    this.pendingLinks ||= links;
    if (this.changePending) return;
    this.changePending = true;
    setImmediate(() => {
      this.changePending = false;
      const change: IndexChange = { ids: this.pendingIds, links: this.pendingLinks };
      this.pendingIds = new Set();
      this.pendingLinks = false;
      try {
        this.options.onChange(this.status(), change);
      } catch (error) {
        this.options.log(`workspace index listener failed: ${String(error)}`);
      }
    });
  }
}

interface FileConfig {
  core: CoreConfig;
  /** What parsing depends on (everything but the rule severities). */
  key: string;
  links: readonly ExplicitLink[];
  maxFileSize: number;
  ignored(path: string): boolean;
}

const configKeys = new WeakMap<CoreConfig, string>();

/** Parsing depends on the pillars, synonyms and options, not on rule severities. */
function keyOfConfig(config: CoreConfig): string {
  let key = configKeys.get(config);
  if (key === undefined) {
    const { rules: _rules, ...parsing } = config;
    key = JSON.stringify(parsing);
    configKeys.set(config, key);
  }
  return key;
}

/**
 * A model kept for the other documents: without its plain lines, most of a model's memory, which
 * linking, `resolution-mismatch` (on the linked resolution) and the register do not read. Reading
 * them throws, so that a cross-document rule that starts to need them fails loudly (the engine
 * reports the rule's failure) instead of differing quietly.
 */
function withoutPlainLines(document: PolicyDocument): PolicyDocument {
  return { ...document, plainLines: DROPPED as PlainLine[] };
}

/** Plain lines the index does not keep: any use throws. */
const DROPPED = throwingArray('the workspace index does not keep this part of the documents it holds');
