// The server's life over the real protocol: capabilities, open/change/close, cancellation, a burst
// of edits, and a handler exception that costs one answer but not the session.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  CancellationTokenSource,
  CodeActionRequest,
  CodeLensRequest,
  CompletionRequest,
  DocumentSymbolRequest,
  FoldingRangeRequest,
  HoverRequest,
  LSPErrorCodes,
  type ResponseError,
} from 'vscode-languageserver-protocol/node.js';
import { fixture } from '../helpers.js';
import { fixtureUri, LspClient, SERVER_ABSENT, serverBuilt } from './client.js';

const skip = serverBuilt ? false : SERVER_ABSENT;

describe('lsp lifecycle', { skip }, () => {
  let client: LspClient;
  before(async () => {
    // A long debounce keeps the burst and the cancellation independent of the machine's speed.
    client = await LspClient.start({ locale: 'vi', initializationOptions: { settings: { debounce: 1000 } } });
  });
  after(async () => {
    await client?.stop();
  });

  test('initialize advertises the features and incremental sync', () => {
    const caps = client.initializeResult.capabilities;
    assert.deepEqual(caps.textDocumentSync, { openClose: true, change: 2 });
    assert.deepEqual(caps.diagnosticProvider, { identifier: 'vanban', interFileDependencies: false, workspaceDiagnostics: false });
    assert.deepEqual(caps.codeActionProvider, { codeActionKinds: ['quickfix', 'source.fixAll.vanban'] });
    assert.equal(caps.hoverProvider, true);
    assert.ok(caps.documentSymbolProvider);
    assert.equal(caps.foldingRangeProvider, true);
    assert.ok(caps.completionProvider);
    assert.ok(caps.codeLensProvider);
    assert.equal(client.initializeResult.serverInfo?.name, 'vanban-ls');
  });

  test('a pull for a document that is not open answers an empty report', async () => {
    const report = await client.pullFull('file:///nowhere/khong-mo.md');
    assert.deepEqual(report.items, []);
  });

  test('a document that is not a policy document gets no diagnostics', async () => {
    const uri = 'untitled:ghi-chu.md';
    await client.open(uri, '# Ghi chú họp\n\n- 100% thành viên có mặt.\n');
    const report = await client.pullFull(uri);
    assert.deepEqual(report.items, []);
    await client.close(uri);
  });

  test('an unchanged document answers `unchanged` for its previous result id', async () => {
    const uri = 'untitled:nghi-quyet-unchanged.md';
    await client.open(uri, fixture('lsp/nghi-quyet.md'));
    const first = await client.pullFull(uri);
    assert.ok(first.resultId);
    const second = await client.pull(uri, first.resultId);
    assert.equal(second.kind, 'unchanged');
    await client.close(uri);
  });

  test('a cancelled pull answers RequestCancelled', async () => {
    const uri = 'untitled:nghi-quyet-cancel.md';
    await client.open(uri, fixture('lsp/nghi-quyet.md'));
    await client.analyzed.wait((e) => e.uri === uri);
    // The edit starts a debounce; the pull must wait for it, and is cancelled meanwhile.
    await client.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: ' ' }]);
    const source = new CancellationTokenSource();
    const pending = client.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } }, source.token);
    source.cancel();
    await assert.rejects(pending, (error: ResponseError<unknown>) => error.code === LSPErrorCodes.RequestCancelled);
    // The server still answers, for the newest version.
    const report = await client.pullFull(uri);
    assert.equal(report.resultId?.split('.')[0], '2');
    await client.close(uri);
  });

  test('a burst of 100 edits is analysed once, at its last version', async () => {
    const uri = fixtureUri('burst.md');
    await client.open(uri, fixture('lsp/nghi-quyet.md'));
    const opened = await client.analyzed.wait((e) => e.uri === uri);
    assert.equal(opened.version, 1);
    const from = client.analyzed.all.length;
    const line = client.document(uri).lineCount - 1;
    const sends: Promise<number>[] = [];
    for (let i = 0; i < 100; i++) {
      sends.push(client.change(uri, [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: 'x' }]));
    }
    const versions = await Promise.all(sends);
    const last = versions[versions.length - 1]!;
    assert.equal(last, 101);
    // A pull waits for the settled version: its answer is for version 101.
    const report = await client.pullFull(uri);
    assert.equal(report.resultId?.split('.')[0], String(last));
    const events = client.analyzed.all.slice(from).filter((e) => e.uri === uri);
    assert.deepEqual(
      events.map((e) => e.version),
      [last],
      'exactly one analysis after the burst, of the last version',
    );
    assert.equal(events[0]!.count, 2, 'two analyses in all: the open and the settled burst');
    await client.close(uri);
  });

  test('an exception in a handler is logged, answered empty, and the server keeps answering', async () => {
    const uri = 'untitled:nghi-quyet-throw.md';
    await client.open(uri, fixture('lsp/nghi-quyet.md'));
    // A hover without a position makes the handler throw inside the server.
    const answer = await client.connection.sendRequest(HoverRequest.method, { textDocument: { uri } });
    assert.equal(answer, null);
    const logged = await client.logs.wait((m) => m.startsWith('hover failed'));
    assert.match(logged, /TypeError/);
    const report = await client.pullFull(uri);
    assert.ok(report.resultId, 'diagnostics still answered');
    await client.close(uri);
  });

  test('odd input and odd requests get answers, never a crash', async () => {
    const resolution = fixture('lsp/nghi-quyet.md');
    const texts = [
      '',
      '\uFEFF**NGHỊ QUYẾT**\r\r**II. MỤC TIÊU**\r- 100%',
      'NGHỊ QUYẾT\n' + '\uD800 lẻ \uDC00\u0000\u0007'.repeat(50),
      'BÁO CÁO\n' + '|'.repeat(5000) + '\n' + '\t'.repeat(3000),
      resolution.normalize('NFD'),
      resolution.replace(/\n/g, '\r\n').slice(0, 777),
      'NGHỊ QUYẾT\n' + '2.'.repeat(4000) + ' Mục tiêu ' + '9'.repeat(400) + '%',
    ];
    for (const [i, text] of texts.entries()) {
      const uri = `untitled:la-${i}.md`;
      await client.open(uri, text);
      const textDocument = { uri };
      const far = { line: 99_999, character: 99_999 };
      const answers = await Promise.all([
        client.pull(uri),
        client.connection.sendRequest(HoverRequest.type, { textDocument, position: { line: 0, character: 0 } }),
        client.connection.sendRequest(HoverRequest.type, { textDocument, position: far }),
        client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument }),
        client.connection.sendRequest(FoldingRangeRequest.type, { textDocument }),
        client.connection.sendRequest(CompletionRequest.type, { textDocument, position: far }),
        client.connection.sendRequest(CodeLensRequest.type, { textDocument }),
        client.connection.sendRequest(CodeActionRequest.type, {
          textDocument,
          range: { start: far, end: far },
          context: {
            diagnostics: [
              { range: { start: far, end: far }, message: '?', source: 'vanban', code: 'target-year', data: null },
              { range: { start: far, end: far }, message: '?', source: 'vanban', code: 42 },
            ],
          },
        }),
        client.connection.sendRequest('vanban/targets', { uri }),
      ]);
      assert.equal(answers.length, 9, `document ${i}`);
      await client.close(uri);
    }
    assert.deepEqual(
      client.logs.all.filter((m) => /failed/.test(m) && !m.startsWith('hover failed: TypeError: Cannot read properties of undefined')),
      [],
      'no handler failed on odd input',
    );
  });
});
