// The status bar item: the server's state and the number of Vanban findings in the active document.
// Clicking it opens the Problems panel.
import * as vscode from 'vscode';
import { message } from './messages.js';
import type { Locale } from './settings.js';

export type ServerState = 'starting' | 'running' | 'stopped' | 'disabled';

export const DIAGNOSTIC_SOURCE = 'vanban';

export class StatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('vanban.status', vscode.StatusBarAlignment.Left, 100);
  private readonly subscriptions: vscode.Disposable[] = [];
  private state: ServerState = 'starting';

  constructor(
    private locale: Locale,
    private readonly isPolicyDocument: (document: vscode.TextDocument) => boolean,
  ) {
    this.item.name = 'Vanban';
    this.item.command = 'workbench.panel.markers.view.focus';
    this.subscriptions.push(
      vscode.languages.onDidChangeDiagnostics((e) => {
        const active = vscode.window.activeTextEditor?.document.uri.toString();
        if (active && e.uris.some((uri) => uri.toString() === active)) this.render();
      }),
      vscode.window.onDidChangeActiveTextEditor(() => this.render()),
    );
    this.render();
    this.item.show();
  }

  setState(state: ServerState): void {
    this.state = state;
    this.render();
  }

  setLocale(locale: Locale): void {
    this.locale = locale;
    this.render();
  }

  /** Vanban findings in the active document, or undefined when it is not a document Vanban checks. */
  activeFindings(): number | undefined {
    const document = vscode.window.activeTextEditor?.document;
    if (!document || !this.isPolicyDocument(document)) return undefined;
    return vscode.languages.getDiagnostics(document.uri).filter((d) => d.source === DIAGNOSTIC_SOURCE).length;
  }

  private render(): void {
    const l = this.locale;
    switch (this.state) {
      case 'starting':
        this.item.text = `$(sync~spin) ${message(l, 'starting')}`;
        this.item.tooltip = undefined;
        break;
      case 'running': {
        const count = this.activeFindings();
        const ready = message(l, 'ready');
        this.item.text = count === undefined ? `$(check) ${ready}`
          : count === 0 ? `$(check) ${ready} · 0`
          : `$(warning) ${ready} · ${count}`;
        const tooltip = message(l, 'tooltipReady');
        this.item.tooltip = count === undefined ? tooltip : `${message(l, 'findings', count)}\n${tooltip}`;
        break;
      }
      case 'stopped':
        this.item.text = `$(error) ${message(l, 'stopped')}`;
        this.item.tooltip = message(l, 'tooltipStopped');
        break;
      case 'disabled':
        this.item.text = `$(circle-slash) ${message(l, 'disabled')}`;
        this.item.tooltip = message(l, 'tooltipDisabled');
        break;
    }
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.item.dispose();
  }
}
