// The workspace index over the real protocol: a report open alone is checked against its
// resolution on disk; the resolution changing (in an open editor, on disk) re-checks the report;
// the walk reports work-done progress when the client supports it, skips node_modules, hidden
// folders, ignored and oversized files, and stops at the file limit; `vanban/dashboard` shows the
// workspace's targets. Every wait is for a message from the server, never for time.

import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { DidChangeWatchedFilesNotification, FileChangeType, type Diagnostic } from 'vscode-languageserver-protocol/node.js';
import { fixturesDir } from '../helpers.js';
import { LspClient, positionOf, rangeOf, SERVER_ABSENT, serverBuilt } from './client.js';

const skip = serverBuilt ? false : SERVER_ABSENT;
const FIXTURES = join(fixturesDir, 'workspace-lsp');
const RESOLUTION = 'nghi-quyet-song-lam.md';
const REPORT = 'bao-cao-song-lam-2023.md';
const RULE = 'resolution-mismatch';

const resolutionText = readFileSync(join(FIXTURES, RESOLUTION), 'utf8');
const reportText = readFileSync(join(FIXTURES, REPORT), 'utf8');

function mutate(text: string, from: string, to: string): string {
  assert.equal(text.split(from).length, 2, `"${from}" occurs exactly once`);
  return text.replace(from, to);
}

/** The resolution with one target changed: the report's plan column (`Trên 60%`) no longer agrees. */
const mutatedResolution = mutate(resolutionText, '- Trên 60% doanh nghiệp', '- Trên 65% doanh nghiệp');

/**
 * A workspace folder with the resolution (as given) and the report, plus copies of the resolution
 * that must not be indexed — under node_modules, in a hidden folder, and in a folder the
 * configuration ignores. Were any of them indexed, the report's link would be ambiguous (same
 * number and date) and the report would get an information diagnostic instead.
 */
function makeWorkspace(resolution: string, config: Record<string, unknown> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'vanban-lsp-ws-'));
  writeFileSync(join(dir, RESOLUTION), resolution);
  copyFileSync(join(FIXTURES, REPORT), join(dir, REPORT));
  for (const folder of ['node_modules/ban-sao', '.luu-tru', 'du-thao']) {
    mkdirSync(join(dir, folder), { recursive: true });
    copyFileSync(join(FIXTURES, RESOLUTION), join(dir, folder, RESOLUTION));
  }
  writeFileSync(join(dir, '.vanbanrc.json'), JSON.stringify({ ignore: ['du-thao/'], ...config }, null, 2));
  return dir;
}

const mismatches = (items: Diagnostic[]) => items.filter((d) => d.code === RULE);

