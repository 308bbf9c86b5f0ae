// Issue 16, points 12 and 13: the language server answers every message, and one document it
// cannot analyse costs that document one diagnostic, not the workspace. Raw JSON-RPC over the
// server's standard input for what a well-behaved client library cannot send.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, describe, test } from 'node:test';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import { fixturesDir, repoRoot, serverPath } from '../helpers.js';
import { LspClient, SERVER_ABSENT, serverBuilt } from './client.js';

interface Reply {
  id: number | string | null;
  result?: unknown;
  error?: { code: number; message: string };
}

/** The server spoken to byte by byte: frames written as given, replies collected by id. */
class RawServer {
  private buffer = Buffer.alloc(0);
  private readonly replies: Reply[] = [];
  private waiters: (() => void)[] = [];
  stderr = '';

  constructor(readonly child: ChildProcess) {
    child.stdout!.on('data', (chunk: Buffer) => {
      this.buffer = Buffer.concat([this.buffer, chunk]);
      for (;;) {
        const end = this.buffer.indexOf('\r\n\r\n');
        if (end < 0) break;
        const length = Number(/Content-Length: (\d+)/i.exec(this.buffer.subarray(0, end).toString())![1]);
        if (this.buffer.length < end + 4 + length) break;
        const message = JSON.parse(this.buffer.subarray(end + 4, end + 4 + length).toString('utf8')) as Reply & { method?: string };
        this.buffer = this.buffer.subarray(end + 4 + length);
        if (message.method === undefined) this.replies.push(message);
        for (const w of this.waiters.splice(0)) w();
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
  }

  static start(): RawServer {
    const server = new RawServer(spawn(process.execPath, [serverPath, '--stdio'], { cwd: repoRoot, stdio: ['pipe', 'pipe', 'pipe'] }));
    after(() => server.child.kill());
    return server;
  }

  /** Writes `body` framed with `length` (its true length unless given). */
  send(body: unknown, length?: number): void {
    const bytes = Buffer.from(typeof body === 'string' ? body : JSON.stringify(body), 'utf8');
    this.child.stdin!.write(Buffer.concat([Buffer.from(`Content-Length: ${length ?? bytes.length}\r\n\r\n`), bytes]));
  }

  request(id: number, method: string, params: unknown = {}): void {
    this.send({ jsonrpc: '2.0', id, method, params });
  }

  async reply(id: number | string | null, timeoutMs = 20_000): Promise<Reply> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.replies.find((r) => r.id === id);
      if (found) return found;
      const left = deadline - Date.now();
      assert.ok(left > 0, `no reply to ${String(id)} within ${timeoutMs} ms; stderr: ${this.stderr}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  async initialize(): Promise<void> {
    this.request(1, 'initialize', { processId: null, rootUri: null, capabilities: {} });
    assert.ok((await this.reply(1)).result);
    this.send({ jsonrpc: '2.0', method: 'initialized', params: {} });
  }
}

const INVALID_REQUEST = -32600;
const SERVER_NOT_INITIALIZED = -32002;

describe('the language server answers every message (issue 16, point 12)', { skip: !serverBuilt && SERVER_ABSENT }, () => {
  test('a request whose method is not a string is answered InvalidRequest', async () => {
    const server = RawServer.start();
    await server.initialize();
    server.send({ jsonrpc: '2.0', id: 7, method: 42, params: {} });
    assert.equal((await server.reply(7)).error?.code, INVALID_REQUEST);
    server.request(8, 'shutdown');
    assert.equal((await server.reply(8)).result, null, 'and the server goes on');
  });

  test('after too short a Content-Length the server resynchronises and answers the next request', async () => {
    const server = RawServer.start();
    await server.initialize();
    const body = JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'textDocument/hover', params: {} });
    server.send(body, body.length - 10);
    server.request(3, 'shutdown');
    assert.equal((await server.reply(3)).result, null);
    assert.match(server.stderr, /resynchronised/);
  });

  test('after too long a Content-Length the server resynchronises and answers the next request', async () => {
    const server = RawServer.start();
    await server.initialize();
    server.send({ jsonrpc: '2.0', method: '$/setTrace', params: { value: 'off' } }, 10_000);
    server.request(4, 'shutdown');
    assert.equal((await server.reply(4)).result, null);
  });

  test('a request before initialize is ServerNotInitialized, not result null', async () => {
    const server = RawServer.start();
    server.request(1, 'textDocument/hover', { textDocument: { uri: 'file:///x.md' }, position: { line: 0, character: 0 } });
    const reply = await server.reply(1);
    assert.equal(reply.error?.code, SERVER_NOT_INITIALIZED, JSON.stringify(reply));
  });

  test('a request after shutdown is InvalidRequest, not result null', async () => {
    const server = RawServer.start();
    await server.initialize();
    server.request(2, 'shutdown');
    assert.equal((await server.reply(2)).result, null);
    server.request(3, 'textDocument/hover', { textDocument: { uri: 'file:///x.md' }, position: { line: 0, character: 0 } });
    const reply = await server.reply(3);
    assert.equal(reply.error?.code, INVALID_REQUEST, JSON.stringify(reply));
  });

  test('a fix carried in diagnostic data with an invalid range is not offered', async () => {
    const client = await LspClient.start({ locale: 'vi' });
    after(() => client.stop());
    const uri = 'file:///tmp/vanban-hostile/van-ban.md';
    const text = '# Nghị quyết\n\nMột dòng.\n';
    await client.open(uri, text);
    const fix = (range: unknown) => ({
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      severity: 2,
      source: 'vanban',
      code: 'target-year',
      message: 'x',
      data: { version: 1, fix: { range, newText: 'CHÈN', title: 'Sửa' } },
    });
    const bad = [
      { start: { line: 99, character: 0 }, end: { line: 99, character: 4 } },
      { start: { line: 0, character: 500 }, end: { line: 0, character: 501 } },
      { start: { line: 1, character: 0 }, end: { line: 0, character: 0 } },
      { start: { line: -1, character: 0 }, end: { line: 0, character: 0 } },
      { start: { line: 0.5, character: 0 }, end: { line: 0, character: 1 } },
      'not a range',
    ];
    for (const range of bad) {
      const actions = (await client.connection.sendRequest('textDocument/codeAction', {
        textDocument: { uri },
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        context: { diagnostics: [fix(range)], only: ['quickfix'] },
      })) as CodeAction[];
      assert.ok(!actions.some((a) => a.title === 'Sửa'), `range ${JSON.stringify(range)}: ${JSON.stringify(actions)}`);
    }
    const good = (await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [fix({ start: { line: 2, character: 0 }, end: { line: 2, character: 3 } })], only: ['quickfix'] },
    })) as CodeAction[];
    assert.ok(good.some((a) => a.title === 'Sửa'), 'a valid range is still offered');
  });
});

describe('one document the server cannot analyse (issue 16, point 13)', { skip: !serverBuilt && SERVER_ABSENT }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'vanban-ls-deep-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  copyFileSync(join(fixturesDir, 'lsp/nghi-quyet.md'), join(dir, 'nghi-quyet.md'));
  writeFileSync(join(dir, 'sau-qua.md'), 'NGHỊ QUYẾT\n\n' + '>'.repeat(6000) + ' Đạt 50% năm 2025.\n');
  const deepUri = pathToFileURL(join(dir, 'sau-qua.md')).href;

  test('vanban/checkWorkspace checks the others and gives it one diagnostic at its start', async () => {
    const client = await LspClient.start({ locale: 'vi' });
    after(() => client.stop());
    const result = (await client.connection.sendRequest('vanban/checkWorkspace', { folders: [pathToFileURL(dir).href] })) as {
      files: { uri: string; diagnostics: Diagnostic[] }[];
    };
    assert.deepEqual(result.files.map((f) => f.uri.split('/').pop()).sort(), ['nghi-quyet.md', 'sau-qua.md']);
    const deep = result.files.find((f) => f.uri === deepUri)!;
    assert.equal(deep.diagnostics.length, 1);
    assert.deepEqual(deep.diagnostics[0]!.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
    assert.match(deep.diagnostics[0]!.message, /lồng quá sâu/);
  });

  test('the workspace index holds the others, and the open document gets that one diagnostic', async () => {
    const client = await LspClient.start({ locale: 'en', workspaceFolder: dir, initializationOptions: { indexEvents: true } });
    after(() => client.stop());
    const ready = await client.indexChanged.wait((e) => !e.indexing);
    assert.equal(ready.documents, 1, JSON.stringify(ready));
    const dashboard = await client.connection.sendRequest<{ documents: number }>('vanban/dashboard', { locale: 'en' });
    assert.equal(dashboard.documents, 1);
    const text = 'NGHỊ QUYẾT\n\n' + '>'.repeat(6000) + ' Đạt 50% năm 2025.\n';
    await client.open(deepUri, text);
    const report = await client.pullFull(deepUri);
    assert.equal(report.items.length, 1);
    assert.match(report.items[0]!.message, /^line 3 nests too deep/);
    assert.deepEqual(report.items[0]!.range.start, { line: 0, character: 0 });
  });
});
