// "Vanban: Mở bảng theo dõi chỉ tiêu": the workspace's target dashboard (rendered by the server from
// its workspace index, `vanban/dashboard`) in a webview that follows the index as it changes.
//
// Why command URIs rather than a script: the page runs no script at all — the webview is created
// with `enableScripts: false`, no local resources and no forms, and the page's own
// Content-Security-Policy is `default-src 'none'` with the one inline stylesheet allowed by its
// hash. Its only active content is links, and `enableCommandUris` is limited to the single
// command `vanban.revealLocation`, which does nothing but open a file of the workspace at a line
// (it checks its arguments). A nonce'd script posting messages would need `enableScripts: true`,
// and then any flaw in escaping the documents' text into the page would run as script in the
// webview; with command URIs the worst a crafted link can do is reveal a line of a workspace file.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node.js';
import { message } from './messages.js';
import { DashboardRequest, type IndexChangedParams } from './protocol.js';
import type { Locale } from './settings.js';

/** The one command the dashboard's links may run: `[uri, line, character]`, 0-based. */
export const REVEAL_COMMAND = 'vanban.revealLocation';

/** How long the index must be quiet before an open dashboard is rebuilt (typing in a resolution). */
const REFRESH_DELAY_MS = 400;

export interface DashboardContext {
  client(): LanguageClient | undefined;
  locale(): Locale;
}

export class DashboardPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private shownRevision = -1;
  private shownHtml = '';
  private stale = false;
  private timer: NodeJS.Timeout | undefined;
  private inFlight: Promise<void> | undefined;
  private again = false;

  constructor(private readonly ctx: DashboardContext) {}

  /** Opens the panel (or brings it to the front) and shows the dashboard as the server knows it now. */
  async open(): Promise<void> {
    const l = this.ctx.locale();
    if ((vscode.workspace.workspaceFolders ?? []).length === 0) {
      void vscode.window.showWarningMessage(message(l, 'noWorkspace'));
      return;
    }
    const client = this.ctx.client();
    if (!client?.isRunning()) {
      void vscode.window.showWarningMessage(message(l, 'notRunning'));
      return;
    }
    if (this.panel) this.panel.reveal();
    else this.panel = this.create(l);
    await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: message(l, 'dashboardLoading') }, () => this.refresh());
  }

  /** The server's index changed: rebuild an open dashboard once the changes settle. */
  indexChanged(params: IndexChangedParams): void {
    if (!this.panel || params.revision === this.shownRevision) return;
    if (!this.panel.visible) {
      this.stale = true;
      return;
    }
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.refresh();
    }, REFRESH_DELAY_MS);
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.panel?.dispose();
  }

  private create(locale: Locale): vscode.WebviewPanel {
    const panel = vscode.window.createWebviewPanel(
      'vanban.dashboard',
      message(locale, 'dashboardTitle'),
      { viewColumn: vscode.ViewColumn.Active, preserveFocus: false },
      {
        enableScripts: false,
        enableForms: false,
        enableCommandUris: [REVEAL_COMMAND],
        localResourceRoots: [],
        retainContextWhenHidden: false,
      },
    );
    panel.onDidDispose(() => {
      if (this.timer) clearTimeout(this.timer);
      this.timer = undefined;
      this.panel = undefined;
      this.shownRevision = -1;
      this.shownHtml = '';
      this.stale = false;
    });
    panel.onDidChangeViewState((e) => {
      if (e.webviewPanel.visible && this.stale) void this.refresh();
    });
    return panel;
  }

  /** One request at a time; a change that arrives meanwhile asks for one more. */
  private refresh(): Promise<void> {
    if (this.inFlight) {
      this.again = true;
      return this.inFlight;
    }
    this.inFlight = (async () => {
      do {
        this.again = false;
        this.stale = false;
        await this.load();
      } while (this.again && this.panel);
    })().finally(() => {
      this.inFlight = undefined;
    });
    return this.inFlight;
  }

  private async load(): Promise<void> {
    const client = this.ctx.client();
    const l = this.ctx.locale();
    if (!client?.isRunning() || !this.panel) return;
    let result;
    try {
      result = await client.sendRequest(DashboardRequest, { locale: l, linkCommand: REVEAL_COMMAND });
    } catch (error) {
      client.outputChannel.appendLine(`vanban/dashboard failed: ${error instanceof Error ? error.message : String(error)}`);
      void vscode.window.showWarningMessage(message(l, 'dashboardFailed'));
      return;
    }
    if (!this.panel) return;
    // The server answers an empty page when building it failed (it logs why); a page without its
    // strict policy is never shown.
    if (!isStrictPage(result.html)) {
      void vscode.window.showWarningMessage(message(l, 'dashboardFailed'));
      return;
    }
    this.shownRevision = result.revision;
    this.panel.title = message(l, 'dashboardTitle');
    if (result.html !== this.shownHtml) {
      this.shownHtml = result.html;
      this.panel.webview.html = result.html;
    }
  }
}

/** The page carries a Content-Security-Policy that forbids everything by default and any script. */
export function isStrictPage(html: string): boolean {
  const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/i.exec(html)?.[1];
  return policy !== undefined && /(^|;)\s*default-src 'none'\s*(;|$)/.test(policy) && !/script-src/.test(policy) && !/<script/i.test(html);
}

/**
 * `vanban.revealLocation` (run by the dashboard's links): opens the document at the line, beside
 * the dashboard. Only documents of the open folders, or already open, are revealed.
 */
export async function revealLocation(locale: Locale, uri: unknown, line: unknown, character: unknown): Promise<void> {
  if (typeof uri !== 'string' || !isIndex(line) || !isIndex(character)) return;
  let target: vscode.Uri;
  try {
    target = vscode.Uri.parse(uri, true);
  } catch {
    return;
  }
  const open = vscode.workspace.textDocuments.some((d) => d.uri.toString() === target.toString());
  if (!open && (target.scheme !== 'file' || !vscode.workspace.getWorkspaceFolder(target))) {
    void vscode.window.showWarningMessage(message(locale, 'locationOutside'));
    return;
  }
  const position = new vscode.Position(line, character);
  await vscode.window.showTextDocument(target, {
    selection: new vscode.Range(position, position),
    viewColumn: vscode.ViewColumn.Beside,
    preview: false,
  });
}

function isIndex(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}
