#!/usr/bin/env node
// Vendored from ../shared/bench/make-corpus.mjs (the same generator, only this note added) so that
// the benchmark also runs in a clone without ../shared, from the project's own examples.
// Deterministic corpus generator for the markdown-lint benchmarks.
//
//   node bench/make-corpus.mjs --out DIR --files N            N markdown files
//   node bench/make-corpus.mjs --out DIR --single-mb 5         one ~5 MB file (big.md)
//
// Options:
//   --seeds DIR     seed documents (default ../seeds beside this script's folder, every *.txt, sorted by name)
//   --seed S        PRNG seed (default 1); same args + same seeds => byte-identical output
//   --tables MODE   pipe (default): runs of tab-separated lines become GFM pipe tables
//                   tsv: keep the seeds' tab-separated tables as they are
//   --num-rate P    probability that a run of digits is rewritten (default 0.15)
//
// File i (0-based) is a variant of seed (i mod #seeds): some digit runs are replaced by
// other digits of the same length (seeded PRNG per file), and the name is
// doc-NNNNN-<seedbase>.md.  Prints a summary line with the total bytes and a sha256
// over all (name, content) pairs, so two machines can check they benchmark the same bytes.
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';

function parseArgs(argv) {
  const a = { seeds: new URL('../seeds', import.meta.url).pathname, seed: 1, tables: 'pipe', numRate: 0.15 };
  for (let i = 0; i < argv.length; i++) {
    const k = argv[i], v = argv[i + 1];
    switch (k) {
      case '--out': a.out = v; i++; break;
      case '--files': a.files = Number(v); i++; break;
      case '--single-mb': a.singleMb = Number(v); i++; break;
      case '--seeds': a.seeds = v; i++; break;
      case '--seed': a.seed = Number(v); i++; break;
      case '--tables': a.tables = v; i++; break;
      case '--num-rate': a.numRate = Number(v); i++; break;
      case '-h': case '--help': a.help = true; break;
      default: throw new Error(`unknown argument ${k}`);
    }
  }
  return a;
}

// mulberry32: tiny, fast, deterministic 32-bit PRNG
function mulberry32(seed) {
  let t = seed >>> 0;
  return () => {
    t = (t + 0x6d2b79f5) >>> 0;
    let r = Math.imul(t ^ (t >>> 15), 1 | t);
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
  };
}
const fileSeed = (seed, i) => (Math.imul(seed ^ 0x9e3779b9, 2654435761) + Math.imul(i + 1, 0x85ebca6b)) >>> 0;

// Runs of >=2 consecutive lines that contain a tab become one GFM pipe table.
function tsvToPipe(text) {
  const lines = text.split('\n');
  const out = [];
  for (let i = 0; i < lines.length;) {
    if (!lines[i].includes('\t')) { out.push(lines[i]); i++; continue; }
    let j = i;
    while (j < lines.length && lines[j].includes('\t')) j++;
    if (j - i < 2) { out.push(lines[i]); i++; continue; }
    const rows = lines.slice(i, j).map((l) => l.replace(/\r$/, '').split('\t').map((c) => c.trim().replace(/\|/g, '\\|')));
    const ncol = Math.max(...rows.map((r) => r.length));
    const fmt = (r) => '| ' + Array.from({ length: ncol }, (_, k) => r[k] ?? '').join(' | ') + ' |';
    if (out.length && out[out.length - 1].trim() !== '') out.push('');
    out.push(fmt(rows[0]));
    out.push('|' + ' --- |'.repeat(ncol));
    for (const r of rows.slice(1)) out.push(fmt(r));
    if (j < lines.length && lines[j].trim() !== '') out.push('');
    i = j;
  }
  return out.join('\n');
}

// Replace some digit runs by random digits of the same length (first digit kept non-zero).
function varyNumbers(text, rnd, rate) {
  return text.replace(/\d+/g, (m) => {
    if (rnd() >= rate) return m;
    let s = '';
    for (let k = 0; k < m.length; k++) {
      const lo = k === 0 && m.length > 1 ? 1 : 0;
      s += String(lo + Math.floor(rnd() * (10 - lo)));
    }
    return s;
  });
}

function loadSeeds(dir, tables) {
  const names = fs.readdirSync(dir).filter((n) => n.endsWith('.txt')).sort();
  if (!names.length) throw new Error(`no *.txt seeds in ${dir}`);
  return names.map((n) => {
    let text = fs.readFileSync(path.join(dir, n), 'utf8').replace(/\r\n/g, '\n');
    if (tables === 'pipe') text = tsvToPipe(text);
    return { base: n.replace(/\.txt$/, '').replace(/_.*/, ''), text };
  });
}

function main() {
  const a = parseArgs(process.argv.slice(2));
  if (a.help || !a.out || (!a.files && !a.singleMb)) {
    console.error('usage: make-corpus.mjs --out DIR (--files N | --single-mb MB) [--seeds DIR] [--seed S] [--tables pipe|tsv] [--num-rate P]');
    process.exit(a.help ? 0 : 2);
  }
  if (!['pipe', 'tsv'].includes(a.tables)) throw new Error('--tables must be pipe or tsv');
  const seeds = loadSeeds(a.seeds, a.tables);
  fs.mkdirSync(a.out, { recursive: true });
  const hash = crypto.createHash('sha256');
  let total = 0, count = 0;
  const emit = (name, content) => {
    const buf = Buffer.from(content, 'utf8');
    fs.writeFileSync(path.join(a.out, name), buf);
    hash.update(name + '\0'); hash.update(buf);
    total += buf.length; count++;
  };
  if (a.files) {
    const width = Math.max(5, String(a.files - 1).length);
    for (let i = 0; i < a.files; i++) {
      const s = seeds[i % seeds.length];
      const rnd = mulberry32(fileSeed(a.seed, i));
      const body = varyNumbers(s.text, rnd, a.numRate);
      emit(`doc-${String(i).padStart(width, '0')}-${s.base}.md`, body.endsWith('\n') ? body : body + '\n');
    }
  }
  if (a.singleMb) {
    const target = Math.round(a.singleMb * 1e6);
    const parts = [];
    let size = 0;
    for (let i = 0; size < target; i++) {
      const s = seeds[i % seeds.length];
      const part = varyNumbers(s.text, mulberry32(fileSeed(a.seed, 1e6 + i)), a.numRate).trimEnd() + '\n\n';
      parts.push(part);
      size += Buffer.byteLength(part);
    }
    emit('big.md', parts.join(''));
  }
  console.log(`make-corpus: ${count} file(s), ${total} bytes (${(total / 1e6).toFixed(2)} MB), tables=${a.tables}, seed=${a.seed}, sha256=${hash.digest('hex')} -> ${a.out}`);
}

main();
