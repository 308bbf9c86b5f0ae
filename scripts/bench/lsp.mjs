// The language server over stdio (dist/server.cjs --stdio): edit → fresh diagnostics latency on
// seed 004 with no debounce (analysis and transport) and with the default debounce (what a user
// waits), server memory with N seed-004-sized documents open, and how many analyses a burst of
// 100 edits in one second causes. Prints one JSON line; never asserts.
//
//   node scripts/bench/lsp.mjs SEED004 CORPUS_DIR [edits] [open] [--only latency,memory,burst]
//                              [--snapshot FILE] [--node-args "--flag …"] [--idle SECONDS]
//                              [--server dist/server.cjs]
//
// The server is started with VANBAN_LSP_PROBE=1, which lets the benchmark ask it for its heap
// (`vanban/_memory`: process.memoryUsage() and the number of analyses run) and, with --snapshot,
// write a heap snapshot once the documents are open (read it with scripts/bench/heap-summary.mjs).
// The memory figures are taken as a user would see them: no forced garbage collection.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
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

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const argv = process.argv.slice(2);
const flag = (name) => {
  const at = argv.indexOf(name);
  if (at < 0) return undefined;
  const value = argv[at + 1];
  argv.splice(at, 2);
  return value;
};
const only = new Set((flag('--only') ?? 'latency,memory,burst').split(','));
const snapshot = flag('--snapshot');
const nodeArgs = (flag('--node-args') ?? '').split(' ').filter(Boolean);
const server = resolve(flag('--server') ?? join(root, 'dist/server.cjs'));
const idleSeconds = Number(flag('--idle') ?? 0);
const [seedPath, corpusDir] = argv.slice(0, 2);
const edits = Number(argv[2] ?? 200);
const openCount = Number(argv[3] ?? 200);
const seedText = readFileSync(seedPath, 'utf8');

async function start(settings) {
  const child = spawn(process.execPath, [...nodeArgs, server, '--stdio'], {
    stdio: ['pipe', 'pipe', 'inherit'],
    env: { ...process.env, VANBAN_LSP_PROBE: '1' },
  });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const analyses = new Map();
  connection.onNotification('vanban/analyzed', (p) => analyses.set(p.uri, (analyses.get(p.uri) ?? 0) + 1));
  connection.listen();
  await connection.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    rootUri: null,
    capabilities: { textDocument: { diagnostic: { dynamicRegistration: false } } },
    locale: 'vi',
    initializationOptions: { analysisEvents: true, settings },
  });
  await connection.sendNotification(InitializedNotification.type, {});
  const open = async (uri, text) =>
    connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version: 1, text } });
  const stop = async () => {
    await connection.sendRequest(ShutdownRequest.type);
    await connection.sendNotification(ExitNotification.type);
    connection.dispose();
  };
  const probe = (gc = false) => connection.sendRequest('vanban/_memory', { gc }).catch(() => undefined);
  return { child, connection, analyses, open, stop, probe };
}

const pull = (connection, uri) => connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } });

/** A line in the body of the report to type at the end of: one character typed, then deleted. */
function editLine(text) {
  const lines = text.split('\n');
  const line = lines.findIndex((l, i) => i > 40 && l.trim().length > 40);
  return { line, end: lines[line].replace(/\r$/, '').length };
}

function change(uri, version, { line, end }) {
  const range = version % 2 === 0
    ? { start: { line, character: end }, end: { line, character: end } }
    : { start: { line, character: end }, end: { line, character: end + 1 } };
  return { textDocument: { uri, version }, contentChanges: [{ range, text: version % 2 === 0 ? '5' : '' }] };
}

function percentile(sorted, q) {
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
}

