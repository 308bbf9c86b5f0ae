// Diagnostics over the real protocol: pulled (VS Code's model) and pushed (Neovim 0.7's), with
// exact ranges, codes, doc links, related locations, locales, settings and inline suppression.

import assert from 'node:assert/strict';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { DidChangeConfigurationNotification, type Diagnostic } from 'vscode-languageserver-protocol/node.js';
import { fixture, repoRoot } from '../helpers.js';
import { fixtureUri, LspClient, rangeOf, SERVER_ABSENT, serverBuilt } from './client.js';

const skip = serverBuilt ? false : SERVER_ABSENT;
const docHref = (ruleId: string) => pathToFileURL(join(repoRoot, 'docs/rules', `${ruleId}.md`)).href;

/** The parts of a diagnostic a test pins: code, range, severity, link, source. */
function shape(d: Diagnostic) {
  return { code: d.code, range: d.range, severity: d.severity, href: d.codeDescription?.href, source: d.source };
}

const FIVE_G = 'Phổ cập dịch vụ mạng di động 5G';
const PAPERLESS = '100% văn bản được trao đổi qua môi trường mạng';

describe('pull diagnostics', { skip }, () => {
  let client: LspClient;
  before(async () => {
    client = await LspClient.start({ locale: 'vi' });
  });
  after(async () => {
    await client?.stop();
  });

  test('a qualitative target is reported for its missing value, at the target, with its doc link', async () => {
    const uri = fixtureUri('nghi-quyet.md');
    const text = fixture('lsp/nghi-quyet.md');
    await client.open(uri, text);
    const report = await client.pullFull(uri);
    assert.deepEqual(report.items.map(shape), [
      { code: 'target-value', range: rangeOf(text, FIVE_G), severity: 2, href: docHref('target-value'), source: 'vanban' },
    ]);
    assert.match(report.items[0]!.message, /Phổ cập dịch vụ mạng di động 5G/);
    assert.deepEqual(report.items[0]!.data, { version: 1 });
    await client.close(uri);
  });

  test('a target under a heading with neither year nor pillar gets both findings', async () => {
    const uri = fixtureUri('thieu-nam.md');
    const text = fixture('lsp/thieu-nam.md');
    await client.open(uri, text);
    const report = await client.pullFull(uri);
    const range = rangeOf(text, PAPERLESS);
    assert.deepEqual(report.items.map(shape), [
      { code: 'target-pillar', range, severity: 2, href: docHref('target-pillar'), source: 'vanban' },
      { code: 'target-year', range, severity: 2, href: docHref('target-year'), source: 'vanban' },
    ]);
    await client.close(uri);
  });

  test('an incremental edit that states the year removes target-year and moves target-pillar', async () => {
    const uri = fixtureUri('thieu-nam.md');
    const text = fixture('lsp/thieu-nam.md');
    await client.open(uri, text);
    await client.pullFull(uri);
    const end = rangeOf(text, PAPERLESS).end;
    const version = await client.change(uri, [{ range: { start: end, end }, text: ' đến năm 2025' }]);
    const report = await client.pullFull(uri);
    assert.equal(report.resultId?.split('.')[0], String(version));
    assert.deepEqual(report.items.map((d) => [d.code, d.range]), [
      ['target-pillar', rangeOf(client.text(uri), `${PAPERLESS} đến năm 2025`)],
    ]);
    await client.close(uri);
  });

  test('a weaker 2030 target points at the 2025 target it regresses from', async () => {
    const uri = fixtureUri('dinh-huong.md');
    const text = fixture('lsp/dinh-huong.md');
    await client.open(uri, text);
    const report = await client.pullFull(uri);
    const later = 'Trên 60% hồ sơ công việc cấp xã được xử lý trên môi trường mạng';
    const earlier = 'Trên 80% hồ sơ công việc cấp xã được xử lý trên môi trường mạng';
    assert.deepEqual(report.items.map(shape), [
      { code: 'target-regression', range: rangeOf(text, later), severity: 2, href: docHref('target-regression'), source: 'vanban' },
    ]);
    const related = report.items[0]!.relatedInformation ?? [];
    assert.equal(related.length, 1);
    assert.deepEqual(related[0]!.location, { uri, range: rangeOf(text, earlier) });
    assert.match(related[0]!.message, /2025/);
    await client.close(uri);
  });

  test('a report that names a missing appendix is told so at the reference', async () => {
    const uri = fixtureUri('bao-cao.md');
    const text = fixture('lsp/bao-cao.md');
    await client.open(uri, text);
    const report = await client.pullFull(uri);
    assert.deepEqual(report.items.map((d) => [d.code, d.range]), [['footnote-reference', rangeOf(text, 'Phụ lục 05')]]);
    await client.close(uri);
  });

  test('inline comments suppress a finding, and an unknown rule id in them is reported', async () => {
    const uri = 'untitled:nghi-quyet-suppressed.md';
    const text = fixture('lsp/nghi-quyet.md').replace(`- ${FIVE_G}`, `<!-- vanban-disable-next-line target-value -->\n- ${FIVE_G}`);
    await client.open(uri, text);
    assert.deepEqual((await client.pullFull(uri)).items, []);
    await client.close(uri);

    const typo = fixture('lsp/nghi-quyet.md').replace(`- ${FIVE_G}`, `<!-- vanban-disable-next-line target-valeu -->\n- ${FIVE_G}`);
    await client.open(uri, typo);
    const codes = (await client.pullFull(uri)).items.map((d) => [d.code, d.range]);
    assert.deepEqual(codes, [
      ['inline-config', rangeOf(typo, 'target-valeu')],
      ['target-value', rangeOf(typo, FIVE_G)],
    ]);
    await client.close(uri);
  });
});

