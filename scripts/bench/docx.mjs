// Seed 004 as a real Word file: LibreOffice (soffice, Debian's libreoffice-writer-nogui) writes it
// from the HTML the tests use (test/docx-html.ts), then the .docx → Markdown conversion
// (server/src/docx) and the analysis of its result are timed in process, median over N runs.
// Prints one JSON line; `{ "skipped": reason }` when soffice or the seed is absent.
//
//   node scripts/bench/docx.mjs RUNS SEED_004_FILE
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { median as medianOf } from './median.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const runs = Number(process.argv[2]);
const seedFile = process.argv[3];
const load = (path) => import(pathToFileURL(join(root, path)).href);
const { convertDocx } = await load('out/server/src/docx/convert.js');
const { analyze } = await load('out/server/src/core/engine.js');
const { textToHtml, findSoffice, convertWithLibreOffice } = await load('out/test/docx-html.js');

const soffice = findSoffice();
if (!soffice) {
  console.log(JSON.stringify({ skipped: 'LibreOffice (soffice) not installed' }));
  process.exit(0);
}
const dir = mkdtempSync(join(tmpdir(), 'vanban-bench-docx-'));
try {
  writeFileSync(join(dir, 'seed-004.html'), textToHtml(readFileSync(seedFile, 'utf8')));
  convertWithLibreOffice(soffice, [join(dir, 'seed-004.html')], dir);
  const bytes = readFileSync(join(dir, 'seed-004.docx'));
  const converted = convertDocx(bytes);
  if (!converted.ok) throw new Error(`conversion failed: ${JSON.stringify(converted.problem)}`);
  const conversion = medianOf(runs, () => convertDocx(bytes));
  const analysis = medianOf(runs, () => analyze(converted.markdown));
  console.log(JSON.stringify({ bytes: bytes.length, markdownBytes: Buffer.byteLength(converted.markdown), conversion, analysis }));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
