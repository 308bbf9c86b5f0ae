// A report whose model the server dropped (more documents open than it keeps models of) answers
// exactly as before it was dropped — diagnostics, hover, code actions, symbols, code lenses — and
// is still re-checked when its resolution is edited in the editor (the workspace index links it
// through what it keeps of it), and still shows its results on the dashboard.

import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import {
  CodeActionRequest,
  CodeLensRequest,
  DocumentSymbolRequest,
  HoverRequest,
  type Diagnostic,
} from 'vscode-languageserver-protocol/node.js';
import { FULL_MODELS } from '../../server/src/lsp/analyses.js';
import { fixturesDir } from '../helpers.js';
import { LspClient, positionOf, rangeOf, SERVER_ABSENT, serverBuilt } from './client.js';

const skip = serverBuilt ? false : SERVER_ABSENT;
const FIXTURES = join(fixturesDir, 'workspace-lsp');
const RESOLUTION = 'nghi-quyet-song-lam.md';
const REPORT = 'bao-cao-song-lam-2023.md';
const reportText = readFileSync(join(FIXTURES, REPORT), 'utf8');
const resolutionText = readFileSync(join(FIXTURES, RESOLUTION), 'utf8');

/** A small resolution with no number: never a candidate the report's citation could pick. */
function filler(i: number): string {
  return [
    'NGHỊ QUYẾT', '', 'I- MỤC TIÊU', '', '1. Mục tiêu cụ thể đến năm 2025', '', 'a) Phát triển xã hội số', '',
    `- ${40 + i}% hộ gia đình có Internet cáp quang.`, '',
  ].join('\n');
}

const mismatches = (items: Diagnostic[]) => items.filter((d) => d.code === 'resolution-mismatch');