describe('locale', { skip }, () => {
  const uri = fixtureUri('thieu-nam.md');
  const text = fixture('lsp/thieu-nam.md');

  async function messages(options: Parameters<typeof LspClient.start>[0]): Promise<string[]> {
    const client = await LspClient.start(options);
    try {
      await client.open(uri, text);
      return (await client.pullFull(uri)).items.map((d) => d.message);
    } finally {
      await client.stop();
    }
  }

  test('a Vietnamese client gets Vietnamese messages, another gets English', async () => {
    const vi = await messages({ locale: 'vi-VN' });
    const en = await messages({ locale: 'en-US' });
    assert.equal(vi.length, 2);
    assert.match(vi[1]!, /^Chỉ tiêu "100% văn bản .*" chưa có năm đạt được/);
    assert.match(en[1]!, /^Target "100% văn bản .*" has no year/);
  });

  test('the vanban.locale setting overrides the client locale', async () => {
    const en = await messages({ locale: 'vi', settings: { locale: 'en' } });
    const vi = await messages({ locale: 'en', settings: { locale: 'vi' } });
    assert.match(en[1]!, /has no year/);
    assert.match(vi[1]!, /chưa có năm đạt được/);
  });
});

describe('settings', { skip }, () => {
  test('vanban.rules sets severities; a change is refreshed without reopening', async () => {
    const client = await LspClient.start({ locale: 'vi', settings: { rules: { 'target-value': 'error' } } });
    try {
      const uri = fixtureUri('nghi-quyet.md');
      await client.open(uri, fixture('lsp/nghi-quyet.md'));
      const before = await client.pullFull(uri);
      assert.deepEqual(before.items.map((d) => [d.code, d.severity]), [['target-value', 1]]);
      assert.ok(client.configurationRequests.length > 0, 'settings were asked for with workspace/configuration');

      client.settings = { rules: { 'target-value': 'off' } };
      const refreshes = client.refreshes;
      const analysed = client.analyzed.all.length;
      await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
      await client.analyzed.wait((e) => e.uri === uri, analysed);
      assert.equal(client.refreshes, refreshes + 1, 'the client is asked to re-pull');
      const afterChange = await client.pullFull(uri);
      assert.deepEqual(afterChange.items, []);
      assert.notEqual(afterChange.resultId, before.resultId);
    } finally {
      await client.stop();
    }
  });

  test('vanban.enable = false silences the server', async () => {
    const client = await LspClient.start({ locale: 'vi', settings: { enable: false } });
    try {
      const uri = fixtureUri('nghi-quyet.md');
      await client.open(uri, fixture('lsp/nghi-quyet.md'));
      assert.deepEqual((await client.pullFull(uri)).items, []);
    } finally {
      await client.stop();
    }
  });
});

describe('push diagnostics (a client without pull support)', { skip }, () => {
  let client: LspClient;
  before(async () => {
    client = await LspClient.start({ locale: 'en', pull: false });
  });
  after(async () => {
    await client?.stop();
  });

  test('no diagnostic provider is advertised', () => {
    assert.equal(client.initializeResult.capabilities.diagnosticProvider, undefined);
  });

  test('open, change and close each publish, tagged with the document version', async () => {
    const uri = fixtureUri('thieu-nam.md');
    const text = fixture('lsp/thieu-nam.md');
    await client.open(uri, text);
    const opened = await client.published.wait((p) => p.uri === uri && p.version === 1);
    assert.deepEqual(opened.diagnostics.map((d) => [d.code, d.range]), [
      ['target-pillar', rangeOf(text, PAPERLESS)],
      ['target-year', rangeOf(text, PAPERLESS)],
    ]);
    assert.match(opened.diagnostics[1]!.message, /has no year/);

    const version = await client.change(uri, [{ range: rangeOf(text, PAPERLESS), text: `Chính quyền số: ${PAPERLESS} đến năm 2025` }]);
    const changed = await client.published.wait((p) => p.uri === uri && p.version === version);
    assert.deepEqual(changed.diagnostics, []);

    const from = client.published.all.length;
    await client.close(uri);
    const closed = await client.published.wait((p) => p.uri === uri, from);
    assert.deepEqual(closed.diagnostics, []);
  });
});