describe('workspace index: a pull client with work-done progress and file watching', { skip }, () => {
  let dir: string;
  let client: LspClient;
  let reportUri: string;
  let resolutionUri: string;

  before(async () => {
    dir = makeWorkspace(mutatedResolution);
    reportUri = pathToFileURL(join(dir, REPORT)).href;
    resolutionUri = pathToFileURL(join(dir, RESOLUTION)).href;
    client = await LspClient.start({ locale: 'vi', workspaceFolder: dir, progress: true, watchedFiles: true });
  });
  after(async () => {
    await client?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** Tells the server a file changed on disk, as the client's watcher would. */
  const touched = (uri: string) =>
    client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri, type: FileChangeType.Changed }] });

  test('the folder is indexed in the background, with work-done progress, skipping what it must', async () => {
    const token = await client.progressTokens.wait(() => true);
    const end = await client.progress.wait((p) => p.token === token && p.value.kind === 'end');
    const kinds = client.progress.all.filter((p) => p.token === token).map((p) => p.value.kind);
    assert.equal(kinds[0], 'begin');
    assert.equal(kinds.at(-1), end.value.kind);
    const begin = client.progress.all.find((p) => p.token === token && p.value.kind === 'begin')!;
    assert.match(begin.value.title ?? '', /^Vanban: lập chỉ mục văn bản$/);
    const ready = await client.indexChanged.wait((e) => !e.indexing);
    // The resolution and the report; not the copies under node_modules, .luu-tru or du-thao/.
    assert.equal(ready.files, 2);
    assert.equal(ready.documents, 2);
    assert.equal(ready.truncated, false);
    const watched = client.registrations.all.find((r) => r.method === DidChangeWatchedFilesNotification.method);
    assert.ok(watched, 'didChangeWatchedFiles registered');
    const globs = (watched.registerOptions as { watchers: { globPattern: string }[] }).watchers.map((w) => w.globPattern);
    assert.deepEqual(globs, ['**/.vanbanrc.json', '**/*.md', '**/*.markdown', '**/*.txt', '**/*.docx']);
  });

  test('a report open alone is checked against its resolution on disk', async () => {
    await client.indexChanged.wait((e) => !e.indexing);
    await client.open(reportUri, reportText);
    const items = (await client.pullFull(reportUri)).items;
    assert.deepEqual(items.map((d) => d.code), [RULE], JSON.stringify(items));
    const [d] = items;
    assert.deepEqual(d!.range, rangeOf(reportText, 'Trên 60%'));
    assert.equal(d!.severity, 2);
    assert.match(d!.message, /Cột "KH 5 năm 2021 - 2025" ghi "Trên 60%" .* Nghị quyết số 07-NQ\/TU là "Trên 65%"/);
    const [related] = d!.relatedInformation!;
    assert.equal(related!.location.uri, resolutionUri);
    assert.deepEqual(related!.location.range.start, positionOf(mutatedResolution, 'Trên 65% doanh nghiệp'));
    assert.match(related!.message, /Chỉ tiêu năm 2025 của Nghị quyết số 07-NQ\/TU: "Trên 65% doanh nghiệp/);
  });

  test('editing the resolution in an open editor re-checks the report', async () => {
    await client.open(resolutionUri, mutatedResolution);
    await client.analyzed.wait((e) => e.uri === resolutionUri);

    // Mended in the editor (not saved): the report agrees again.
    let from = client.refreshes;
    await client.change(resolutionUri, [{ range: rangeOf(client.text(resolutionUri), 'Trên 65%'), text: 'Trên 60%' }]);
    await client.refreshed.wait((n) => n > from);
    assert.deepEqual(mismatches((await client.pullFull(reportUri)).items), []);

    // Another target changed: the report's cell for it, related to the unsaved line.
    from = client.refreshes;
    await client.change(resolutionUri, [{ range: rangeOf(client.text(resolutionUri), '95% hồ sơ'), text: '97% hồ sơ' }]);
    await client.refreshed.wait((n) => n > from);
    const items = mismatches((await client.pullFull(reportUri)).items);
    assert.equal(items.length, 1, JSON.stringify(items));
    assert.deepEqual(items[0]!.range, rangeOf(reportText, '95%'));
    assert.equal(items[0]!.relatedInformation![0]!.location.uri, resolutionUri);
    assert.deepEqual(items[0]!.relatedInformation![0]!.location.range.start, positionOf(client.text(resolutionUri), '97% hồ sơ'));
  });

  test('closing the resolution unsaved, then changing it on disk, re-checks the report each time', async () => {
    // Closed without saving: the file on disk (Trên 65%) counts again.
    let from = client.refreshes;
    await client.close(resolutionUri);
    await client.refreshed.wait((n) => n > from);
    let items = mismatches((await client.pullFull(reportUri)).items);
    assert.deepEqual(items.map((d) => d.range), [rangeOf(reportText, 'Trên 60%')]);

    // Mended on disk; the watcher reports it.
    from = client.refreshes;
    writeFileSync(join(dir, RESOLUTION), resolutionText);
    await touched(resolutionUri);
    await client.refreshed.wait((n) => n > from);
    items = mismatches((await client.pullFull(reportUri)).items);
    assert.deepEqual(items, []);

    // Deleted: the report is checked alone again (and nothing breaks).
    writeFileSync(join(dir, RESOLUTION), mutatedResolution);
    from = client.refreshes;
    await touched(resolutionUri);
    await client.refreshed.wait((n) => n > from);
    assert.equal(mismatches((await client.pullFull(reportUri)).items).length, 1);
    from = client.refreshes;
    rmSync(join(dir, RESOLUTION));
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
      changes: [{ uri: resolutionUri, type: FileChangeType.Deleted }],
    });
    await client.refreshed.wait((n) => n > from);
    assert.deepEqual(mismatches((await client.pullFull(reportUri)).items), []);

    // Created again: linked again.
    writeFileSync(join(dir, RESOLUTION), resolutionText);
    from = client.refreshes;
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
      changes: [{ uri: resolutionUri, type: FileChangeType.Created }],
    });
    await client.refreshed.wait((n) => n > from);
    assert.deepEqual(mismatches((await client.pullFull(reportUri)).items), []);
    // The index notification was sent with the refresh, before the pull's answer.
    assert.deepEqual(client.indexChanged.all.at(-1), { ...client.indexChanged.all.at(-1)!, indexing: false, documents: 2, files: 2 });
  });

  test('vanban/dashboard shows the targets with their results, linking back through the command', async () => {
    const result = await client.connection.sendRequest<{
      html: string;
      indexing: boolean;
      revision: number;
      documents: number;
      targets: number;
    }>('vanban/dashboard', { locale: 'vi', linkCommand: 'vanban.revealLocation' });
    assert.equal(result.indexing, false);
    assert.equal(result.documents, 2);
    assert.equal(result.targets, 8);
    const { html } = result;
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'sha256-[^']+'; img-src data:;/);
    assert.doesNotMatch(html, /<script/i);
    for (const indicator of ['Hồ sơ công việc tại cấp tỉnh được xử lý trên môi trường mạng', 'Doanh nghiệp nhỏ và vừa sử dụng nền tảng số', 'Dân số trưởng thành có tài khoản thanh toán điện tử']) {
      assert.ok(html.includes(indicator), indicator);
    }
    assert.ok(html.includes('Nghị quyết số 07-NQ/TU'));
    assert.ok(html.includes('90,5%'), "the report's 2023 result");
    assert.ok(html.includes(REPORT), 'the linked report is named');

    // Each item's link runs the command with [uri, line, character], 0-based, at the target.
    const hrefs = [...html.matchAll(/href="command:vanban\.revealLocation\?([^"]+)"/g)].map((m) => JSON.parse(decodeURIComponent(m[1]!.replace(/&amp;/g, '&'))));
    const target = positionOf(resolutionText, '95% hồ sơ');
    assert.ok(
      hrefs.some(([uri, line, character]) => uri === resolutionUri && line === target.line && character === target.character),
      JSON.stringify(hrefs.slice(0, 4)),
    );
    const result2023 = positionOf(reportText, '90,5%');
    assert.ok(hrefs.some(([uri, line, character]) => uri === reportUri && line === result2023.line && character === result2023.character));

    // Without a command: the CLI's links.
    const plain = await client.connection.sendRequest<{ html: string }>('vanban/dashboard', { locale: 'en' });
    assert.match(plain.html, /<html lang="en">/);
    assert.ok(plain.html.includes(`href="vscode://file${new URL(resolutionUri).pathname}:${target.line + 1}:${target.character + 1}"`));
  });
});

