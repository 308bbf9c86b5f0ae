// Word documents in the language server: the workspace index reads a resolution that exists only
// as .docx, so a Markdown report open alone is checked against it, its related location pointing
// into the read-only converted text (`vanban-docx:`), whose text `vanban/wordText` gives and which,
// opened, is checked, outlined and hovered like any document.

import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import type { Diagnostic, DocumentSymbol } from 'vscode-languageserver-protocol/node.js';
import { docxOfLines } from '../docx-build.js';
import { fixturesDir } from '../helpers.js';
import { LspClient, positionOf, rangeOf, SERVER_ABSENT, serverBuilt } from './client.js';

const skip = serverBuilt ? false : SERVER_ABSENT;
const FIXTURES = join(fixturesDir, 'workspace-lsp');
const RESOLUTION = 'nghi-quyet-song-lam.docx';
const REPORT = 'bao-cao-song-lam-2023.md';

describe('Word documents in the language server', { skip }, () => {
  let dir: string;
  let client: LspClient;
  const reportText = readFileSync(join(FIXTURES, REPORT), 'utf8');
  const resolutionMarkdown = readFileSync(join(FIXTURES, 'nghi-quyet-song-lam.md'), 'utf8');
  // One target changed, so the report's plan column disagrees with the Word resolution.
  const mutated = resolutionMarkdown.replace('- Trên 60% doanh nghiệp', '- Trên 65% doanh nghiệp');

  before(async () => {
    assert.notEqual(mutated, resolutionMarkdown);
    dir = mkdtempSync(join(tmpdir(), 'vanban-lsp-docx-'));
    writeFileSync(join(dir, RESOLUTION), docxOfLines(mutated));
    copyFileSync(join(FIXTURES, REPORT), join(dir, REPORT));
    client = await LspClient.start({ locale: 'vi', workspaceFolder: dir });
  });
  after(async () => {
    await client?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const wordUri = () => `vanban-docx:${pathToFileURL(join(dir, RESOLUTION)).pathname}`;

  test('vanban/wordText gives the converted text of a .docx, and one line why for a bad one', async () => {
    const result = (await client.connection.sendRequest('vanban/wordText', { uri: wordUri() })) as { text?: string; error?: string };
    assert.ok(result.text, JSON.stringify(result));
    assert.match(result.text, /Trên 65% doanh nghiệp/);
    writeFileSync(join(dir, 'cu.docx'), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]));
    const bad = (await client.connection.sendRequest('vanban/wordText', { uri: `vanban-docx:${pathToFileURL(join(dir, 'cu.docx')).pathname}` })) as { error?: string };
    assert.match(bad.error ?? '', /cu\.docx: tệp Word 97-2003 \(\.doc\).*lưu lại dưới dạng \.docx/);
  });

  test('a Markdown report open alone is checked against the resolution that exists only as Word', async () => {
    const ready = await client.indexChanged.wait((e) => !e.indexing && e.documents >= 2);
    assert.equal(ready.documents, 2);
    await client.open(pathToFileURL(join(dir, REPORT)).href, reportText);
    const items = (await client.pullFull(pathToFileURL(join(dir, REPORT)).href)).items.filter((d: Diagnostic) => d.code === 'resolution-mismatch');
    assert.equal(items.length, 1, JSON.stringify(items));
    assert.deepEqual(items[0]!.range, rangeOf(reportText, 'Trên 60%'));
    const related = items[0]!.relatedInformation![0]!;
    assert.equal(related.location.uri, wordUri());
    const converted = ((await client.connection.sendRequest('vanban/wordText', { uri: wordUri() })) as { text: string }).text;
    assert.deepEqual(related.location.range.start, positionOf(converted, 'Trên 65% doanh nghiệp'));
  });

  test('the converted document, opened read-only, has diagnostics and an outline', async () => {
    const converted = ((await client.connection.sendRequest('vanban/wordText', { uri: wordUri() })) as { text: string }).text;
    await client.open(wordUri(), converted);
    const report = await client.pullFull(wordUri());
    assert.ok(Array.isArray(report.items));
    const symbols = (await client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: wordUri() } })) as DocumentSymbol[];
    assert.ok(symbols.length > 0, 'an outline');
    const names = JSON.stringify(symbols);
    for (const heading of ['TÌNH HÌNH CHUYỂN ĐỔI SỐ CỦA TỈNH', 'QUAN ĐIỂM, MỤC TIÊU', 'TỔ CHỨC THỰC HIỆN']) assert.ok(names.includes(heading), names.slice(0, 400));
  });
});
