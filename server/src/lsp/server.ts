// The LSP adapter: documents, settings and the core's findings wired to protocol handlers. Each
// handler is guarded: an exception is logged and that request answers empty; the server stays up.

import { readFileSync } from 'node:fs';
import { isAbsolute, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  CodeLensRefreshRequest,
  DiagnosticSeverity,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  DocumentDiagnosticReportKind,
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
import { ConfigCache, CONFIG_FILE_NAME, type ConfigProblem } from '../config/index.js';
import type { Analysis } from '../core/engine.js';
import { ruleById } from '../core/rules/index.js';
import { LineIndex } from '../core/text.js';
import { applyInlineSuppressions } from '../core/suppress.js';
import { t } from './messages.js';
import { Analyses, describe, type AnalysisContext, type AnalysisResult } from './analyses.js';
import { codeActions, FIX_ALL_KIND } from './features/codeActions.js';
import { codeLenses } from './features/codeLens.js';
import { completions } from './features/completion.js';
import { hover } from './features/hover.js';
import { documentSymbols, foldingRanges } from './features/outline.js';
import { targetInfo } from './features/targets.js';
import { checkWorkspace } from './features/workspace.js';
import { matchesAny } from './glob.js';
import {
  AnalyzedNotification,
  CheckWorkspaceRequest,
  TargetsRequest,
  type VanbanInitializationOptions,
} from './protocol.js';
import { coreConfigFor, defaultSettings, readSettings, resolveLocale, type VanbanSettings } from './settings.js';

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  let clientLocale: string | undefined;
  let pullDiagnostics = false;
  let configurationRequests = false;
  let diagnosticsRefresh = false;
  let codeLensRefresh = false;
  let analysisEvents = false;
  let watchedFilesRegistration = false;
  let configurationRegistration = false;
  let globalSettings: VanbanSettings = defaultSettings();
  let folders: string[] = [];
  const settingsCache = new Map<string, Promise<VanbanSettings>>();
  let configs = new ConfigCache();
  /** Configuration files currently shown with problems (URI → problems), cleared once they parse. */
  const brokenConfigs = new Map<string, ConfigProblem[]>();

  const log = (message: string) => connection.console.error(message);

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
    if (uri.startsWith('file:')) {
      const path = fileURLToPath(uri);
      const loaded = configs.for(path);
      if (loaded.ok) {
        fromFile = loaded.config.core;
        ignored = loaded.config.isIgnored(path);
        if (loaded.config.file) showConfigProblems(loaded.config.file, [], locale);
      } else showConfigProblems(loaded.file, loaded.problems, locale);
    }
    return {
      settings,
      config: coreConfigFor(settings, fromFile),
      locale,
      included: settings.include.length > 0 && matchesAny(workspacePath(uri), settings.include),
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
    const uri = isAbsolute(documentId) ? pathToFileURL(documentId).href : documentId;
    const open = documents.get(uri);
    if (open) return { uri, lines: new LineIndex(open.getText()) };
    if (!uri.startsWith('file:')) return undefined;
    try {
      return { uri, lines: new LineIndex(readFileSync(fileURLToPath(uri), 'utf8')) };
    } catch {
      return undefined;
    }
  }

  const analyses = new Analyses(
    {
      getDocument: (uri) => documents.get(uri),
      contextFor,
      filterFindings,
      resolveDocument,
      onAnalyzed(result, count) {
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
      serverInfo: { name: 'vanban-ls', version: '0.1.0' },
    };
  });

  connection.onInitialized(() => {
    if (watchedFilesRegistration) {
      void connection.client
        .register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: `**/${CONFIG_FILE_NAME}` }] })
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
        })
        .catch(() => undefined);
    }
    connection.workspace.onDidChangeWorkspaceFolders((event) => {
      const removed = new Set(event.removed.map((f) => f.uri));
      folders = [...folders.filter((f) => !removed.has(f)), ...event.added.map((f) => f.uri)];
    });
  });

  /** Settings or a configuration file changed: re-analyse everything and have the client re-pull. */
  function reconfigure(): void {
    settingsCache.clear();
    configs = new ConfigCache();
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
      reconfigure();
    } catch (error) {
      log(`configuration change failed: ${describe(error)}`);
    }
  });

  connection.onDidChangeWatchedFiles((params) => {
    try {
      if (params.changes.some((c) => c.uri.endsWith(`/${CONFIG_FILE_NAME}`))) reconfigure();
    } catch (error) {
      log(`watched files change failed: ${describe(error)}`);
    }
  });

  const justOpened = new Set<string>();
  documents.onDidOpen((event) => {
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
    settingsCache.delete(event.document.uri);
    if (!pullDiagnostics) void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
  });

  connection.languages.diagnostics.on(
    guard('diagnostics', { kind: DocumentDiagnosticReportKind.Full, items: [] }, async (params, token) => {
      const result = await analyses.settled(params.textDocument.uri, token);
      if (!result) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
      const resultId = `${result.version}.${result.generation}`;
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
        token,
      }),
    ),
  );

  documents.listen(connection);
  connection.listen();
}

function cancelled(name: string): ResponseError<void> {
  return new ResponseError(LSPErrorCodes.RequestCancelled, `${name}: request cancelled`);
}

function sameProblems(a: ConfigProblem[], b: ConfigProblem[]): boolean {
  return a.length === b.length && a.every((p, i) => JSON.stringify(p) === JSON.stringify(b[i]));
}
