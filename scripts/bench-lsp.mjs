// Edit → fresh diagnostics latency over the real protocol, on seed 004 (the long report).
// Starts the built server (dist/server.cjs --stdio), opens the seed, then 60 times: sends one
// incremental edit and pulls diagnostics, timing until the answer for that version arrives.
// Prints median and p95 — with the default debounce (what a user sees) and with none (the cost
// of analysis and transport alone). Prints; never asserts.
//
//   node scripts/bench-lsp.mjs [edits]
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DocumentDiagnosticRequest,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver-protocol/node.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const server = join(root, 'dist/server.cjs');
const seedsDir = resolve(root, process.env.VANBAN_SEEDS ?? '../shared/seeds');
const seedPath = join(seedsDir, '004_d2bf4664ab8a0b61.txt');
const edits = Math.max(50, Number(process.argv[2] ?? 60));

if (!existsSync(server)) {
  console.log(`bench-lsp: skipped — built server not found at ${server} (run: npx tsc -b && node scripts/bundle.mjs)`);
  process.exit(0);
}
if (!existsSync(seedPath)) {
  console.log(`bench-lsp: skipped — seed 004 not found at ${seedPath} (set VANBAN_SEEDS or check out ../shared)`);
  process.exit(0);
}
const text = readFileSync(seedPath, 'utf8');

async function measure(debounce) {
  const child = spawn(process.execPath, [server, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  connection.listen();
  const uri = pathToFileURL(seedPath).href;
  await connection.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    rootUri: null,
    capabilities: { textDocument: { diagnostic: { dynamicRegistration: false } } },
    locale: 'vi',
    initializationOptions: debounce === undefined ? {} : { settings: { debounce } },
  });
  await connection.sendNotification(InitializedNotification.type, {});
  await connection.sendNotification(DidOpenTextDocumentNotification.type, {
    textDocument: { uri, languageId: 'markdown', version: 1, text },
  });
  const first = await connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } });
  const findings = first.items.length;

  // Edits in the body of the report: type a character at the end of a line, then delete it.
  const lines = text.split('\n');
  const line = lines.findIndex((l, i) => i > 40 && l.trim().length > 40);
  const end = lines[line].replace(/\r$/, '').length;
  const samples = [];
  for (let version = 2; version < edits + 2; version++) {
    const insert = version % 2 === 0;
    const change = insert
      ? { range: { start: { line, character: end }, end: { line, character: end } }, text: '5' }
      : { range: { start: { line, character: end }, end: { line, character: end + 1 } }, text: '' };
    const started = performance.now();
    await connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges: [change],
    });
    const report = await connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } });
    if (!String(report.resultId).startsWith(`${version}.`)) throw new Error(`stale answer ${report.resultId} for version ${version}`);
    samples.push(performance.now() - started);
  }
  await connection.sendRequest(ShutdownRequest.type);
  await connection.sendNotification(ExitNotification.type);
  connection.dispose();
  samples.sort((a, b) => a - b);
  const pick = (q) => samples[Math.min(samples.length - 1, Math.ceil(q * samples.length) - 1)];
  return { median: pick(0.5), p95: pick(0.95), min: samples[0], max: samples[samples.length - 1], findings };
}

console.log(`bench-lsp: seed 004 (${text.length} UTF-16 units, ${text.split('\n').length} lines), ${edits} edits each`);
for (const [label, debounce] of [['default debounce (150 ms)', undefined], ['no debounce', 0]]) {
  const r = await measure(debounce);
  const f = (x) => `${x.toFixed(1)} ms`;
  console.log(`  ${label.padEnd(26)} median ${f(r.median)}  p95 ${f(r.p95)}  min ${f(r.min)}  max ${f(r.max)}  (${r.findings} findings)`);
}
