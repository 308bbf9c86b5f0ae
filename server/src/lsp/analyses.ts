// One analysis per settled document version: edits are debounced, an analysis whose version has
// been overtaken before it starts is dropped, and requests wait for the analysis of the version
// that is current when it lands. Results are cached per (version, settings generation, stamp): the
// stamp of a document moves when something it was checked against changed (a report's resolution).

import type { CancellationToken, Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { checkDocument, isPolicyDocument, type Analysis } from '../core/engine.js';
import type { CoreConfig } from '../core/config.js';
import type { PolicyDocument } from '../core/document/model.js';
import { parseDocument } from '../core/document/parse.js';
import type { WorkspaceContext } from '../core/workspace/types.js';
import type { Finding, Locale } from '../core/types.js';
import { toDiagnostic, unreadableDiagnostic, type ResolveDocument } from './convert.js';
import { pack, unpack } from './pack.js';
import type { VanbanSettings } from './settings.js';

/** What the analysis of a document needs from the settings of its scope. */
export interface AnalysisContext {
  settings: VanbanSettings;
  config: CoreConfig;
  locale: Locale;
  /** The document is a policy document by configuration (its path matches `vanban.include`). */
  included: boolean;
  /** The configuration file's `ignore` excludes the document. */
  ignored: boolean;
}

export interface AnalysisResult {
  uri: string;
  version: number;
  generation: number;
  analysis: Analysis;
  /** False when the document is not checked (not a policy document, disabled, other language). */
  checked: boolean;
  locale: Locale;
  settings: VanbanSettings;
  config: CoreConfig;
  diagnostics: Diagnostic[];
  durationMs: number;
  /** Invalidations of this document (see `Analyses.invalidate`) when it was analysed. */
  stamp: number;
  /** What the check used of the other documents (see `AnalysesOptions.workspaceFor`). */
  workspace?: { key: string; depends: readonly string[] };
  /** The model was dropped to bound memory (`analysis.document` must not be read; see
   *  `Analyses.settled`, which parses it again from the same text). */
  slim?: boolean;
}

/**
 * How many documents keep their model between requests. The others keep their findings and
 * diagnostics only, packed (see `slim`), and get their model back — parsed again from the same
 * text, so identical — when a feature (hover, symbols, code actions) asks for it. A model of an
 * 80 kB report is ~1.6 MB after a collection (its plain lines, 1 MB, and the rule caches keyed by
 * it, 0.5 MB); a dormant document costs ~50 kB (its packed text, findings and diagnostics, and what
 * the workspace index keeps of it). A dropped model costs a parse when a feature asks for it (about
 * 20 ms for seed 004): three cover the documents a user moves between; with 200 documents open,
 * 3 instead of 8 kept the live heap at 72 MB instead of 81 MB (before packing: now 22 MB).
 */
export const FULL_MODELS = 3;

/** Stands in for the model a result dropped: reading it is a bug (ask `Analyses.settled` for it),
 *  and fails loudly rather than answering from nothing. */
const DROPPED_MODEL: PolicyDocument = new Proxy({} as PolicyDocument, {
  get(_target, key) {
    throw new Error(`the model of this analysis was dropped to bound memory (read ${String(key)}); Analyses.settled parses it again`);
  },
});

/**
 * A result without its model, its findings and diagnostics packed as JSON (pack.ts) and unpacked (a
 * new copy) on each read. Packed, they take a tenth of their size on the heap, and they no longer
 * hold the strings cut from the text (a message quoting a title can be a slice of the whole text),
 * so that the text itself can go (server/src/lsp/documents.ts).
 */
function slim(result: AnalysisResult): AnalysisResult {
  const json = JSON.stringify({ findings: result.analysis.findings, diagnostics: result.diagnostics });
  // JSON escapes lone surrogates, so it always packs.
  const packed = pack(json);
  const unpacked = (): { findings: Finding[]; diagnostics: Diagnostic[] } => JSON.parse(unpack(packed));
  const analysis: Analysis = {
    document: DROPPED_MODEL,
    failures: result.analysis.failures,
    get findings() {
      return unpacked().findings;
    },
  };
  return {
    ...result,
    analysis,
    get diagnostics() {
      return unpacked().diagnostics;
    },
    slim: true,
  };
}

/** The other documents a document is checked against, and a key that changes when they do. */
export interface WorkspaceUse {
  context: WorkspaceContext;
  key: string;
  /** Ids of the other documents used. */
  depends: readonly string[];
}

export interface AnalysesOptions {
  getDocument(uri: string): TextDocument | undefined;
  contextFor(uri: string): Promise<AnalysisContext>;
  /** Called once per analysis that lands (push diagnostics, test events). */
  onAnalyzed(result: AnalysisResult, count: number): void;
  /** Removes findings the document suppresses inline (server/src/core/suppress.ts). */
  filterFindings?(text: string, analysis: Analysis): Analysis;
  resolveDocument?: ResolveDocument;
  /** The workspace context of a document that will be checked (undefined: checked alone). */
  workspaceFor?(uri: string, document: PolicyDocument, config: CoreConfig): WorkspaceUse | undefined;
  log(message: string): void;
  /** A document's model was dropped (true) or is kept again (false): its text may be packed. */
  dormant?(uri: string, dormant: boolean): void;
}

/** Language ids the server checks: Markdown and plain text (`text` is Neovim's name for it). */
export const CHECKED_LANGUAGES = new Set(['markdown', 'plaintext', 'text']);

interface Entry {
  timer?: NodeJS.Timeout;
  result?: AnalysisResult;
  waiters: Array<(result: AnalysisResult | undefined) => void>;
  count: number;
  stamp: number;
}

export class Analyses {
  private readonly entries = new Map<string, Entry>();
  /** Documents whose full model is kept, least recently used first. */
  private readonly recent: string[] = [];
  private generation = 0;
  private total = 0;
  private debounceMs: number;

  constructor(
    private readonly options: AnalysesOptions,
    debounceMs: number,
  ) {
    this.debounceMs = debounceMs;
  }

  setDebounce(ms: number): void {
    this.debounceMs = ms;
  }

  /** A document was opened or changed: analyse it once the edits settle. */
  schedule(uri: string, delay = this.debounceMs): void {
    const entry = this.entry(uri);
    if (entry.timer) clearTimeout(entry.timer);
    entry.timer = setTimeout(() => {
      entry.timer = undefined;
      void this.run(uri).catch((error) => {
        // Whoever waits gets an empty answer rather than waiting for ever; the next edit retries.
        this.options.log(`analysis of ${uri} failed: ${describe(error)}`);
        for (const resolve of entry.waiters.splice(0)) resolve(undefined);
      });
    }, delay);
  }

  /** Settings changed: every cached result is stale; re-analyse the open documents now. */
  invalidateAll(): void {
    this.generation++;
    for (const uri of this.entries.keys()) this.schedule(uri, 0);
  }

  /** What the document was checked against changed: re-analyse it now (same version). */
  invalidate(uri: string): void {
    const entry = this.entries.get(uri);
    if (!entry) return;
    entry.stamp++;
    this.schedule(uri, 0);
  }

  /** The latest result of every open document (possibly for an older version; possibly `slim`,
   *  without its model). */
  latest(): AnalysisResult[] {
    return [...this.entries.values()].flatMap((e) => (e.result ? [e.result] : []));
  }

  close(uri: string): void {
    const entry = this.entries.get(uri);
    const at = this.recent.indexOf(uri);
    if (at >= 0) this.recent.splice(at, 1);
    if (!entry) return;
    if (entry.timer) clearTimeout(entry.timer);
    this.entries.delete(uri);
    for (const resolve of entry.waiters.splice(0)) resolve(undefined);
  }

  /** The cached result when it is for the document's current version, without waiting. */
  current(uri: string): AnalysisResult | undefined {
    const document = this.options.getDocument(uri);
    const result = this.entries.get(uri)?.result;
    if (!document || !result) return undefined;
    const stamp = this.entries.get(uri)!.stamp;
    return result.version === document.version && result.generation === this.generation && result.stamp === stamp ? result : undefined;
  }

  /** The result for the current version, waiting for the pending analysis if needed. Resolves
   *  undefined when the document is closed or the request is cancelled. With `model` (the
   *  default) the result carries the full model, parsed again if it had been slimmed; diagnostics
   *  need only the findings and pass false. */
  settled(uri: string, token?: CancellationToken, model = true): Promise<AnalysisResult | undefined> {
    if (model) return this.settledWith(uri, token).then((r) => (r ? this.withModel(r) : r));
    return this.settledWith(uri, token);
  }

  /** A result that dropped its model, with the model parsed again from the same version's text
   *  (the findings are those of that version: they were kept). */
  private withModel(result: AnalysisResult): AnalysisResult {
    const entry = this.entries.get(result.uri);
    const document = this.options.getDocument(result.uri);
    if (result.slim && entry?.result === result && document?.version === result.version) {
      const full: AnalysisResult = { ...result, analysis: { ...result.analysis, document: parseOrEmpty(document.getText(), result.config) }, slim: false };
      entry.result = full;
      this.touch(result.uri);
      return full;
    }
    if (!result.slim) this.touch(result.uri);
    return result;
  }

  /** The model of a document's version when it is current: the analysis' own, else parsed again
   *  from the text (not kept: for rare readers such as the register). */
  model(uri: string, version: number): PolicyDocument | undefined {
    const result = this.entries.get(uri)?.result;
    const document = this.options.getDocument(uri);
    if (!result || result.version !== version || document?.version !== version) return undefined;
    return result.slim ? parseOrEmpty(document.getText(), result.config) : result.analysis.document;
  }

  /** Marks a document's full model as recently used, slimming the least recently used beyond the bound. */
  private touch(uri: string): void {
    const at = this.recent.indexOf(uri);
    if (at >= 0) this.recent.splice(at, 1);
    this.recent.push(uri);
    this.options.dormant?.(uri, false);
    while (this.recent.length > FULL_MODELS) {
      const oldUri = this.recent.shift()!;
      const old = this.entries.get(oldUri);
      if (old?.result && !old.result.slim) old.result = slim(old.result);
      this.options.dormant?.(oldUri, true);
    }
  }

  private settledWith(uri: string, token?: CancellationToken): Promise<AnalysisResult | undefined> {
    const ready = this.current(uri);
    if (ready) return Promise.resolve(ready);
    if (!this.options.getDocument(uri)) return Promise.resolve(undefined);
    const entry = this.entry(uri);
    // An open document always has an analysis pending; this only covers one opened before the
    // server knew about it (e.g. a request racing the didOpen handler).
    if (!entry.timer) this.schedule(uri, 0);
    return new Promise((resolve) => {
      let done = false;
      const finish = (result: AnalysisResult | undefined) => {
        if (done) return;
        done = true;
        subscription?.dispose();
        resolve(result);
      };
      const subscription = token?.onCancellationRequested(() => {
        const index = entry.waiters.indexOf(finish);
        if (index >= 0) entry.waiters.splice(index, 1);
        finish(undefined);
      });
      if (token?.isCancellationRequested) finish(undefined);
      else entry.waiters.push(finish);
    });
  }

  /** Analyses run since the server started (all documents). */
  totalCount(): number {
    return this.total;
  }

  analysisCount(uri: string): number {
    return this.entries.get(uri)?.count ?? 0;
  }

  private entry(uri: string): Entry {
    let entry = this.entries.get(uri);
    if (!entry) {
      entry = { waiters: [], count: 0, stamp: 0 };
      this.entries.set(uri, entry);
    }
    return entry;
  }

  private async run(uri: string): Promise<void> {
    const before = this.options.getDocument(uri);
    if (!before) return;
    const version = before.version;
    const generation = this.generation;
    const stamp = this.entries.get(uri)?.stamp ?? 0;
    const context = await this.options.contextFor(uri);
    // Let the edits already queued on the connection land first: if one did, its own timer will
    // bring us back for the newer version and this analysis would be wasted.
    await new Promise<void>((resolve) => setImmediate(resolve));
    const document = this.options.getDocument(uri);
    const entry = this.entries.get(uri);
    if (!document || !entry || document.version !== version || this.generation !== generation || entry.stamp !== stamp) return;
    if (entry.result && entry.result.version === version && entry.result.generation === generation && entry.result.stamp === stamp) {
      this.deliver(entry, entry.result);
      return;
    }

    const started = performance.now();
    const text = document.getText();
    let parsed: PolicyDocument;
    let unreadable: Diagnostic | undefined;
    try {
      parsed = parseDocument(text, context.config);
    } catch (error) {
      // A document the core cannot analyse (nested too deep) gets one diagnostic saying why, and
      // an empty model: nothing to hover, outline, link or index.
      unreadable = unreadableDiagnostic(error, version, context.locale);
      parsed = parseDocument('', context.config);
    }
    const languageOk = CHECKED_LANGUAGES.has(document.languageId);
    const checked = !unreadable && context.settings.enable && languageOk && !context.ignored && isPolicyDocument(parsed, context.config);
    const workspace = checked ? this.options.workspaceFor?.(uri, parsed, context.config) : undefined;
    let analysis: Analysis = unreadable ? { document: parsed, findings: [], failures: [] } : checkDocument(parsed, context.config, undefined, workspace?.context);
    if (this.options.filterFindings && !unreadable) analysis = this.options.filterFindings(text, analysis);
    for (const failure of analysis.failures) this.options.log(`rule ${failure.ruleId} failed on ${uri}: ${failure.error}`);
    const shown = unreadable !== undefined && context.settings.enable && languageOk && !context.ignored;
    const diagnostics = checked
      ? analysis.findings.map((f) =>
          toDiagnostic(f, analysis.document.lines, uri, version, context.locale, this.options.resolveDocument),
        )
      : shown
        ? [unreadable!]
        : [];
    const result: AnalysisResult = {
      uri,
      version,
      generation,
      analysis,
      checked,
      locale: context.locale,
      settings: context.settings,
      config: context.config,
      diagnostics,
      durationMs: performance.now() - started,
      stamp,
      ...(workspace ? { workspace: { key: workspace.key, depends: workspace.depends } } : {}),
    };
    entry.result = result;
    this.touch(uri);
    entry.count++;
    this.total++;
    this.options.onAnalyzed(result, entry.count);
    this.deliver(entry, result);
  }

  private deliver(entry: Entry, result: AnalysisResult): void {
    for (const resolve of entry.waiters.splice(0)) resolve(result);
  }
}

/** The model of a text, or the empty model when the core refuses it (its diagnostic says why). */
function parseOrEmpty(text: string, config: CoreConfig): PolicyDocument {
  try {
    return parseDocument(text, config);
  } catch {
    return parseDocument('', config);
  }
}

export function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
