// The language server under a storm of 10,000 random edits over stdio: inserts and deletes across
// lines, multi-line replacements with CRLF, reversed ranges, positions past the end of a line or
// of the document, whole-document replacements, several changes per notification. The server
// stays up, answers every request (diagnostics, symbols, hover, folding) along the way, and its
// final diagnostics equal a fresh analysis of the final text. Seeded: the same storm every run.

import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import {
  DocumentSymbolRequest,
  FoldingRangeRequest,
  HoverRequest,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node.js';
import { analyze } from '../../server/src/core/engine.js';
import { ruleById } from '../../server/src/core/rules/index.js';
import { applyInlineSuppressions } from '../../server/src/core/suppress.js';
import { LineIndex } from '../../server/src/core/text.js';
import { repoRoot } from '../helpers.js';
import { LspClient, SERVER_ABSENT, serverBuilt } from '../lsp/client.js';

const EDITS = 10_000;
const REQUEST_EVERY = 250;
const base = readFileSync(join(repoRoot, 'examples/bao-cao-ket-qua-2023.md'), 'utf8');
// An empty workspace folder: the document is checked alone, as `analyze` checks it.
const folder = mkdtempSync(join(tmpdir(), 'vanban-storm-'));
const uri = pathToFileURL(join(folder, 'bao-cao.md')).href;

function mulberry32(seed: number): () => number {
  let t = seed >>> 0;
  return () => {
    t = (t + 0x6d2b79f5) >>> 0;
    let r = Math.imul(t ^ (t >>> 15), 1 | t);
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
  };
}

const FRAGMENTS = [
  'a', ' ', '\n', '\r\n', '5', '%', '|', '\t', '1. ', '2.1. ', '**', '<sup>(1)</sup>', 'Tăng 7,5%', 'năm 2025', 'đạt 100%',
  '\n\n| a | b |\n|---|---|\n| 1 | 2 |\n', 'Chỉ tiêu\t2023\t2024\n', 'ệ', 'e\u0302\u0301', '😀', '<!-- vanban-disable -->', '[^1]: chú thích\n',
  'BÁO CÁO\n', '# I. MỤC TIÊU\n', '- ', '> ', '```\n', '\\', '&nbsp;', 'Tổng cộng: 12 xã, trong đó: 5 xã',
];

let client: LspClient;

before(async () => {
  if (!serverBuilt) return;
  client = await LspClient.start({ workspaceFolder: folder, initializationOptions: { settings: { debounce: 2 } } });
});

after(async () => {
  if (client) await client.stop();
  rmSync(folder, { recursive: true, force: true });
});

test('10,000 random edits: the server answers every request and ends with the diagnostics of a fresh analysis', { skip: serverBuilt ? false : SERVER_ABSENT }, async () => {
  const random = mulberry32(6);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const int = (n: number): number => Math.floor(random() * n);
  await client.open(uri, base);
  let lineCount = base.split('\n').length;

  const position = () => {
    // Mostly inside the document, sometimes past a line's end or past the last line.
    const line = random() < 0.05 ? lineCount + int(5) : int(lineCount);
    return { line, character: random() < 0.1 ? 200 + int(100) : int(60) };
  };
  const randomChange = (): TextDocumentContentChangeEvent => {
    const kind = random();
    if (kind < 0.005) return { text: random() < 0.5 ? base : Array.from({ length: 1 + int(30) }, () => pick(FRAGMENTS)).join('') };
    const start = position();
    if (kind < 0.45) return { range: { start, end: start }, text: pick(FRAGMENTS) };
    // A range that may span lines, end before it starts, or reach past the end.
    const end = { line: Math.max(0, start.line + int(4) - 1), character: int(80) };
    return { range: { start, end }, text: kind < 0.75 ? '' : Array.from({ length: 1 + int(3) }, () => pick(FRAGMENTS)).join('') };
  };

  let version = 1;
  for (let i = 0; i < EDITS; ) {
    const batch = 1 + (random() < 0.1 ? int(4) : 0);
    const changes: TextDocumentContentChangeEvent[] = [];
    for (let k = 0; k < batch && i < EDITS; k++, i++) changes.push(randomChange());
    // Keep the document a document's size: past 20,000 characters it starts over.
    if (client.text(uri).length > 20_000) changes.push({ text: base });
    version = await client.change(uri, changes);
    lineCount = client.document(uri).lineCount;
    if (Math.floor(i / REQUEST_EVERY) !== Math.floor((i - batch) / REQUEST_EVERY)) {
      const [report, symbols, hover, folding] = await Promise.all([
        client.pullFull(uri),
        client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } }),
        client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: position() }),
        client.connection.sendRequest(FoldingRangeRequest.type, { textDocument: { uri } }),
      ]);
      assert.ok(String(report.resultId).startsWith(`${version}.`), `diagnostics for version ${version}, got ${report.resultId}`);
      assert.ok(symbols === null || Array.isArray(symbols));
      assert.ok(hover === null || typeof hover === 'object');
      assert.ok(folding === null || Array.isArray(folding));
    }
  }

  const final = client.text(uri);
  const report = await client.pullFull(uri);
  assert.ok(String(report.resultId).startsWith(`${version}.`));
  assert.equal(client.process.exitCode, null, 'the server is still running');
  assert.doesNotMatch(client.stderr, /Error|exception/i);
  assert.deepEqual(client.logs.all.filter((m) => /failed/.test(m)), [], 'no handler or rule failed');

  const analysis = analyze(final);
  const lines = new LineIndex(final);
  const suppressed = applyInlineSuppressions(final, analysis.findings, (id) => ruleById(id) !== undefined);
  const expected = analysis.document.kind === 'unknown' ? [] : [...suppressed.findings, ...suppressed.problems];
  const key = (code: unknown, range: { start: { line: number; character: number }; end: { line: number; character: number } }) =>
    `${String(code)} ${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}`;
  assert.deepEqual(
    report.items.map((d) => key(d.code, d.range)).sort(),
    expected.map((f) => key(f.ruleId, { start: lines.position(f.span.start), end: lines.position(f.span.end) })).sort(),
  );
});
