// `npm run bench`: builds the benchmark corpus deterministically, then measures vanban against the
// floor (bare remark-parse) and a peer (markdownlint-cli2) in the same run, and prints one table.
// Prints figures; asserts nothing. Run it on an otherwise idle machine: the figures are wall times.
//
//   npm run bench                     (builds first)
//   node scripts/bench/run.mjs [--quick]   --quick: 200 documents, fewer runs
//
// Corpus: ../shared/bench's seeds (../shared/seeds, every *.txt) when present, else the project's
// examples/*.md — the table says which — through scripts/bench/make-corpus.mjs (1,000 files,
// tab-separated tables turned into GFM pipe tables, numbers varied by a seeded PRNG; its sha256 is
// printed). Child processes are measured with /usr/bin/time -v (wall, peak RSS) when installed
// (Debian package `time`), else by polling /proc/PID/status.
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const quick = process.argv.includes('--quick');
const FILES = quick ? 200 : 1000;
const work = join(tmpdir(), 'vanban-bench');
const node = process.execPath;
const cli = join(root, 'bin/vanban.cjs');

function log(message) {
  process.stderr.write(`bench: ${message}\n`);
}

// ---- corpus ---------------------------------------------------------------------------------

function seedsDir() {
  const shared = resolve(root, process.env.VANBAN_SEEDS ?? '../shared/seeds');
  if (existsSync(shared) && readdirSync(shared).some((n) => n.endsWith('.txt'))) return { dir: shared, source: `seeds (${shared})` };
  const dir = join(work, 'example-seeds');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const name of readdirSync(join(root, 'examples')).filter((n) => n.endsWith('.md')).sort()) {
    copyFileSync(join(root, 'examples', name), join(dir, name.replace(/\.md$/, '.txt')));
  }
  return { dir, source: 'examples/*.md (../shared/seeds absent)' };
}

function makeCorpus(seeds, out, args) {
  rmSync(out, { recursive: true, force: true });
  const r = spawnSync(node, [join(root, 'scripts/bench/make-corpus.mjs'), '--seeds', seeds, '--out', out, ...args], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`make-corpus failed: ${r.stderr}`);
  return r.stdout.trim();
}

// ---- measuring child processes --------------------------------------------------------------

const gnuTime = existsSync('/usr/bin/time') && spawnSync('/usr/bin/time', ['-v', 'true']).status === 0;

