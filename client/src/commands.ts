// The two commands that need the server: the workspace check and the target list.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node.js';
import { message } from './messages.js';
import { CheckWorkspaceRequest, TargetsRequest, type TargetInfo } from './protocol.js';
import type { Locale } from './settings.js';

export interface CommandContext {
  client(): LanguageClient | undefined;
  locale(): Locale;
  /** Diagnostics of documents that are not open in the editor (open ones get live diagnostics). */
  workspaceDiagnostics: vscode.DiagnosticCollection;
  isPolicyDocument(document: vscode.TextDocument): boolean;
}

function runningClient(ctx: CommandContext): LanguageClient | undefined {
  const client = ctx.client();
  if (client?.isRunning()) return client;
  void vscode.window.showWarningMessage(message(ctx.locale(), 'notRunning'));
  return undefined;
}

/** "Vanban: Kiểm tra toàn bộ thư mục": problems for every policy document in the workspace. */
export async function checkWorkspace(ctx: CommandContext): Promise<void> {
  const l = ctx.locale();
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length === 0) {
    void vscode.window.showWarningMessage(message(l, 'noWorkspace'));
    return;
  }
  const client = runningClient(ctx);
  if (!client) return;
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: message(l, 'checking'), cancellable: true },
    (_progress, token) =>
      client.sendRequest(CheckWorkspaceRequest, { folders: folders.map((f) => f.uri.toString()) }, token),
  );
  ctx.workspaceDiagnostics.clear();
  // Documents open in the editor already have live diagnostics; a second copy would double them.
  const live = new Set(vscode.workspace.textDocuments.filter(ctx.isPolicyDocument).map((d) => d.uri.toString()));
  let findings = 0;
  for (const file of result.files) {
    findings += file.diagnostics.length;
    const uri = vscode.Uri.parse(file.uri);
    if (live.has(uri.toString())) continue;
    ctx.workspaceDiagnostics.set(uri, await client.protocol2CodeConverter.asDiagnostics(file.diagnostics));
  }
  const summary = message(l, 'checked', result.files.length, findings);
  if (result.errors.length > 0) {
    const first = result.errors[0]!;
    void vscode.window.showWarningMessage(
      `${summary} ${message(l, 'unreadable', result.errors.length, vscode.workspace.asRelativePath(vscode.Uri.parse(first.uri)), first.message)}`,
    );
  } else {
    void vscode.window.showInformationMessage(summary);
  }
  await vscode.commands.executeCommand('workbench.panel.markers.view.focus');
}

type TargetItem = vscode.QuickPickItem & { range: vscode.Range };

/**
 * "Vanban: Hiện chỉ tiêu": the targets of the active document (or of `uri`, when a code lens runs
 * the command) in a quick pick; moving through the list previews each target, accepting selects it.
 */
export async function showTargets(ctx: CommandContext, uri?: string, line?: number): Promise<void> {
  const l = ctx.locale();
  const editor = await editorFor(uri);
  if (!editor || !ctx.isPolicyDocument(editor.document)) {
    void vscode.window.showWarningMessage(message(l, 'noEditor'));
    return;
  }
  const client = runningClient(ctx);
  if (!client) return;
  const result = await client.sendRequest(TargetsRequest, {
    uri: client.code2ProtocolConverter.asUri(editor.document.uri),
  });
  const targets = result?.targets ?? [];
  if (targets.length === 0) {
    void vscode.window.showInformationMessage(message(l, 'noTargets'));
    return;
  }
  const items: TargetItem[] = targets.map((t) => ({
    label: t.text,
    description: targetDescription(t, l),
    detail: [sectionLabel(t), message(l, 'line', t.range.start.line + 1)].filter(Boolean).join(' · '),
    range: client.protocol2CodeConverter.asRange(t.range),
  }));
  const pick = vscode.window.createQuickPick<TargetItem>();
  pick.items = items;
  pick.placeholder = message(l, 'pickTarget');
  pick.matchOnDescription = true;
  pick.matchOnDetail = true;
  // From a code lens: start at the first target below the lens.
  const first = line === undefined ? undefined : items.find((i) => i.range.start.line >= line);
  if (first) pick.activeItems = [first];

  const original = editor.selection;
  const reveal = (range: vscode.Range) => editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  await new Promise<void>((resolve) => {
    let accepted = false;
    pick.onDidChangeActive((active) => active[0] && reveal(active[0].range));
    pick.onDidAccept(() => {
      const chosen = pick.selectedItems[0] ?? pick.activeItems[0];
      if (chosen) {
        accepted = true;
        editor.selection = new vscode.Selection(chosen.range.start, chosen.range.end);
        reveal(chosen.range);
      }
      pick.hide();
    });
    pick.onDidHide(() => {
      if (!accepted) reveal(original);
      pick.dispose();
      resolve();
    });
    pick.show();
  });
}

async function editorFor(uri: string | undefined): Promise<vscode.TextEditor | undefined> {
  if (uri === undefined) return vscode.window.activeTextEditor;
  const visible = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri);
  return visible ?? vscode.window.showTextDocument(vscode.Uri.parse(uri));
}

/** "Trên 55% · 2025 · Kinh tế số", naming what the core could not find. */
export function targetDescription(target: TargetInfo, locale: Locale): string {
  return [
    target.value ? `${COMPARATOR[locale][target.comparator ?? 'eq']}${target.value.text}` : message(locale, 'noValue'),
    target.year?.value.toString() ?? message(locale, 'noYear'),
    target.pillar?.name ?? message(locale, 'noPillar'),
  ].join(' · ');
}

const COMPARATOR: Record<Locale, Record<NonNullable<TargetInfo['comparator']>, string>> = {
  vi: { gt: 'trên ', gte: 'từ ', lt: 'dưới ', lte: 'tối đa ', eq: '', maintain: 'duy trì ', approx: 'khoảng ' },
  en: { gt: '> ', gte: '≥ ', lt: '< ', lte: '≤ ', eq: '', maintain: 'maintain ', approx: '≈ ' },
};

function sectionLabel(target: TargetInfo): string {
  const { numbering, title } = target.section;
  return numbering ? `${numbering}. ${title}` : title;
}
