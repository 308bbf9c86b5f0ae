// `.vanbanrc.json` in the editor: its severities and ignores apply, a broken file is shown as
// diagnostics on that file (the documents fall back to the defaults), and a change is picked up.

import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { DidChangeWatchedFilesNotification, FileChangeType } from 'vscode-languageserver-protocol/node.js';
import { fixture } from '../helpers.js';
import { LspClient, rangeOf, SERVER_ABSENT, serverBuilt } from './client.js';

const skip = serverBuilt ? false : SERVER_ABSENT;

describe('.vanbanrc.json', { skip }, () => {
  let dir: string;
  let client: LspClient;
  let configUri: string;
  const text = fixture('lsp/nghi-quyet.md');

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'vanban-lsp-config-'));
    configUri = pathToFileURL(join(dir, '.vanbanrc.json')).href;
    client = await LspClient.start({ locale: 'en', workspaceFolder: dir });
  });
  after(async () => {
    await client?.stop();
    rmSync(dir, { recursive: true, force: true });
  });


  test('its rule severities apply to the documents below it', async () => {
    writeFileSync(join(dir, '.vanbanrc.json'), '{\n  // chỉ tiêu định tính là lỗi\n  "rules": { "target-value": "error" }\n}\n');
    const uri = pathToFileURL(join(dir, 'nq.md')).href;
    await client.open(uri, text);
    const report = await client.pullFull(uri);
    assert.deepEqual(report.items.map((d) => [d.code, d.severity]), [['target-value', 1]]);
  });

  test('a broken file is reported on the file, with the key, and the documents use the defaults', async () => {
    const uri = pathToFileURL(join(dir, 'nq.md')).href;
    const from = client.published.all.length;
    const broken = '{\n  "rules": {\n    "target-value": "loud"\n  }\n}\n';
    writeFileSync(join(dir, '.vanbanrc.json'), broken);
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
      changes: [{ uri: configUri, type: FileChangeType.Changed }],
    });
    const published = await client.published.wait((p) => p.uri === configUri && p.diagnostics.length > 0, from);
    assert.equal(published.diagnostics.length, 1);
    const [problem] = published.diagnostics;
    assert.equal(problem!.severity, 1);
    assert.equal(problem!.range.start.line, rangeOf(broken, '"loud"').start.line);
    assert.match(problem!.message, /^rules\.target-value: /);
    const report = await client.pullFull(uri);
    assert.deepEqual(report.items.map((d) => [d.code, d.severity]), [['target-value', 2]]);

    // Mended: the problems are withdrawn.
    const mended = client.published.all.length;
    writeFileSync(join(dir, '.vanbanrc.json'), '{ "rules": { "target-value": "hint" } }\n');
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
      changes: [{ uri: configUri, type: FileChangeType.Changed }],
    });
    const cleared = await client.published.wait((p) => p.uri === configUri, mended);
    assert.deepEqual(cleared.diagnostics, []);
    assert.deepEqual((await client.pullFull(uri)).items.map((d) => [d.code, d.severity]), [['target-value', 4]]);
  });

  test('a document the file ignores is not checked', async () => {
    writeFileSync(join(dir, '.vanbanrc.json'), '{ "ignore": ["nhap/"] }\n');
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
      changes: [{ uri: configUri, type: FileChangeType.Changed }],
    });
    const uri = pathToFileURL(join(dir, 'nhap', 'nq.md')).href;
    await client.open(uri, text);
    assert.deepEqual((await client.pullFull(uri)).items, []);
    const kept = pathToFileURL(join(dir, 'nq.md')).href;
    assert.deepEqual((await client.pullFull(kept)).items.map((d) => d.code), ['target-value']);
  });
});
