// The VS Code extension: starts the Vanban language server (dist/server.cjs, over IPC), shows its
// state in the status bar and registers the commands. All analysis happens in the server.
import * as vscode from 'vscode';
import {
  LanguageClient,
  State,
  TransportKind,
  type DocumentSelector,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node.js';
import { checkWorkspace, showTargets, type CommandContext } from './commands.js';
import { DashboardPanel, REVEAL_COMMAND, revealLocation } from './dashboard.js';
import { IndexChangedNotification } from './protocol.js';
import { readSettings, type Locale } from './settings.js';
import { StatusBar } from './statusBar.js';
import { openWordDocument, WORD_EDITOR, WORD_SCHEME, WordContentProvider, WordEditorProvider } from './word.js';

const LANGUAGES = ['markdown', 'plaintext'];
const CONFIG_FILE = '.vanbanrc.json';

/** Policy documents in any language the server reads, saved or not, and the config file itself
 *  (the server reports a broken config as a diagnostic on it). */
export const DOCUMENT_SELECTOR: DocumentSelector = [
  ...LANGUAGES.flatMap((language) => ['file', 'untitled', WORD_SCHEME].map((scheme) => ({ scheme, language }))),
  { scheme: 'file', pattern: `**/${CONFIG_FILE}` },
];

let client: LanguageClient | undefined;
let statusBar: StatusBar | undefined;
let dashboard: DashboardPanel | undefined;

function isPolicyDocument(document: vscode.TextDocument): boolean {
  const scheme = document.uri.scheme;
  return (scheme === 'file' || scheme === 'untitled' || scheme === WORD_SCHEME) && LANGUAGES.includes(document.languageId);
}

function locale(): Locale {
  return readSettings().locale;
}

function createClient(context: vscode.ExtensionContext): LanguageClient {
  const module = context.asAbsolutePath('dist/server.cjs');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: DOCUMENT_SELECTOR,
    // indexEvents: the server tells us when its workspace index changes (an open dashboard follows).
    initializationOptions: { settings: readSettings(), indexEvents: true },
    synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher(`**/${CONFIG_FILE}`) },
    diagnosticPullOptions: { onChange: true, onSave: true },
    middleware: {
      workspace: {
        // Answer for `vanban` with the resolved settings ("auto" locale already decided here,
        // where the editor's display language is known).
        configuration: async (params, token, next) => {
          const result = await next(params, token);
          if (!Array.isArray(result)) return result;
          return result.map((value, i) => {
            const item = params.items[i];
            if (item?.section !== 'vanban') return value;
            return readSettings(item.scopeUri ? vscode.Uri.parse(item.scopeUri) : undefined);
          });
        },
      },
    },
  };
  const created = new LanguageClient('vanban', 'Vanban', serverOptions, clientOptions);
  created.onDidChangeState((e) => {
    statusBar?.setState(e.newState === State.Running ? 'running' : e.newState === State.Starting ? 'starting' : 'stopped');
  });
  created.onNotification(IndexChangedNotification, (params) => dashboard?.indexChanged(params));
  return created;
}

async function start(context: vscode.ExtensionContext): Promise<void> {
  if (client) return;
  client = createClient(context);
  statusBar?.setState('starting');
  try {
    await client.start();
  } catch (error) {
    statusBar?.setState('stopped');
    client.outputChannel.appendLine(`Vanban server failed to start: ${error instanceof Error ? error.message : String(error)}`);
  }
}

async function stop(): Promise<void> {
  const running = client;
  client = undefined;
  if (running) await running.dispose();
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const workspaceDiagnostics = vscode.languages.createDiagnosticCollection('vanban-workspace');
  statusBar = new StatusBar(locale(), isPolicyDocument);
  dashboard = new DashboardPanel({ client: () => client, locale });
  const commandContext: CommandContext = {
    client: () => client,
    locale,
    workspaceDiagnostics,
    isPolicyDocument,
  };

  context.subscriptions.push(
    statusBar,
    workspaceDiagnostics,
    dashboard,
    // An opened document gets live diagnostics from the server; drop its workspace-check copy.
    vscode.workspace.onDidOpenTextDocument((d) => {
      if (isPolicyDocument(d)) workspaceDiagnostics.delete(d.uri);
    }),
    vscode.commands.registerCommand('vanban.checkWorkspace', () => checkWorkspace(commandContext)),
    // Arguments: none (palette), the document's Uri (editor context menu), or a URI string and a
    // 0-based line (the server's code lens over a goals section).
    vscode.commands.registerCommand('vanban.showTargets', (uri?: unknown, line?: unknown) =>
      showTargets(
        commandContext,
        uri instanceof vscode.Uri ? uri.toString() : typeof uri === 'string' ? uri : undefined,
        typeof line === 'number' ? line : undefined,
      ),
    ),
    vscode.commands.registerCommand('vanban.openDashboard', () => dashboard?.open()),
    // Word documents: read-only converted text, from the explorer's context menu, the palette, or
    // by opening a .docx (the custom editor hands over to the text).
    vscode.workspace.registerTextDocumentContentProvider(WORD_SCHEME, new WordContentProvider(commandContext)),
    vscode.commands.registerCommand('vanban.openWordDocument', (uri?: unknown) => openWordDocument(commandContext, uri)),
    vscode.window.registerCustomEditorProvider(WORD_EDITOR, new WordEditorProvider(commandContext)),
    // Run by the dashboard's links only (not in the palette): [uri, line, character], 0-based.
    vscode.commands.registerCommand(REVEAL_COMMAND, (uri?: unknown, line?: unknown, character?: unknown) =>
      revealLocation(locale(), uri, line, character),
    ),
    vscode.commands.registerCommand('vanban.restartServer', async () => {
      if (!readSettings().enable) return;
      if (client) await client.restart();
      else await start(context);
    }),
    vscode.workspace.onDidChangeConfiguration(async (e) => {
      if (!e.affectsConfiguration('vanban')) return;
      const settings = readSettings();
      statusBar?.setLocale(settings.locale);
      if (!settings.enable) {
        await stop();
        workspaceDiagnostics.clear();
        statusBar?.setState('disabled');
      } else if (!client) {
        await start(context);
      }
      // A running server registered for `workspace/didChangeConfiguration` on `vanban`: the client
      // library notifies it, and it pulls the new settings through the middleware above.
    }),
    { dispose: () => void stop() },
  );

  if (readSettings().enable) await start(context);
  else statusBar.setState('disabled');
}

export async function deactivate(): Promise<void> {
  await stop();
}