describe('lsp: a document whose model was dropped', { skip }, () => {
  let dir: string;
  let client: LspClient;
  let reportUri: string;
  let resolutionUri: string;
  const fillers = Array.from({ length: FULL_MODELS + 2 }, (_, i) => `file:///du-phong/nq-${i}.md`);

  /** Uses more documents than the server keeps models of: the report's and the resolution's are dropped. */
  async function evict(): Promise<void> {
    for (const uri of fillers) {
      await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } });
    }
  }

  /** The documents whose text the server holds as UTF-8 (server/src/lsp/documents.ts). */
  async function packed(): Promise<string[]> {
    return (await client.connection.sendRequest<{ packed: string[] }>('vanban/_memory', {})).packed;
  }

  /** What the features answer for the report now. */
  async function answers() {
    const items = (await client.pullFull(reportUri)).items;
    const at = (needle: string) => ({ textDocument: { uri: reportUri }, position: positionOf(reportText, needle, 1) });
    return {
      items,
      hoverCell: await client.connection.sendRequest(HoverRequest.type, at('90,5%')),
      hoverPlan: await client.connection.sendRequest(HoverRequest.type, at('95%')),
      actions: await client.connection.sendRequest(CodeActionRequest.type, {
        textDocument: { uri: reportUri },
        range: items[0]!.range,
        context: { diagnostics: items },
      }),
      symbols: await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: reportUri } }),
      lenses: await client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri: reportUri } }),
    };
  }

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'vanban-lsp-evict-'));
    copyFileSync(join(FIXTURES, RESOLUTION), join(dir, RESOLUTION));
    copyFileSync(join(FIXTURES, REPORT), join(dir, REPORT));
    reportUri = pathToFileURL(join(dir, REPORT)).href;
    resolutionUri = pathToFileURL(join(dir, RESOLUTION)).href;
    client = await LspClient.start({
      locale: 'vi',
      workspaceFolder: dir,
      initializationOptions: { settings: { debounce: 0 } },
      env: { VANBAN_LSP_PROBE: '1' },
    });
    await client.indexChanged.wait((e) => !e.indexing);
    for (const [i, uri] of fillers.entries()) await client.open(uri, filler(i));
    await client.open(reportUri, reportText);
    await client.open(resolutionUri, resolutionText);
    await client.pullFull(resolutionUri);
  });
  after(async () => {
    await client?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('answers the same after its model was dropped', async () => {
    // The resolution edited in the editor: the report disagrees with it on one cell.
    const from = client.refreshes;
    await client.change(resolutionUri, [{ range: rangeOf(client.text(resolutionUri), '95% hồ sơ'), text: '97% hồ sơ' }]);
    await client.refreshed.wait((n) => n > from);
    const kept = await answers();
    assert.equal(mismatches(kept.items).length, 1, JSON.stringify(kept.items));
    assert.ok(kept.hoverCell && kept.hoverPlan && kept.symbols && kept.lenses);
    assert.ok(kept.actions && kept.actions.length > 0);

    await evict();
    // Dormant: the report's text is packed (the index keeps only its link summary), the
    // resolution's is not (the index keeps its model, text included).
    assert.ok((await packed()).includes(reportUri));
    assert.ok(!(await packed()).includes(resolutionUri));
    const analysed = client.analyzed.all.length;
    const again = await answers();
    assert.deepEqual(again, kept);
    // Answered from the findings kept and a model parsed again, not from a new analysis.
    assert.equal(client.analyzed.all.length, analysed);
  });

  test('edits to it while its text is packed land where the client put them', async () => {
    const kept = await answers();
    await evict();
    assert.ok((await packed()).includes(reportUri));
    await client.change(reportUri, [{ range: rangeOf(reportText, '90,5%'), text: '91,5%' }]);
    const edited = await client.pullFull(reportUri);
    assert.equal(client.text(reportUri), reportText.replace('90,5%', '91,5%'));
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: reportUri }, position: positionOf(client.text(reportUri), '91,5%', 1) });
    assert.match(JSON.stringify(hover), /91,5/);
    assert.notDeepEqual(edited.items, kept.items);
    // Edited back while packed again: the same answers as before, but for the version numbers.
    await evict();
    await client.change(reportUri, [{ range: rangeOf(client.text(reportUri), '91,5%'), text: '90,5%' }]);
    await evict();
    const versionless = (value: unknown) => JSON.parse(JSON.stringify(value).replace(/"version":\d+/g, '"version":0'));
    assert.deepEqual(versionless(await answers()), versionless(kept));
  });

  test('is re-checked through the workspace index when its resolution is edited', async () => {
    await evict();
    const from = client.refreshes;
    await client.change(resolutionUri, [{ range: rangeOf(client.text(resolutionUri), '97% hồ sơ'), text: '95% hồ sơ' }]);
    await client.refreshed.wait((n) => n > from);
    assert.deepEqual(mismatches((await client.pullFull(reportUri)).items), []);

    await evict();
    const from2 = client.refreshes;
    await client.change(resolutionUri, [{ range: rangeOf(client.text(resolutionUri), '95% hồ sơ'), text: '98% hồ sơ' }]);
    await client.refreshed.wait((n) => n > from2);
    const items = mismatches((await client.pullFull(reportUri)).items);
    assert.equal(items.length, 1, JSON.stringify(items));
    assert.deepEqual(items[0]!.range, rangeOf(reportText, '95%'));
    assert.deepEqual(items[0]!.relatedInformation![0]!.location.range.start, positionOf(client.text(resolutionUri), '98% hồ sơ'));
  });

  test('still shows its results on the dashboard', async () => {
    await evict();
    const { html } = await client.connection.sendRequest<{ html: string }>('vanban/dashboard', { locale: 'vi' });
    assert.ok(html.includes('90,5%'), "the report's 2023 result");
    assert.ok(html.includes(REPORT), 'the linked report is named');
    const failures = client.logs.all.filter((l) => /failed|does not keep|dropped/.test(l));
    assert.deepEqual(failures, []);
  });
});
