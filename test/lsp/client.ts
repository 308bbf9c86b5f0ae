// A real LSP client for the protocol tests: spawns the built server (`node dist/server.cjs --stdio`)
// and speaks JSON-RPC to it with vscode-languageserver-protocol. Tests wait for events, never sleep.

import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import {
  ConfigurationRequest,
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DocumentDiagnosticRequest,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  LogMessageNotification,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type ClientCapabilities,
  type DocumentDiagnosticReport,
  type FullDocumentDiagnosticReport,
  type InitializeResult,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node.js';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { join } from 'node:path';
import { fixturesDir, repoRoot, serverPath } from '../helpers.js';

export const SERVER_ABSENT = `built server not found at ${serverPath} (run: npx tsc -b && node scripts/bundle.mjs)`;
export const serverBuilt = existsSync(serverPath);

export interface AnalyzedEvent {
  uri: string;
  version: number;
  count: number;
  durationMs: number;
  findings: number;
}

export interface StartOptions {
  /** Extra environment for the server process (VANBAN_LSP_PROBE=1 enables `vanban/_memory`). */
  env?: Record<string, string>;
  /** Client locale sent in initialize (`vi`, `en-US`). */
  locale?: string;
  /** Advertise pull diagnostics (VS Code does; Neovim 0.7 does not). Default true. */
  pull?: boolean;
  /** Answer workspace/configuration with this `vanban` section; undefined = no configuration capability. */
  settings?: Record<string, unknown>;
  initializationOptions?: Record<string, unknown>;
  workspaceFolder?: string;
  /** The server to run with `--stdio` (default: the built dist/server.cjs; an installed bin/vanban-ls). */
  server?: string;
  /** Working directory of the server process (default: the repository). */
  cwd?: string;
  /** Advertise `window.workDoneProgress` (VS Code does). */
  progress?: boolean;
  /** Advertise dynamic registration of `workspace/didChangeWatchedFiles` (VS Code does). */
  watchedFiles?: boolean;
}

export interface IndexChangedEvent {
  indexing: boolean;
  revision: number;
  files: number;
  documents: number;
  truncated: boolean;
}

export interface ProgressEvent {
  token: string | number;
  value: { kind: 'begin' | 'report' | 'end'; title?: string; message?: string; percentage?: number };
}

type Waiter<T> = { test: (value: T) => boolean; resolve: (value: T) => void };

/** Records every event of one kind and lets a test wait for the first that matches. */
class EventLog<T> {
  readonly all: T[] = [];
  private waiters: Waiter<T>[] = [];
  push(value: T): void {
    this.all.push(value);
    for (const w of [...this.waiters]) {
      if (w.test(value)) {
        this.waiters.splice(this.waiters.indexOf(w), 1);
        w.resolve(value);
      }
    }
  }
  /** The first event (already seen or future) that matches. */
  wait(test: (value: T) => boolean, from = 0): Promise<T> {
    const seen = this.all.slice(from).find(test);
    if (seen !== undefined) return Promise.resolve(seen);
    return new Promise((resolve) => this.waiters.push({ test, resolve }));
  }
}

export class LspClient {
  readonly published = new EventLog<PublishDiagnosticsParams>();
  readonly analyzed = new EventLog<AnalyzedEvent>();
  readonly logs = new EventLog<string>();
  readonly indexChanged = new EventLog<IndexChangedEvent>();
  /** `window/workDoneProgress/create` tokens and `$/progress` notifications. */
  readonly progressTokens = new EventLog<string | number>();
  readonly progress = new EventLog<ProgressEvent>();
  /** `client/registerCapability` registrations (method and options). */
  readonly registrations = new EventLog<{ method: string; registerOptions?: unknown }>();
  /** `workspace/diagnostic/refresh` requests, numbered from 1. */
  readonly refreshed = new EventLog<number>();
  readonly configurationRequests: unknown[] = [];
  stderr = '';
  private readonly texts = new Map<string, TextDocument>();
  settings: Record<string, unknown> | undefined;
  initializeResult!: InitializeResult;
  /** workspace/diagnostic/refresh requests received. */
  refreshes = 0;

  private constructor(
    readonly process: ChildProcess,
    readonly connection: ProtocolConnection,
  ) {}

  static async start(options: StartOptions = {}): Promise<LspClient> {
    const child = spawn(process.execPath, [options.server ?? serverPath, '--stdio'], {
      cwd: options.cwd ?? repoRoot,
      stdio: ['pipe', 'pipe', 'pipe'],
      ...(options.env ? { env: { ...process.env, ...options.env } } : {}),
    });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const client = new LspClient(child, connection);
    client.settings = options.settings;
    child.stderr!.on('data', (chunk: Buffer) => (client.stderr += chunk.toString('utf8')));
    connection.onNotification(PublishDiagnosticsNotification.type, (p) => client.published.push(p));
    connection.onNotification(LogMessageNotification.type, (p) => client.logs.push(p.message));
    connection.onNotification('vanban/analyzed', (p: AnalyzedEvent) => client.analyzed.push(p));
    connection.onNotification('vanban/indexChanged', (p: IndexChangedEvent) => client.indexChanged.push(p));
    connection.onNotification('$/progress', (p: ProgressEvent) => client.progress.push(p));
    connection.onRequest('window/workDoneProgress/create', (p: { token: string | number }) => {
      client.progressTokens.push(p.token);
      return null;
    });
    connection.onRequest(ConfigurationRequest.type, (params) => {
      client.configurationRequests.push(params);
      return params.items.map((item) => (item.section === 'vanban' ? (client.settings ?? null) : null));
    });
    connection.onRequest(RegistrationRequest.type, (params) => {
      for (const r of params.registrations) client.registrations.push({ method: r.method, registerOptions: r.registerOptions });
      return undefined;
    });
    connection.onRequest('workspace/diagnostic/refresh', () => {
      client.refreshes++;
      client.refreshed.push(client.refreshes);
      return null;
    });
    connection.onRequest('workspace/codeLens/refresh', () => null);
    connection.listen();

    const pull = options.pull ?? true;
    const capabilities: ClientCapabilities = {
      textDocument: {
        synchronization: { didSave: false },
        publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
        codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } } },
        hover: { contentFormat: ['markdown', 'plaintext'] },
        documentSymbol: { hierarchicalDocumentSymbolSupport: true },
        ...(pull ? { diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false } } : {}),
      },
      workspace: {
        configuration: options.settings !== undefined,
        diagnostics: { refreshSupport: pull },
        codeLens: { refreshSupport: true },
        workspaceFolders: true,
        ...(options.watchedFiles ? { didChangeWatchedFiles: { dynamicRegistration: true } } : {}),
      },
      ...(options.progress ? { window: { workDoneProgress: true } } : {}),
    };
    const folder = options.workspaceFolder ?? join(fixturesDir, 'lsp');
    client.initializeResult = await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: pathToFileURL(folder).href,
      workspaceFolders: [{ uri: pathToFileURL(folder).href, name: 'fixtures' }],
      capabilities,
      ...(options.locale !== undefined ? { locale: options.locale } : {}),
      initializationOptions: { analysisEvents: true, indexEvents: true, ...options.initializationOptions },
    });
    await connection.sendNotification(InitializedNotification.type, {});
    return client;
  }

  async open(uri: string, text: string, languageId = 'markdown'): Promise<void> {
    this.texts.set(uri, TextDocument.create(uri, languageId, 1, text));
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId, version: 1, text },
    });
  }

  /** Sends one incremental change and keeps the client's copy in step. Returns the new version.
   *  Each change is applied to a document made afresh from the text: the protocol's reading of a
   *  position past the last line (the end of the document), which the library's incremental line
   *  table loses after such a change. */
  async change(uri: string, changes: TextDocumentContentChangeEvent[]): Promise<number> {
    let doc = this.texts.get(uri);
    if (!doc) throw new Error(`not open: ${uri}`);
    const version = doc.version + 1;
    for (const change of changes) doc = TextDocument.update(TextDocument.create(uri, doc.languageId, version, doc.getText()), [change], version);
    this.texts.set(uri, doc);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges: changes,
    });
    return version;
  }

  async close(uri: string): Promise<void> {
    this.texts.delete(uri);
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  text(uri: string): string {
    return this.texts.get(uri)!.getText();
  }

  document(uri: string): TextDocument {
    return this.texts.get(uri)!;
  }

  async pull(uri: string, previousResultId?: string): Promise<DocumentDiagnosticReport> {
    return this.connection.sendRequest(DocumentDiagnosticRequest.type, {
      textDocument: { uri },
      ...(previousResultId ? { previousResultId } : {}),
    });
  }

  async pullFull(uri: string): Promise<FullDocumentDiagnosticReport> {
    const report = await this.pull(uri);
    if (report.kind !== 'full') throw new Error(`expected a full report, got ${report.kind}`);
    return report;
  }

  async stop(): Promise<void> {
    const exited = new Promise<void>((resolve) => {
      if (this.process.exitCode !== null) resolve();
      else this.process.once('exit', () => resolve());
    });
    try {
      await this.connection.sendRequest(ShutdownRequest.type);
      await this.connection.sendNotification(ExitNotification.type);
    } catch {
      this.process.kill();
    }
    await exited;
    this.connection.dispose();
  }
}

export function fixtureUri(name: string): string {
  return pathToFileURL(join(fixturesDir, 'lsp', name)).href;
}

/** Position of the first occurrence of `needle` in `text` (0-based line, UTF-16 character). */
export function positionOf(text: string, needle: string, offsetInNeedle = 0): { line: number; character: number } {
  const at = text.indexOf(needle);
  if (at < 0) throw new Error(`not in text: ${needle}`);
  const doc = TextDocument.create('x:', 'markdown', 0, text);
  return doc.positionAt(at + offsetInNeedle);
}

/** Range of the first occurrence of `needle` in `text`. */
export function rangeOf(text: string, needle: string) {
  return { start: positionOf(text, needle), end: positionOf(text, needle, needle.length) };
}
