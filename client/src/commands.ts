// The two commands that need the server: the workspace check and the target list.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node.js';
import { message } from './messages.js';
import { CheckWorkspaceRequest, TargetsRequest, targetList, type TargetInfo } from './protocol.js';
import type { Locale } from './settings.js';

/** Files that may be policy documents; the server decides which ones are. */
export const DOCUMENT_GLOB = '**/*.{md,markdown,txt}';
const SKIPPED_FOLDERS = /(^|\/)(node_modules|\.git|\.e2e|out|dist)\//;
const BATCH = 25;

export interface CommandContext {
  client(): LanguageClient | undefined;
  locale(): Locale;
  /** Diagnostics of documents that are not open in the editor (open ones get live diagnostics). */
  workspaceDiagnostics: vscode.DiagnosticCollection;
  isPolicyDocument(document: vscode.TextDocument): boolean;
}

export async function checkWorkspace(ctx: CommandContext): Promise<void> {
  const client = ctx.client();
  const l = ctx.locale();
  if (!client?.isRunning()) {
    void vscode.window.showWarningMessage(message(l, 'notRunning'));
    return;
  }
  if (!vscode.workspace.workspaceFolders?.length) {
    void vscode.window.showWarningMessage(message(l, 'noWorkspace'));
    return;
  }
  const uris = (await vscode.workspace.findFiles(DOCUMENT_GLOB))
    .filter((uri) => uri.scheme === 'file' && !SKIPPED_FOLDERS.test(vscode.workspace.asRelativePath(uri, false)))
    .sort((a, b) => a.toString().localeCompare(b.toString()));

  let documents = 0;
  let findings = 0;
  await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: message(l, 'checking', uris.length), cancellable: true },
    async (progress, token) => {
      ctx.workspaceDiagnostics.clear();
      const live = new Set(
        vscode.workspace.textDocuments.filter((d) => ctx.isPolicyDocument(d)).map((d) => d.uri.toString()),
      );
      for (let i = 0; i < uris.length && !token.isCancellationRequested; i += BATCH) {
        const batch = uris.slice(i, i + BATCH);
        const result = await client.sendRequest(CheckWorkspaceRequest, { uris: batch.map((u) => u.toString()) }, token);
        for (const entry of result?.documents ?? []) {
          documents++;
          findings += entry.diagnostics.length;
          if (live.has(entry.uri)) continue;
          const diagnostics = await client.protocol2CodeConverter.asDiagnostics(entry.diagnostics);
          ctx.workspaceDiagnostics.set(vscode.Uri.parse(entry.uri), diagnostics);
        }
        progress.report({ increment: (100 * batch.length) / uris.length });
      }
    },
  );
  void vscode.window.showInformationMessage(message(l, 'checked', documents, findings));
  await vscode.commands.executeCommand('workbench.actions.view.problems');
}

export async function showTargets(ctx: CommandContext): Promise<void> {
  const l = ctx.locale();
  const editor = vscode.window.activeTextEditor;
  if (!editor || !ctx.isPolicyDocument(editor.document)) {
    void vscode.window.showWarningMessage(message(l, 'noEditor'));
    return;
  }
  const client = ctx.client();
  if (!client?.isRunning()) {
    void vscode.window.showWarningMessage(message(l, 'notRunning'));
    return;
  }
  const uri = client.code2ProtocolConverter.asUri(editor.document.uri);
  const targets = targetList(await client.sendRequest(TargetsRequest, { textDocument: { uri } }));
  if (targets.length === 0) {
    void vscode.window.showInformationMessage(message(l, 'noTargets'));
    return;
  }

  type Item = vscode.QuickPickItem & { range: vscode.Range };
  const items: Item[] = targets.map((t) => ({
    label: t.summary,
    description: targetDescription(t, l),
    detail: [t.section, message(l, 'line', t.range.start.line + 1)].filter(Boolean).join(' · '),
    range: client.protocol2CodeConverter.asRange(t.range),
  }));
  const original = editor.selection;
  const pick = vscode.window.createQuickPick<Item>();
  pick.items = items;
  pick.placeholder = message(l, 'pickTarget');
  pick.matchOnDescription = true;
  pick.matchOnDetail = true;
  const reveal = (item: Item | undefined, select: boolean) => {
    if (!item) return;
    if (select) editor.selection = new vscode.Selection(item.range.start, item.range.end);
    editor.revealRange(item.range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  };
  await new Promise<void>((resolve) => {
    let accepted = false;
    pick.onDidChangeActive((active) => reveal(active[0], false));
    pick.onDidAccept(() => {
      accepted = true;
      reveal(pick.selectedItems[0], true);
      pick.hide();
    });
    pick.onDidHide(() => {
      if (!accepted) editor.revealRange(original, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
      pick.dispose();
      resolve();
    });
    pick.show();
  });
}

/** "Trên 55% · 2025 · Kinh tế số", naming what the core could not find. */
export function targetDescription(target: TargetInfo, locale: Locale): string {
  return [
    target.value ?? message(locale, 'noValue'),
    target.year?.toString() ?? message(locale, 'noYear'),
    target.pillar ?? message(locale, 'noPillar'),
  ].join(' · ');
}