async function latency(settings) {
  const s = await start(settings);
  const uri = pathToFileURL(seedPath).href;
  await s.open(uri, seedText);
  await pull(s.connection, uri);
  const at = editLine(seedText);
  const samples = [];
  const cpuBefore = cpuMs(s.child.pid);
  for (let version = 2; version < edits + 2; version++) {
    const started = performance.now();
    await s.connection.sendNotification(DidChangeTextDocumentNotification.type, change(uri, version, at));
    const report = await pull(s.connection, uri);
    if (!String(report.resultId).startsWith(`${version}.`)) throw new Error(`stale answer ${report.resultId} for version ${version}`);
    samples.push(performance.now() - started);
  }
  const analyses = (s.analyses.get(uri) ?? 0) - 1;
  const cpu = cpuMs(s.child.pid) - cpuBefore;
  await s.stop();
  samples.sort((a, b) => a - b);
  return { p50: percentile(samples, 0.5), p95: percentile(samples, 0.95), max: samples[samples.length - 1], edits, analyses, serverCpuMsPerEdit: cpu / edits };
}

/** CPU time (user + system) the process has used, in ms: steadier than wall times on a busy machine. */
function cpuMs(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}

function rssMb(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? NaN);
  return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
}

async function memory() {
  const s = await start({ debounce: 0 });
  const names = readdirSync(corpusDir).filter((n) => n.endsWith('-004.md')).sort().slice(0, openCount);
  const uris = [];
  for (const name of names) {
    const uri = pathToFileURL(join(corpusDir, name)).href;
    uris.push(uri);
    await s.open(uri, readFileSync(join(corpusDir, name), 'utf8'));
  }
  for (const uri of uris) await pull(s.connection, uri);
  const mem = rssMb(s.child.pid);
  const usage = await s.probe();
  const mb = (bytes) => (bytes === undefined ? undefined : bytes / 1024 / 1024);
  // Then idle for a while (V8's memory reducer shrinks the heap of an idle process), and last the
  // live size (a full collection forced through the probe).
  await new Promise((r) => setTimeout(r, idleSeconds * 1000));
  const idle = rssMb(s.child.pid);
  const live = await s.probe(true);
  const afterGc = rssMb(s.child.pid);
  if (snapshot) await s.connection.sendRequest('vanban/_heapSnapshot', { file: resolve(snapshot) });
  await s.stop();
  return {
    documents: uris.length,
    ...mem,
    heapUsed: mb(usage?.heapUsed),
    heapTotal: mb(usage?.heapTotal),
    external: mb(usage?.external),
    analyses: usage?.analyses,
    [`rssIdle${idleSeconds}s`]: idle.rss,
    liveHeap: mb(live?.heapUsed),
    rssAfterGc: afterGc.rss,
    ...(process.env.VANBAN_BENCH_SPACES ? { spaces: live?.spaces, spacesBefore: usage?.spaces } : {}),
  };
}

async function burst() {
  const s = await start({});
  const uri = pathToFileURL(seedPath).href;
  await s.open(uri, seedText);
  await pull(s.connection, uri);
  const before = s.analyses.get(uri) ?? 0;
  const at = editLine(seedText);
  const started = performance.now();
  let version = 1;
  for (let i = 0; i < 100; i++) {
    version++;
    await s.connection.sendNotification(DidChangeTextDocumentNotification.type, change(uri, version, at));
    const due = started + (i + 1) * 10;
    await new Promise((r) => setTimeout(r, Math.max(0, due - performance.now())));
  }
  const report = await pull(s.connection, uri);
  const elapsed = performance.now() - started;
  if (!String(report.resultId).startsWith(`${version}.`)) throw new Error(`stale answer ${report.resultId} for version ${version}`);
  const analyses = (s.analyses.get(uri) ?? 0) - before;
  await s.stop();
  return { edits: 100, seconds: elapsed / 1000, analyses };
}

const out = {};
if (only.has('latency')) {
  out.noDebounce = await latency({ debounce: 0 });
  out.debounced = await latency({});
}
if (only.has('memory')) out.memory = await memory();
if (only.has('burst')) out.burst = await burst();
console.log(JSON.stringify(out));
