// The floor: bare remark-parse (CommonMark, no extensions) over every .md file of a directory in
// one process, as the issue measured it. Prints the file count.
//
//   node scripts/bench/remark-parse.mjs DIR
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

const dir = process.argv[2];
const processor = unified().use(remarkParse);
let n = 0;
for (const name of readdirSync(dir).sort()) {
  if (!name.endsWith('.md')) continue;
  processor.parse(readFileSync(join(dir, name), 'utf8'));
  n++;
}
console.log(`remark-parse: ${n} files`);
