// The TextMate injection grammar (syntaxes/vanban.injection.tmLanguage.json), tested with
// vscode-tmgrammar-test on the fixtures beside this file, on top of the real Markdown grammar that
// VS Code ships (as packaged in the tm-grammars npm package, with the HTML grammars that
// Markdown embeds for `<b>`/`<sup>`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { repoRoot } from '../helpers.js';

const require = createRequire(import.meta.url);
const INJECTION = 'syntaxes/vanban.injection.tmLanguage.json';
const fixtureDir = join(repoRoot, 'test/grammar');

function grammarFile(name: string): string {
  return require.resolve(`tm-grammars/grammars/${name}`);
}

test('the manifest contributes the injection grammar into Markdown', () => {
  const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
  const grammar = JSON.parse(readFileSync(join(repoRoot, INJECTION), 'utf8'));
  const contribution = manifest.contributes.grammars.find((g: { path: string }) => g.path === `./${INJECTION}`);
  assert.ok(contribution, 'package.json contributes.grammars lists the injection grammar');
  assert.deepEqual(contribution.injectTo, ['text.html.markdown']);
  assert.equal(contribution.scopeName, grammar.scopeName);
  assert.match(grammar.injectionSelector, /^text\.html\.markdown -markup\.fenced_code/);
});

test('vscode-tmgrammar-test passes on every fixture', () => {
  const fixtures = readdirSync(fixtureDir).filter((f) => f.endsWith('.test.md'));
  assert.ok(fixtures.length >= 3, `grammar fixtures in ${fixtureDir}`);
  const cli = join(dirname(require.resolve('vscode-tmgrammar-test/package.json')), 'dist/unit.js');
  const grammars = [grammarFile('markdown.json'), grammarFile('html-derivative.json'), grammarFile('html.json'), join(repoRoot, INJECTION)];
  const result = spawnSync(
    process.execPath,
    [cli, '--compact', ...grammars.flatMap((g) => ['-g', g]), ...fixtures.map((f) => join('test/grammar', f))],
    { cwd: repoRoot, encoding: 'utf8' },
  );
  // The Markdown grammar embeds dozens of languages for fenced code; their absence is not a failure.
  const output = `${result.stdout}\n${result.stderr}`
    .split('\n')
    .filter((line) => line.trim() && !line.startsWith('grammar not found'))
    .join('\n');
  assert.equal(result.status, 0, output);
  for (const f of fixtures) assert.match(output, new RegExp(`${f.replace(/\./g, '\\.')} run successfuly`));
});
