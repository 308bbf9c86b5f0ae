// Generates schemas/vanbanrc.schema.json from the zod schema of .vanbanrc.json (server/src/config/
// schema.ts, compiled by `tsc -b` into out/). `--check` fails instead of writing when the committed
// file is out of date.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { configJsonSchema } = await import(join(root, 'out/server/src/config/schema.js'));
const target = join(root, 'schemas/vanbanrc.schema.json');
const text = JSON.stringify(configJsonSchema(), null, 2) + '\n';

if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(target, 'utf8');
  } catch {
    // Missing: reported below.
  }
  if (current !== text) {
    console.error('schemas/vanbanrc.schema.json is out of date: run node scripts/gen-schema.mjs');
    process.exit(1);
  }
} else {
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, text);
}
