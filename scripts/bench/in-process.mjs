// In-process timings: full analysis (parse + model + every rule) against bare remark-parse on the
// same text, median over N runs after warm-up. Prints one JSON line per file.
//
//   node scripts/bench/in-process.mjs RUNS FILE…
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { median } from './median.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const { analyze } = await import(pathToFileURL(join(root, 'out/server/src/core/engine.js')).href);
const processor = unified().use(remarkParse);

const runs = Number(process.argv[2]);
for (const file of process.argv.slice(3)) {
  const text = readFileSync(file, 'utf8');
  const analysis = median(runs, () => analyze(text));
  const remark = median(runs, () => processor.parse(text));
  console.log(JSON.stringify({ file, bytes: Buffer.byteLength(text), analysis, remark }));
}
