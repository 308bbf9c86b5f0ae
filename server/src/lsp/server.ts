// The LSP adapter: documents, settings and the core's findings wired to protocol handlers. Each
// handler is guarded: an exception is logged and that request answers empty; the server stays up.

import { readFileSync } from 'node:fs';
import { getHeapSpaceStatistics, writeHeapSnapshot } from 'node:v8';
import { isAbsolute, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  CodeLensRefreshRequest,
  DiagnosticSeverity,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  DocumentDiagnosticReportKind,
  FileChangeType,
  LSPErrorCodes,
  ResponseError,
  TextDocuments,
  TextDocumentSyncKind,
  type CancellationToken,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { collectGarbage, IDLE_DELAYS, IdleCollector } from '../heap.js';
import { ConfigCache, CONFIG_FILE_NAME, type ConfigProblem } from '../config/index.js';
import { defaultConfig, type CoreConfig } from '../core/config.js';
import type { PolicyDocument } from '../core/document/model.js';
import type { Analysis } from '../core/engine.js';
import { ruleById } from '../core/rules/index.js';
import { packageVersion } from './convert.js';
import { LineIndex } from '../core/text.js';
import { applyInlineSuppressions } from '../core/suppress.js';
import { linkReport, reportsOnAnother, type ExplicitLink, type WorkspaceDocument } from '../core/workspace/index.js';
import { t } from './messages.js';
import { Analyses, describe, type AnalysisContext, type AnalysisResult, type WorkspaceUse } from './analyses.js';
import { codeActions, FIX_ALL_KIND } from './features/codeActions.js';
import { codeLenses } from './features/codeLens.js';
import { completions } from './features/completion.js';
import { dashboard, fileUri } from './features/dashboard.js';
import { hover } from './features/hover.js';
import { documentSymbols, foldingRanges } from './features/outline.js';
import { targetInfo } from './features/targets.js';
import { checkWorkspace } from './features/workspace.js';
import { matchesAny } from './glob.js';
import {
  AnalyzedNotification,
  CheckWorkspaceRequest,
  DashboardRequest,
  IndexChangedNotification,
  TargetsRequest,
  type VanbanInitializationOptions,
} from './protocol.js';
import { coreConfigFor, defaultSettings, readSettings, resolveLocale, type VanbanSettings } from './settings.js';
import { OPEN_DOCUMENTS } from './documents.js';
import { WorkspaceIndex, type IndexChange } from './workspaceIndex.js';
import { pathOfWordUri, readWordFile, WORD_SCHEME, wordUri } from './word.js';
import { isWordPath } from '../io/document.js';

/** Files the server watches: its configuration and the documents the workspace index holds. */
const WATCHED_GLOBS = [`**/${CONFIG_FILE_NAME}`, '**/*.md', '**/*.markdown', '**/*.txt', '**/*.docx'];

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(OPEN_DOCUMENTS);
  let clientLocale: string | undefined;
  let pullDiagnostics = false;
  let configurationRequests = false;
  let diagnosticsRefresh = false;
  let codeLensRefresh = false;
  let analysisEvents = false;
  let indexEvents = false;
  let watchedFilesRegistration = false;
  let configurationRegistration = false;
  let globalSettings: VanbanSettings = defaultSettings();
  let folders: string[] = [];
  const settingsCache = new Map<string, Promise<VanbanSettings>>();
  let configs = new ConfigCache();
  /** Configuration files currently shown with problems (URI → problems), cleared once they parse. */
  const brokenConfigs = new Map<string, ConfigProblem[]>();

  const log = (message: string) => connection.console.error(message);
  /** Open documents by workspace id (a file's path; the URI of an unsaved document) → their URI. */
  const openIds = new Map<string, string>();

  async function settingsFor(uri: string): Promise<VanbanSettings> {
    if (!configurationRequests) return globalSettings;
    let pending = settingsCache.get(uri);
    if (!pending) {
      pending = connection.workspace
        .getConfiguration({ scopeUri: uri, section: 'vanban' })
        .then((raw) => readSettings(raw, globalSettings))
        .catch((error) => {
          log(`workspace/configuration failed: ${describe(error)}`);
          return globalSettings;
        });
      settingsCache.set(uri, pending);
    }
    return pending;
  }

  function workspacePath(uri: string): string {
    if (!uri.startsWith('file:')) return uri.replace(/^[a-z-]+:\/*/i, '');
    const path = fileURLToPath(uri);
    for (const folder of folders) {
      if (!folder.startsWith('file:')) continue;
      const rel = relative(fileURLToPath(folder), path);
      if (!rel.startsWith('..')) return rel;
    }
    return path;
  }

  async function contextFor(uri: string): Promise<AnalysisContext> {
    const settings = await settingsFor(uri);
    const locale = resolveLocale(settings.locale, clientLocale);
    let fromFile;
    let ignored = false;
    let includedByFile = false;
    // A Word document shown as text (vanban-docx:) takes the configuration of its .docx file.
    const filePath = uri.startsWith('file:') ? fileURLToPath(uri) : pathOfWordUri(uri);
    if (filePath !== undefined) {
      const path = filePath;
      const loaded = configs.for(path);
      if (loaded.ok) {
        fromFile = loaded.config.core;
        ignored = loaded.config.isIgnored(path);
        includedByFile = loaded.config.isIncluded(path);
        if (loaded.config.file) showConfigProblems(loaded.config.file, [], locale);
      } else showConfigProblems(loaded.file, loaded.problems, locale);
    }
    const included = includedByFile || (settings.include.length > 0 && matchesAny(workspacePath(uri), settings.include));
    const config = coreConfigFor(settings, fromFile);
    return {
      settings,
      config: included ? { ...config, checkUnrecognised: true } : config,
      locale,
      included,
      ignored,
    };
  }

  /** A broken configuration file is shown as diagnostics on that file; the documents fall back to
   *  the defaults (and the editor's settings) meanwhile. */
  function showConfigProblems(file: string, problems: ConfigProblem[], locale: 'vi' | 'en'): void {
    const uri = pathToFileURL(file).href;
    const shown = brokenConfigs.get(uri);
    if (problems.length === 0 && !shown) return;
    if (shown && sameProblems(shown, problems)) return;
    if (problems.length === 0) brokenConfigs.delete(uri);
    else brokenConfigs.set(uri, problems);
    void connection.sendDiagnostics({
      uri,
      diagnostics: problems.map((p) => ({
        range: p.range,
        severity: DiagnosticSeverity.Error,
        source: 'vanban',
        code: 'config',
        message: p.key ? `${p.key}: ${t(p.message, locale)}` : t(p.message, locale),
      })),
    });
  }

  function filterFindings(text: string, analysis: Analysis): Analysis {
    const { findings, problems } = applyInlineSuppressions(text, analysis.findings, (id) => ruleById(id) !== undefined);
    const all = problems.length > 0 ? [...findings, ...problems].sort((a, b) => a.span.start - b.span.start) : findings;
    return { ...analysis, findings: all };
  }

  /** Places related locations in another document (a path or URI the engine was given): the open
   *  document's text when it is open, else the file on disk. */
  function resolveDocument(documentId: string): { uri: string; lines: LineIndex } | undefined {
    const uri = uriOfId(documentId);
    const open = documents.get(uri);
    if (open) return { uri, lines: new LineIndex(open.getText()) };
    const wordPath = pathOfWordUri(uri);
    if (wordPath !== undefined) {
      const word = readWordFile(wordPath);
      return word.ok ? { uri, lines: new LineIndex(word.text) } : undefined;
    }
    if (!uri.startsWith('file:')) return undefined;
    try {
      return { uri, lines: new LineIndex(readFileSync(fileURLToPath(uri), 'utf8')) };
    } catch {
      return undefined;
    }
  }

  /** A document's id in the workspace context: the file's path (as the CLI names documents), so
   *  that the configuration's links (paths) and the index agree; the URI of an unsaved document. */
  function idOf(uri: string): string {
    const wordPath = pathOfWordUri(uri);
    if (wordPath !== undefined) return wordPath;
    if (!uri.startsWith('file:')) return uri;
    try {
      return fileURLToPath(uri);
    } catch {
      return uri;
    }
  }

  /** The URI of a document id: the one the client opened it with, else the file's URI. */
  function uriOfId(id: string): string {
    // A Word document is shown (and its related locations opened) as its converted text.
    return openIds.get(id) ?? (isAbsolute(id) && isWordPath(id) ? wordUri(id) : fileUri(id));
  }

  // Once nothing has been analysed for a while, two collections give back the memory the last burst
  // of analyses left committed (server/src/heap.ts).
  const idle = new IdleCollector(IDLE_DELAYS, (kind) => {
    const before = process.memoryUsage();
    const started = performance.now();
    collectGarbage(kind);
    if (globalSettings.trace !== 'verbose') return;
    const after = process.memoryUsage();
    const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);
    connection.console.log(
      `idle collection (${kind}) in ${(performance.now() - started).toFixed(0)} ms: heap ${mb(before.heapTotal)} → ${mb(after.heapTotal)} MB, RSS ${mb(before.rss)} → ${mb(after.rss)} MB`,
    );
  });

  const index = new WorkspaceIndex({
    configFor: (path) => configs.for(path),
    createProgress: () => connection.window.createWorkDoneProgress(),
    locale: () => resolveLocale(globalSettings.locale, clientLocale),
    log,
    openModel: (id, version) => analyses.model(uriOfId(id), version),
    onChange(status, change) {
      idle.activity();
      recheckReports(change);
      if (indexEvents) void connection.sendNotification(IndexChangedNotification, status);
    },
  });

  /**
   * What a report is checked against: the resolution the core links it to among the indexed and
   * open documents (and the configuration's links), or the candidates when the link is ambiguous.
   * The rule links again among the documents it is given; handing it only these gives the same
   * outcome (each linking step only narrows a set that still holds them) and keeps the cost of a
   * keystroke in a report independent of the size of the workspace. The key names the outcome and
   * the version of each document used, so that a change to any of them can be noticed.
   */
  function workspaceFor(uri: string, document: PolicyDocument, config: CoreConfig): WorkspaceUse | undefined {
    if (!reportsOnAnother(document)) return undefined;
    try {
      return linkedWorkspace(uri, document, config);
    } catch (error) {
      // A bug in linking must not cost the report its other findings: it is checked alone.
      log(`linking ${uri} failed: ${describe(error)}`);
      return undefined;
    }
  }

  function linkedWorkspace(uri: string, document: PolicyDocument, config: CoreConfig): WorkspaceUse {
    const id = idOf(uri);
    const links = explicitLinks(id);
    let candidates: readonly WorkspaceDocument[] = index.documents();
    for (const link of links) {
      if (link.report !== id || candidates.some((d) => d.id === link.resolution)) continue;
      const extra = index.extra(link.resolution);
      if (extra) candidates = [...candidates, extra];
    }
    const self: WorkspaceDocument = { id, document };
    const outcome = linkReport(self, candidates, links, { pillars: config.pillars });
    const ids = outcome.status === 'linked' ? [outcome.resolution] : outcome.status === 'ambiguous' ? outcome.candidates : [];
    // What the rule reads of the documents used: their models (an open report is a link summary).
    const used = ids.flatMap((i) => candidates.filter((d) => d.id === i).flatMap((d) => index.full(d) ?? []));
    const key = [outcome.status, ...used.map((d) => `${d.id}@${index.stamp(d.id) ?? 0}`)].join('|');
    return { context: { id, documents: [self, ...used], links }, key, depends: used.map((d) => d.id) };
  }

  /** The index's links and those of the configuration that applies to the document itself. */
  function explicitLinks(id: string): ExplicitLink[] {
    const links = index.links();
    if (!isAbsolute(id)) return links;
    const loaded = configs.for(id);
    if (!loaded.ok) return links;
    const seen = new Set(links.map((l) => `${l.report}\0${l.resolution}`));
    return [...links, ...loaded.config.links.filter((l) => !seen.has(`${l.report}\0${l.resolution}`))];
  }

  /** The index changed: re-check the open reports whose resolution (or link) is not what they were
   *  checked against, and have the client pull again (push clients get the new diagnostics published). */
  function recheckReports(change: IndexChange): void {
    let invalidated = false;
    for (const result of analyses.latest()) {
      if (result.workspace === undefined) continue;
      // Only a linkable document can move a link; otherwise only the documents used matter.
      if (!change.links && !result.workspace.depends.some((id) => change.ids.has(id))) continue;
      const document = documents.get(result.uri);
      // A newer version is being analysed anyway, against the index as it is then.
      if (!document || document.version !== result.version) continue;
      // A result that dropped its model is linked with what the index keeps of it (its link
      // view), not parsed again: a resolution's edit re-links every open report.
      const model = result.slim ? index.openDocument(idOf(result.uri), result.version) : result.analysis.document;
      if (model && workspaceFor(result.uri, model, result.config)?.key === result.workspace.key) continue;
      analyses.invalidate(result.uri);
      invalidated = true;
    }
    if (invalidated && pullDiagnostics && diagnosticsRefresh) void connection.languages.diagnostics.refresh();
  }

  const analyses = new Analyses(
    {
      getDocument: (uri) => documents.get(uri),
      contextFor,
      filterFindings,
      resolveDocument,
      workspaceFor,
      // A document the index keeps whole (a resolution: its text with it) would only gain a copy.
      dormant: (uri, dormant) => documents.get(uri)?.setDormant(dormant && !index.keepsText(idOf(uri))),
      onAnalyzed(result, count) {
        idle.activity();
        // The open document's text is what the other documents are checked against.
        try {
          index.setOpen(idOf(result.uri), result.version, result.checked ? result.analysis.document : undefined, result.config);
        } catch (error) {
          log(`workspace index update failed: ${describe(error)}`);
        }
        if (result.settings.trace === 'verbose') {
          connection.console.log(`analysed ${result.uri} v${result.version} in ${result.durationMs.toFixed(1)} ms`);
        }
        if (!pullDiagnostics) {
          void connection.sendDiagnostics({ uri: result.uri, version: result.version, diagnostics: result.diagnostics });
        }
        if (analysisEvents) {
          void connection.sendNotification(AnalyzedNotification, {
            uri: result.uri,
            version: result.version,
            count,
            durationMs: result.durationMs,
            findings: result.diagnostics.length,
          });
        }
      },
      log,
    },
    globalSettings.debounce,
  );

  /** Wraps a handler: exceptions are logged and answered with `fallback`; cancellation is an error reply. */
  function guard<P, R>(name: string, fallback: R, handler: (params: P, token: CancellationToken) => R | Promise<R>) {
    // `any`: the error data type differs per request (diagnostics carry a retrigger flag).
    return async (params: P, token: CancellationToken): Promise<R | ResponseError<any>> => {
      try {
        const value = await handler(params, token);
        if (token.isCancellationRequested) return cancelled(name);
        return value;
      } catch (error) {
        if (token.isCancellationRequested) return cancelled(name);
        log(`${name} failed: ${describe(error)}`);
        return fallback;
      }
    };
  }

  /** The settled analysis of a checked document, or undefined (not open, not a policy document, cancelled). */
  async function checked(uri: string, token: CancellationToken): Promise<AnalysisResult | undefined> {
    const result = await analyses.settled(uri, token);
    return result?.checked ? result : undefined;
  }

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    clientLocale = params.locale;
    const caps = params.capabilities;
    pullDiagnostics = caps.textDocument?.diagnostic !== undefined;
    configurationRequests = caps.workspace?.configuration === true;
    diagnosticsRefresh = caps.workspace?.diagnostics?.refreshSupport === true;
    codeLensRefresh = caps.workspace?.codeLens?.refreshSupport === true;
    watchedFilesRegistration = caps.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    configurationRegistration = caps.workspace?.didChangeConfiguration?.dynamicRegistration === true;
    const options = (params.initializationOptions ?? {}) as VanbanInitializationOptions;
    analysisEvents = options.analysisEvents === true;
    indexEvents = options.indexEvents === true;
    globalSettings = readSettings(options.settings, defaultSettings());
    analyses.setDebounce(globalSettings.debounce);
    folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        ...(pullDiagnostics ? { diagnosticProvider: { identifier: 'vanban', interFileDependencies: false, workspaceDiagnostics: false } } : {}),
        codeActionProvider: { codeActionKinds: ['quickfix', FIX_ALL_KIND] },
        hoverProvider: true,
        documentSymbolProvider: { label: 'Vanban' },
        foldingRangeProvider: true,
        completionProvider: { resolveProvider: false },
        codeLensProvider: { resolveProvider: false },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'vanban-ls', version: packageVersion() },
    };
  });

  connection.onInitialized(() => {
    if (watchedFilesRegistration) {
      void connection.client
        .register(DidChangeWatchedFilesNotification.type, { watchers: WATCHED_GLOBS.map((globPattern) => ({ globPattern })) })
        .catch(() => undefined);
    }
    if (configurationRequests) {
      if (configurationRegistration) {
        void connection.client.register(DidChangeConfigurationNotification.type, { section: 'vanban' }).catch(() => undefined);
      }
      // The debounce is one value for the server: take it from the unscoped settings.
      void connection.workspace
        .getConfiguration({ section: 'vanban' })
        .then((raw) => {
          globalSettings = readSettings(raw, globalSettings);
          analyses.setDebounce(globalSettings.debounce);
          index.setMaxFiles(globalSettings.indexMaxFiles);
        })
        .catch(() => undefined);
    }
    index.setMaxFiles(globalSettings.indexMaxFiles);
    index.setFolders(folderPaths());
    connection.workspace.onDidChangeWorkspaceFolders((event) => {
      try {
        const removed = new Set(event.removed.map((f) => f.uri));
        folders = [...folders.filter((f) => !removed.has(f)), ...event.added.map((f) => f.uri)];
        index.setFolders(folderPaths());
      } catch (error) {
        log(`workspace folders change failed: ${describe(error)}`);
      }
    });
  });

  function folderPaths(): string[] {
    return folders.filter((f) => f.startsWith('file:')).map((f) => fileURLToPath(f));
  }

  /** Settings or a configuration file changed: re-analyse everything and have the client re-pull.
   *  A configuration file's change may also change what the index holds (ignore, pillars, links). */
  function reconfigure(configFileChanged: boolean): void {
    settingsCache.clear();
    configs = new ConfigCache();
    if (configFileChanged) index.reindex();
    index.setMaxFiles(globalSettings.indexMaxFiles);
    analyses.invalidateAll();
    if (pullDiagnostics && diagnosticsRefresh) void connection.languages.diagnostics.refresh();
    if (codeLensRefresh) void connection.sendRequest(CodeLensRefreshRequest.type);
  }

  connection.onDidChangeConfiguration(async (params) => {
    try {
      const raw = (params.settings as { vanban?: unknown } | null)?.vanban;
      if (!configurationRequests) globalSettings = readSettings(raw, globalSettings);
      else {
        globalSettings = readSettings(await connection.workspace.getConfiguration({ section: 'vanban' }), defaultSettings());
      }
      analyses.setDebounce(globalSettings.debounce);
      reconfigure(false);
    } catch (error) {
      log(`configuration change failed: ${describe(error)}`);
    }
  });

  connection.onDidChangeWatchedFiles((params) => {
    try {
      const isConfig = (uri: string) => uri.endsWith(`/${CONFIG_FILE_NAME}`);
      if (params.changes.some((c) => isConfig(c.uri))) reconfigure(true);
      index.filesChanged(
        params.changes
          .filter((c) => !isConfig(c.uri) && c.uri.startsWith('file:'))
          .map((c) => ({ path: fileURLToPath(c.uri), deleted: c.type === FileChangeType.Deleted })),
      );
    } catch (error) {
      log(`watched files change failed: ${describe(error)}`);
    }
  });

  const justOpened = new Set<string>();
  documents.onDidOpen((event) => {
    openIds.set(idOf(event.document.uri), event.document.uri);
    justOpened.add(event.document.uri);
    analyses.schedule(event.document.uri, 0);
  });
  documents.onDidChangeContent((event) => {
    // didOpen also reports a content change; the open is already scheduled without delay.
    if (justOpened.delete(event.document.uri)) return;
    analyses.schedule(event.document.uri);
  });
  documents.onDidClose((event) => {
    justOpened.delete(event.document.uri);
    analyses.close(event.document.uri);
    const id = idOf(event.document.uri);
    if (openIds.get(id) === event.document.uri) openIds.delete(id);
    index.close(id);
    settingsCache.delete(event.document.uri);
    if (!pullDiagnostics) void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
  });

  connection.languages.diagnostics.on(
    guard('diagnostics', { kind: DocumentDiagnosticReportKind.Full, items: [] }, async (params, token) => {
      const result = await analyses.settled(params.textDocument.uri, token, false);
      if (!result) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
      const resultId = `${result.version}.${result.generation}.${result.stamp}`;
      if (params.previousResultId === resultId) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId };
      return { kind: DocumentDiagnosticReportKind.Full, resultId, items: result.diagnostics };
    }),
  );

  connection.onCodeAction(
    guard('codeAction', [], async (params, token) => {
      const document = documents.get(params.textDocument.uri);
      if (!document) return [];
      const result = await checked(params.textDocument.uri, token);
      const locale = result?.locale ?? (await contextFor(params.textDocument.uri)).locale;
      return codeActions(params, document, result?.version === document.version ? result : undefined, locale);
    }),
  );

  connection.onHover(
    guard('hover', null, async (params, token) => {
      const result = await checked(params.textDocument.uri, token);
      return result ? hover(result.analysis, params.position, result.locale) : null;
    }),
  );

  connection.onDocumentSymbol(
    guard('documentSymbol', [], async (params, token) => {
      const result = await checked(params.textDocument.uri, token);
      return result ? documentSymbols(result.analysis.document, result.locale) : [];
    }),
  );

  connection.onFoldingRanges(
    guard('foldingRange', [], async (params, token) => {
      const result = await checked(params.textDocument.uri, token);
      return result ? foldingRanges(result.analysis.document) : [];
    }),
  );

  connection.onCompletion(
    guard('completion', [], async (params, token) => {
      const result = await checked(params.textDocument.uri, token);
      return result ? completions(result.analysis.document, result.config, params.position, result.locale) : [];
    }),
  );

  connection.onCodeLens(
    guard('codeLens', [], async (params, token) => {
      const result = await checked(params.textDocument.uri, token);
      return result ? codeLenses(result.analysis.document, params.textDocument.uri, result.locale) : [];
    }),
  );

  connection.onRequest(
    TargetsRequest,
    guard('vanban/targets', null, async (params, token) => {
      const result = await analyses.settled(params.uri, token);
      if (!result) return null;
      const document = result.analysis.document;
      return {
        uri: params.uri,
        version: result.version,
        kind: document.kind,
        targets: result.checked ? document.targets.map((target) => targetInfo(document, target)) : [],
      };
    }),
  );

  connection.onRequest(
    CheckWorkspaceRequest,
    guard('vanban/checkWorkspace', { files: [], skipped: 0, errors: [] }, (params, token) =>
      checkWorkspace({
        folders: params.folders ?? folders,
        openDocument: (uri) => documents.get(uri),
        contextFor,
        filterFindings,
        resolveDocument,
        workspaceFor,
        token,
      }),
    ),
  );

  // The text of a Word document, for the client's read-only `vanban-docx:` documents.
  connection.onRequest(
    'vanban/wordText',
    guard('vanban/wordText', { text: '' } as { text: string } | { error: string }, async (params: { uri: string }) => {
      const path = pathOfWordUri(params.uri) ?? (params.uri.startsWith('file:') ? fileURLToPath(params.uri) : undefined);
      const locale = resolveLocale(globalSettings.locale, clientLocale);
      if (path === undefined) return { error: `not a ${WORD_SCHEME}: or file: URI: ${params.uri}` };
      const word = readWordFile(path);
      return word.ok ? { text: word.text } : { error: `${path}: ${t(word.message, locale)}` };
    }),
  );

  connection.onRequest(
    DashboardRequest,
    guard('vanban/dashboard', { html: '', indexing: false, revision: 0, documents: 0, targets: 0 }, async (given) => {
      const params = given ?? {};
      // The page's language and pillars: those of the first workspace folder.
      const folder = folders.find((f) => f.startsWith('file:'));
      const settings = folder ? await settingsFor(folder) : globalSettings;
      const loaded = folder ? configs.for(join(fileURLToPath(folder), 'index.md')) : undefined;
      const config = loaded?.ok ? loaded.config.core : defaultConfig();
      const status = index.status();
      return dashboard({
        documents: index.fullDocuments(),
        links: index.links(),
        config,
        locale: params.locale === 'vi' || params.locale === 'en' ? params.locale : resolveLocale(settings.locale, clientLocale),
        uriOf: uriOfId,
        pathOf: (id) => (isAbsolute(id) ? workspacePath(uriOfId(id)).split('\\').join('/') : id),
        ...(typeof params.linkCommand === 'string' && params.linkCommand ? { linkCommand: params.linkCommand } : {}),
        indexing: status.indexing,
        revision: status.revision,
      });
    }),
  );

  // Measuring hooks for scripts/bench (never registered in normal use): the server's memory, and
  // a heap snapshot written to a given file, so that the benchmark can see what retains memory.
  if (process.env.VANBAN_LSP_PROBE === '1') {
    connection.onRequest('vanban/_memory', (params: { gc?: boolean } | undefined) => {
      // A full collection on request (the live size), through V8's own gc() made reachable here.
      if (params?.gc) collectGarbage();
      const spaces = Object.fromEntries(getHeapSpaceStatistics().map((h) => [h.space_name, { size: h.space_size, used: h.space_used_size }]));
      const packed = documents.all().flatMap((d) => (d.isPacked ? [d.uri] : []));
      return { ...process.memoryUsage(), analyses: analyses.totalCount(), spaces, packed };
    });
    connection.onRequest('vanban/_heapSnapshot', (params: { file: string }) => writeHeapSnapshot(params.file));
  }

  documents.listen(connection);
  connection.listen();
}

function cancelled(name: string): ResponseError<void> {
  return new ResponseError(LSPErrorCodes.RequestCancelled, `${name}: request cancelled`);
}

function sameProblems(a: ConfigProblem[], b: ConfigProblem[]): boolean {
  return a.length === b.length && a.every((p, i) => JSON.stringify(p) === JSON.stringify(b[i]));
}
