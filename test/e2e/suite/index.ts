/// <reference types="vscode" />
// The in-extension-host suite: @vscode/test-electron loads it inside a VS Code desktop extension
// host (test/e2e/electron.test.ts), through the CommonJS entry index.cjs beside this file, with the
// repository as the extension under development and test/fixtures/e2e as the workspace.
// `run` rejects when any test fails, which fails runTests.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import type * as VSCode from 'vscode';

// The extension host provides `vscode` to require() only; this file is an ES module.
const vscode = createRequire(import.meta.url)('vscode') as typeof VSCode;

const RESOLUTION = 'nghi-quyet-chuyen-doi-so.md';
const TIMEOUT_MS = 60_000;

type Case = [name: string, body: () => Promise<void>];
const cases: Case[] = [];
const test = (name: string, body: () => Promise<void>) => cases.push([name, body]);

/** Resolves when `predicate` holds, re-checking on every diagnostics change. */
function diagnosticsWhere(uri: VSCode.Uri, predicate: (d: VSCode.Diagnostic[]) => boolean): Promise<VSCode.Diagnostic[]> {
  const current = () => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'vanban');
  return new Promise((resolve, reject) => {
    if (predicate(current())) return resolve(current());
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`diagnostics of ${uri.fsPath} never matched; last: ${JSON.stringify(current())}`));
    }, TIMEOUT_MS);
    const subscription = vscode.languages.onDidChangeDiagnostics(() => {
      if (!predicate(current())) return;
      clearTimeout(timer);
      subscription.dispose();
      resolve(current());
    });
  });
}

let document: VSCode.TextDocument;
let finding: VSCode.Diagnostic;

test('opening a resolution activates the extension', async () => {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the fixture folder is open');
  document = await vscode.workspace.openTextDocument(vscode.Uri.file(path.join(folder.uri.fsPath, RESOLUTION)));
  await vscode.window.showTextDocument(document);
  const extension = vscode.extensions.getExtension('vanban.vanban');
  assert.ok(extension, 'the extension is installed');
  await extension.activate();
  const commands = await vscode.commands.getCommands(true);
  for (const id of ['vanban.checkWorkspace', 'vanban.showTargets', 'vanban.openDashboard', 'vanban.revealLocation', 'vanban.restartServer']) assert.ok(commands.includes(id), id);
});

test('the target without a year gets a target-year warning', async () => {
  const diagnostics = await diagnosticsWhere(document.uri, (d) => d.some((x) => codeOf(x) === 'target-year'));
  finding = diagnostics.find((d) => codeOf(d) === 'target-year')!;
  assert.equal(finding.severity, vscode.DiagnosticSeverity.Warning);
  assert.equal(finding.range.start.line, 42);
  assert.equal(finding.range.start.character, 2);
  assert.equal(diagnostics.length, 1);
});

test('the hover states what the core understood', async () => {
  const hovers = await vscode.commands.executeCommand<VSCode.Hover[]>('vscode.executeHoverProvider', document.uri, finding.range.start);
  const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
  assert.match(text, /Chính quyền số/);
  assert.match(text, /3\.1\. Chính quyền số/);
});

test('the quick fix adds the year and the warning goes away', async () => {
  const actions = await vscode.commands.executeCommand<VSCode.CodeAction[]>(
    'vscode.executeCodeActionProvider', document.uri, finding.range, vscode.CodeActionKind.QuickFix.value,
  );
  const addYear = actions.find((a) => a.edit && /đến năm 2025/.test(a.title));
  assert.ok(addYear?.edit, `an action adds the year: ${actions.map((a) => a.title).join(' | ')}`);
  assert.ok(await vscode.workspace.applyEdit(addYear.edit));
  assert.match(document.lineAt(42).text, /thủ tục hành chính đến năm 2025\.$/);
  await diagnosticsWhere(document.uri, (d) => !d.some((x) => codeOf(x) === 'target-year'));
  await vscode.commands.executeCommand('workbench.action.files.revert');
});

function codeOf(d: VSCode.Diagnostic): string | undefined {
  const code = d.code;
  return typeof code === 'object' && code !== null ? String(code.value) : code === undefined ? undefined : String(code);
}

export async function run(): Promise<void> {
  const failures: string[] = [];
  for (const [name, body] of cases) {
    try {
      await body();
      console.log(`ok - ${name}`);
    } catch (error) {
      failures.push(name);
      console.log(`not ok - ${name}\n${error instanceof Error ? error.stack ?? error.message : String(error)}`);
    }
  }
  console.log(`${cases.length - failures.length} passed, ${failures.length} failed`);
  if (failures.length > 0) throw new Error(`${failures.length} in-editor test(s) failed: ${failures.join('; ')}`);
}