/** Runs a command to completion; wall seconds and peak RSS in MB. Output goes to /dev/null. */
function measure(command, args, cwd = root) {
  return new Promise((resolvePromise, reject) => {
    const started = performance.now();
    const argv = gnuTime ? ['/usr/bin/time', ['-v', command, ...args]] : [command, args];
    const child = spawn(argv[0], argv[1], { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    let peakKb = 0;
    child.stderr.on('data', (c) => (stderr += c));
    const poll = gnuTime
      ? undefined
      : setInterval(() => {
          try {
            const m = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
            if (m) peakKb = Math.max(peakKb, Number(m[1]));
          } catch {
            // The process has just ended.
          }
        }, 20);
    child.on('error', reject);
    child.on('exit', (code) => {
      if (poll) clearInterval(poll);
      const wall = (performance.now() - started) / 1000;
      if (gnuTime) {
        const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
        peakKb = m ? Number(m[1]) : NaN;
      }
      // Linters exit 1 when they find something; anything above is a failure of the run.
      if (code !== 0 && code !== 1) reject(new Error(`${command} ${args.join(' ')} exited ${code}: ${stderr.slice(-2000)}`));
      else resolvePromise({ wall, peak: peakKb / 1024 });
    });
  });
}

async function best(times, command, args, cwd) {
  let result;
  for (let i = 0; i < times; i++) {
    const r = await measure(command, args, cwd);
    if (!result || r.wall < result.wall) result = { wall: r.wall, peak: Math.max(r.peak, result?.peak ?? 0) };
  }
  return result;
}

function runJson(script, args) {
  const r = spawnSync(node, [join(root, script), ...args], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(`${script} failed: ${r.stderr}`);
  return r.stdout.trim().split('\n').map((l) => JSON.parse(l));
}

// ---- the runs -------------------------------------------------------------------------------

const { dir: seeds, source } = seedsDir();
const corpus = join(work, 'corpus');
log(`corpus from ${source}`);
const corpusSummary = makeCorpus(seeds, corpus, ['--files', String(FILES)]);
const corpusMb = readdirSync(corpus).reduce((n, f) => n + statSync(join(corpus, f)).size, 0) / 1e6;
const sha = /sha256=([0-9a-f]+)/.exec(corpusSummary)?.[1] ?? '?';

const mdlBin = join(root, 'node_modules/markdownlint-cli2/markdownlint-cli2-bin.mjs');
log('bare remark-parse over the corpus');
const remark = await best(1, node, [join(root, 'scripts/bench/remark-parse.mjs'), corpus]);
log('markdownlint-cli2 over the corpus');
const mdl = existsSync(mdlBin) ? await best(1, node, [mdlBin, '*.md'], corpus) : undefined;
const cores = availableParallelism();
log(`vanban check over the corpus, ${Math.min(2, cores)} threads`);
const vanban = await best(1, node, [cli, 'check', corpus, '--format', 'json', '--jobs', String(Math.min(2, cores))]);
log('vanban check over the corpus, 1 thread');
const vanban1 = await best(1, node, [cli, 'check', corpus, '--format', 'json', '--jobs', '1']);

// Seed 004 (the long report) as written, and its variant with GFM pipe tables from the corpus.
const seed004 = readdirSync(seeds).find((n) => n.startsWith('004')) ?? readdirSync(seeds).sort().at(-1);
const pipe004 = readdirSync(corpus).sort().find((n) => n.endsWith(`-${seed004.replace(/\.txt$/, '').replace(/_.*/, '')}.md`));
log(`in-process analysis of ${seed004}`);
const perDoc = runJson('scripts/bench/in-process.mjs', [quick ? '10' : '40', join(seeds, seed004), join(corpus, pipe004)]);

const sizes = [0.1, 0.5, 1, 2, 5];
const curve = [];
for (const mb of sizes) {
  const dir = join(work, `single-${mb}`);
  makeCorpus(seeds, dir, ['--single-mb', String(mb)]);
  log(`in-process analysis of one ${mb} MB document`);
  const runs = mb <= 0.5 ? 10 : mb <= 2 ? 3 : 1;
  curve.push(runJson('scripts/bench/in-process.mjs', [String(quick ? 1 : runs), join(dir, 'big.md')])[0]);
}

log('language server: latency, memory, burst');
// The memory is read once every document is open and analysed, and again after the server has been
// idle for longer than its idle collections wait (server/src/heap.ts IDLE_DELAYS: 5 s, then 6 s).
const LSP_IDLE_SECONDS = 15;
const lsp = runJson('scripts/bench/lsp.mjs', [join(seeds, seed004), corpus, quick ? '50' : '200', quick ? '50' : '200', '--idle', String(LSP_IDLE_SECONDS)])[0];

log('seed 004 as a Word file (LibreOffice)');
const docx = runJson('scripts/bench/docx.mjs', [quick ? '10' : '30', join(seeds, seed004)])[0];

log('cold start');
const small = join(work, 'small.md');
const smallText = readFileSync(join(seeds, readdirSync(seeds).filter((n) => n.endsWith('.txt')).sort()[0]), 'utf8').split('\n').slice(0, 40).join('\n');
await import('node:fs').then((fs) => fs.writeFileSync(small, smallText + '\n'));
const coldRuns = [];
for (let i = 0; i < 11; i++) coldRuns.push((await measure(node, [cli, 'check', small])).wall * 1000);
coldRuns.sort((a, b) => a - b);
const bareNode = [];
for (let i = 0; i < 11; i++) bareNode.push((await measure(node, ['-e', '0'])).wall * 1000);
bareNode.sort((a, b) => a - b);

// ---- the table ------------------------------------------------------------------------------

const s = (x) => `${x.toFixed(x < 10 ? 2 : 1)} s`;
const ms = (x) => `${x.toFixed(x < 10 ? 1 : 0)} ms`;
const mb = (x) => `${Math.round(x)} MB`;
const ratio = (a, b) => `${(a / b).toFixed(2)}×`;
const mark = (ok) => (ok ? 'met' : 'not met');
const rows = [];
const row = (what, ours, reference, target, ok) => rows.push(`| ${what} | ${ours} | ${reference} | ${target} | ${ok === undefined ? '' : mark(ok)} |`);

const corpusName = `${FILES} docs, ${corpusMb.toFixed(1)} MB`;
row(`\`vanban check\`, ${corpusName}, ${Math.min(2, cores)} threads: wall`, s(vanban.wall),
  `remark-parse ${s(remark.wall)} (${ratio(vanban.wall, remark.wall)}); markdownlint-cli2 ${mdl ? `${s(mdl.wall)} (${ratio(mdl.wall, vanban.wall)} slower than vanban)` : 'not installed'}`,
  '≤ 10 s and ≥ 3.5× faster than markdownlint-cli2', vanban.wall <= 10 && (!mdl || mdl.wall / vanban.wall >= 3.5));
row('— peak RSS', mb(vanban.peak), `remark-parse ${mb(remark.peak)}; markdownlint-cli2 ${mdl ? mb(mdl.peak) : '–'}`, '≤ 300 MB', vanban.peak <= 300);
row('— same, 1 thread: wall / peak RSS', `${s(vanban1.wall)} / ${mb(vanban1.peak)}`, `2 threads are ${ratio(vanban1.wall, vanban.wall)} faster`, '', undefined);
const [raw, piped] = perDoc;
row(`seed 004 as written (${(raw.bytes / 1000).toFixed(1)} kB), full analysis in process, median`, ms(raw.analysis), `remark-parse ${ms(raw.remark)} (${ratio(raw.analysis, raw.remark)})`, '≤ 25 ms', raw.analysis <= 25);
row(`seed 004 with pipe tables (${(piped.bytes / 1000).toFixed(1)} kB), same`, ms(piped.analysis), `remark-parse ${ms(piped.remark)} (${ratio(piped.analysis, piped.remark)})`, '≤ 25 ms', piped.analysis <= 25);
if (docx.skipped) row('seed 004 as .docx, conversion to Markdown in process, median', docx.skipped, '', '', undefined);
else row(`seed 004 as .docx (${(docx.bytes / 1000).toFixed(1)} kB, LibreOffice), conversion to Markdown in process, median`, ms(docx.conversion), `analysis of the converted text ${ms(docx.analysis)}`, '', undefined);
for (const c of curve) {
  const size = c.bytes / 1e6;
  const last = c === curve[curve.length - 1];
  row(`one ${size.toFixed(2)} MB document`, `${ms(c.analysis)} (${(c.analysis / size).toFixed(0)} ms/MB)`, `remark-parse ${ms(c.remark)} (${ratio(c.analysis, c.remark)})`, last ? '5 MB ≤ 2.5 s, linear' : 'linear', last ? c.analysis <= 2500 : undefined);
}
row(`LSP edit → diagnostics, seed 004, ${quick ? 50 : 200} edits, no debounce: p50 / p95`, `${ms(lsp.noDebounce.p50)} / ${ms(lsp.noDebounce.p95)}`, `max ${ms(lsp.noDebounce.max)}`, 'p95 ≤ 60 ms', lsp.noDebounce.p95 <= 60);
row('— with the default debounce: p50 / p95', `${ms(lsp.debounced.p50)} / ${ms(lsp.debounced.p95)}`, 'includes the debounce wait', '', undefined);
row(`LSP memory, ${lsp.memory.documents} seed-004-sized documents open and analysed: RSS / peak while opening`, `${mb(lsp.memory.rss)} / ${mb(lsp.memory.peak)}`, `live heap ${mb(lsp.memory.liveHeap)}`, '≤ 150 MB', lsp.memory.rss <= 150);
row(`— after ${LSP_IDLE_SECONDS} s idle (the idle collections): RSS`, mb(lsp.memory[`rssIdle${LSP_IDLE_SECONDS}s`]), '', '', undefined);
row(`LSP burst: ${lsp.burst.edits} edits in ${lsp.burst.seconds.toFixed(2)} s`, `${lsp.burst.analyses} analyses`, '', 'one per settled version', lsp.burst.analyses <= 2);
row('CLI cold start, `vanban check` on one small file, median of 11', ms(coldRuns[5]), `\`node -e 0\` ${ms(bareNode[5])}`, '≤ 250 ms', coldRuns[5] <= 250);

console.log(`Corpus: ${corpusName} from ${source}, sha256 ${sha.slice(0, 16)}…; Node ${process.version}, ${cores} cores; peak RSS by ${gnuTime ? '/usr/bin/time -v' : 'polling /proc'}.`);
console.log('');
console.log('| measurement | vanban | same run: reference | target | |');
console.log('|---|---|---|---|---|');
for (const r of rows) console.log(r);
