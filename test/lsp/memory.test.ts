// Many open documents: only the most recently used keep their full model; the others answer
// diagnostics from their findings and features from a model parsed again on demand.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DocumentSymbolRequest, HoverRequest, type MarkupContent } from 'vscode-languageserver-protocol/node.js';
import { FULL_MODELS } from '../../server/src/lsp/analyses.js';
import { LspClient, positionOf, SERVER_ABSENT, serverBuilt } from './client.js';

const skip = serverBuilt ? false : SERVER_ABSENT;

function resolution(i: number): string {
  return [
    'NGHỊ QUYẾT', '', 'I- MỤC TIÊU', '', '1. Mục tiêu cụ thể đến năm 2025', '', 'a) Phát triển xã hội số', '',
    `- ${40 + i}% hộ gia đình có Internet cáp quang.`, '- Phổ cập dịch vụ mạng di động 5G.', '',
  ].join('\n');
}

describe('lsp with more open documents than full models', { skip }, () => {
  let client: LspClient;
  const count = FULL_MODELS + 8;
  const uris = Array.from({ length: count }, (_, i) => `file:///bo-nho/nq-${i}.md`);
  before(async () => {
    client = await LspClient.start({ locale: 'vi', initializationOptions: { settings: { debounce: 0 } } });
    for (let i = 0; i < count; i++) await client.open(uris[i]!, resolution(i));
    // Every document analysed: diagnostics come from the findings whatever the model's state.
    for (const uri of uris) {
      const report = await client.pull(uri);
      assert.equal(report.kind, 'full');
      assert.ok((report as { items: { code?: unknown }[] }).items.some((d) => d.code === 'target-value'));
    }
  });
  after(async () => {
    await client?.stop();
  });

  test('the least recently used document still answers hover and symbols', async () => {
    const text = resolution(0);
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: uris[0]! }, position: positionOf(text, '40%', 1) });
    assert.match((hover!.contents as MarkupContent).value, /Giá trị: `40%`/);
    const symbols = await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: uris[0]! } });
    assert.ok(symbols && symbols.length > 0);
    // And its diagnostics are unchanged after the model came back.
    const first = await client.pull(uris[1]!);
    const again = await client.pull(uris[0]!);
    const codes = (r: unknown) => (r as { items: { code?: unknown }[] }).items.map((d) => d.code).sort();
    assert.deepEqual(codes(again), codes(first));
  });
});
