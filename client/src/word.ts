// Word documents in the editor: a .docx opens as the Markdown the server makes of it, a read-only
// virtual document `vanban-docx:/path/file.docx` (its text from `vanban/wordText`), which the
// server checks, outlines and hovers like any document. Opening a .docx from the explorer goes
// through a custom editor that hands over to that document.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node.js';
import { message } from './messages.js';
import type { Locale } from './settings.js';

export const WORD_SCHEME = 'vanban-docx';
export const OPEN_WORD_COMMAND = 'vanban.openWordDocument';
export const WORD_EDITOR = 'vanban.wordDocument';

export interface WordContext {
  client(): LanguageClient | undefined;
  locale(): Locale;
}

/** The read-only text of `vanban-docx:` documents, asked of the server. */
export class WordContentProvider implements vscode.TextDocumentContentProvider {
  constructor(private readonly context: WordContext) {}

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const client = this.context.client();
    if (!client) throw new Error(message(this.context.locale(), 'notRunning'));
    const result = (await client.sendRequest('vanban/wordText', { uri: uri.toString() })) as { text?: string; error?: string };
    if (result.error !== undefined || result.text === undefined) {
      const text = message(this.context.locale(), 'wordFailed', result.error ?? '');
      void vscode.window.showErrorMessage(text);
      throw new Error(text);
    }
    return result.text;
  }
}

function isWordUri(uri: vscode.Uri): boolean {
  return uri.scheme === 'file' && /\.docx$/i.test(uri.path);
}

/** Opens a .docx (the explorer's, the active custom editor's, or one picked) as its converted text. */
export async function openWordDocument(context: WordContext, given?: unknown, viewColumn?: vscode.ViewColumn): Promise<vscode.TextEditor | undefined> {
  let file = given instanceof vscode.Uri && isWordUri(given) ? given : undefined;
  if (!file) {
    const picked = await vscode.window.showOpenDialog({ canSelectMany: false, filters: { Word: ['docx'] } });
    file = picked?.[0];
  }
  if (!file || !isWordUri(file)) {
    if (file) void vscode.window.showWarningMessage(message(context.locale(), 'noWordDocument'));
    return undefined;
  }
  const document = await vscode.workspace.openTextDocument(file.with({ scheme: WORD_SCHEME }));
  const markdown = document.languageId === 'markdown' ? document : await vscode.languages.setTextDocumentLanguage(document, 'markdown');
  return vscode.window.showTextDocument(markdown, { preview: false, ...(viewColumn !== undefined ? { viewColumn } : {}) });
}

/**
 * Double-clicking a .docx: a read-only custom editor that opens the converted text in its place
 * and closes itself (VS Code has no text editor for binary files to hand them to directly).
 */
export class WordEditorProvider implements vscode.CustomReadonlyEditorProvider {
  constructor(private readonly context: WordContext) {}

  openCustomDocument(uri: vscode.Uri): vscode.CustomDocument {
    return { uri, dispose: () => undefined };
  }

  async resolveCustomEditor(document: vscode.CustomDocument, panel: vscode.WebviewPanel): Promise<void> {
    const text = message(this.context.locale(), 'wordOpening');
    panel.webview.html = `<!DOCTYPE html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'"></head><body><p>${text.replace(/</g, '&lt;')}</p></body></html>`;
    const opened = await openWordDocument(this.context, document.uri, panel.viewColumn);
    if (opened) panel.dispose();
  }
}