describe('workspace index: a push client without progress or file watching', { skip }, () => {
  let dir: string;
  let client: LspClient;

  before(async () => {
    dir = makeWorkspace(mutatedResolution);
    client = await LspClient.start({ locale: 'en', pull: false, workspaceFolder: dir });
  });
  after(async () => {
    await client?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('the report open alone gets the mismatch published; an edit of the open resolution re-publishes it', async () => {
    const reportUri = pathToFileURL(join(dir, REPORT)).href;
    const resolutionUri = pathToFileURL(join(dir, RESOLUTION)).href;
    await client.open(reportUri, reportText);
    const published = await client.published.wait((p) => p.uri === reportUri && mismatches(p.diagnostics).length === 1);
    assert.match(mismatches(published.diagnostics)[0]!.message, /Column "KH 5 năm 2021 - 2025" states "Trên 60%"/);
    assert.equal(mismatches(published.diagnostics)[0]!.relatedInformation![0]!.location.uri, resolutionUri);

    await client.open(resolutionUri, mutatedResolution);
    const from = client.published.all.length;
    await client.change(resolutionUri, [{ range: rangeOf(mutatedResolution, 'Trên 65%'), text: 'Trên 60%' }]);
    await client.published.wait((p) => p.uri === reportUri && mismatches(p.diagnostics).length === 0, from);
  });

  test('no progress is created and no watcher registered when the client cannot take them', async () => {
    await client.indexChanged.wait((e) => !e.indexing);
    assert.deepEqual(client.progressTokens.all, []);
    assert.deepEqual(client.progress.all, []);
    assert.deepEqual(client.registrations.all.filter((r) => r.method === DidChangeWatchedFilesNotification.method), []);
  });
});

describe('workspace index limits', { skip }, () => {
  test('files over the size limit are skipped with a log line', async () => {
    const dir = makeWorkspace(mutatedResolution, { maxFileSize: 2500 });
    const client = await LspClient.start({ locale: 'vi', workspaceFolder: dir });
    try {
      const logged = await client.logs.wait((m) => m.includes('workspace index: skipped') && m.includes(RESOLUTION));
      assert.match(logged, /over the limit of 2500 bytes/);
      const ready = await client.indexChanged.wait((e) => !e.indexing);
      assert.equal(ready.documents, 1);
      const reportUri = pathToFileURL(join(dir, REPORT)).href;
      await client.open(reportUri, reportText);
      assert.deepEqual(mismatches((await client.pullFull(reportUri)).items), []);
    } finally {
      await client.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('the walk stops at vanban.index.maxFiles, and says so', async () => {
    const dir = makeWorkspace(mutatedResolution);
    const client = await LspClient.start({ locale: 'vi', workspaceFolder: dir, initializationOptions: { settings: { index: { maxFiles: 1 } } } });
    try {
      const ready = await client.indexChanged.wait((e) => !e.indexing);
      assert.equal(ready.truncated, true);
      assert.equal(ready.files, 1);
      await client.logs.wait((m) => m.includes('stopped at 1 files (vanban.index.maxFiles)'));
    } finally {
      await client.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
