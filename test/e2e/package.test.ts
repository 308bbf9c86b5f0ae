// The extension as shipped: the manifest's contributions are complete and translated, and
// `vsce package` produces a .vsix with exactly the files the installed extension reads, which a
// real VS Code (code-server) installs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { repoRoot } from '../helpers.js';

const require = createRequire(import.meta.url);
const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
const CODE_SERVER = process.env.CODE_SERVER ?? join(repoRoot, '.e2e/code-server/node_modules/.bin/code-server');

function vsce(args: string[], cwd = repoRoot) {
  const cli = join(dirname(require.resolve('@vscode/vsce/package.json')), 'vsce');
  return spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8' });
}

test('every %key% of the manifest is translated in English and Vietnamese', () => {
  const keys = [...JSON.stringify(manifest).matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]!);
  assert.ok(keys.length > 20);
  for (const file of ['package.nls.json', 'package.nls.vi.json']) {
    const nls = JSON.parse(readFileSync(join(repoRoot, file), 'utf8')) as Record<string, string>;
    for (const key of keys) assert.ok(nls[key]?.trim(), `${file} translates "${key}"`);
    assert.deepEqual(Object.keys(nls).filter((k) => !keys.includes(k)), [], `${file} has no unused keys`);
  }
});

test('every contributed command is registered by the extension, and the settings are the documented ones', () => {
  const source = readdirSync(join(repoRoot, 'client/src'))
    .map((f) => readFileSync(join(repoRoot, 'client/src', f), 'utf8'))
    .join('\n');
  const commands = manifest.contributes.commands.map((c: { command: string }) => c.command);
  assert.deepEqual(commands.sort(), ['vanban.checkWorkspace', 'vanban.openDashboard', 'vanban.restartServer', 'vanban.showTargets']);
  for (const command of commands) assert.ok(source.includes(`registerCommand('${command}'`), `${command} is registered`);
  const settings = Object.keys(manifest.contributes.configuration.properties).sort();
  assert.deepEqual(settings, ['vanban.debounceMs', 'vanban.enable', 'vanban.include', 'vanban.index.maxFiles', 'vanban.locale', 'vanban.rules', 'vanban.trace.server']);
  const rules = manifest.contributes.configuration.properties['vanban.rules'];
  assert.deepEqual(rules.additionalProperties.enum, ['off', 'hint', 'information', 'warning', 'error']);
  // The rule docs that diagnostics link to exist for every rule the settings list.
  for (const id of Object.keys(rules.properties)) {
    assert.ok(existsSync(join(repoRoot, 'docs/rules', `${id}.md`)), `docs/rules/${id}.md`);
  }
  assert.ok(/^\^1\.(\d+)\./.test(manifest.engines.vscode) && Number(manifest.engines.vscode.split('.')[1]) <= 100,
    'engines.vscode stays at or below 1.100 (code-server 4.100.3 must load it)');
});

test('the manifest points at files that exist', () => {
  const paths = [
    manifest.main,
    ...manifest.contributes.snippets.map((s: { path: string }) => s.path),
    ...manifest.contributes.grammars.map((g: { path: string }) => g.path),
    ...manifest.contributes.jsonValidation.map((j: { url: string }) => j.url),
  ];
  for (const p of paths) assert.ok(existsSync(join(repoRoot, p)), `${p} exists (after npm run build)`);
});

test('vsce packages a .vsix with only the files the installed extension reads', () => {
  const listing = vsce(['ls', '--no-dependencies']);
  assert.equal(listing.status, 0, listing.stderr);
  const files = listing.stdout.split('\n').map((l) => l.trim()).filter(Boolean).sort();
  for (const f of [
    'package.json', 'package.nls.json', 'package.nls.vi.json', 'LICENSE', 'README.md',
    'dist/extension.cjs', 'dist/server.cjs', 'snippets/vanban.code-snippets',
    'syntaxes/vanban.injection.tmLanguage.json', 'schemas/vanbanrc.schema.json', 'docs/rules/target-year.md',
  ]) {
    assert.ok(files.includes(f), `the vsix holds ${f}`);
  }
  const allowed = /^(package\.json|package\.nls(\.[a-z-]+)?\.json|LICENSE|README\.md|CHANGELOG\.md|dist\/(extension|server)\.cjs|docs\/(rules|images)\/.+|docs\/[^/]+\.md|schemas\/.+|snippets\/.+|syntaxes\/.+)$/;
  assert.deepEqual(files.filter((f) => !allowed.test(f)), [], 'nothing else (sources, tests, node_modules, maps) is packaged');

  const dir = mkdtempSync(join(tmpdir(), 'vanban-vsix-'));
  try {
    const vsix = join(dir, `vanban-${manifest.version}.vsix`);
    const packaged = vsce(['package', '--allow-missing-repository', '--no-dependencies', '--no-rewrite-relative-links', '--out', vsix]);
    assert.equal(packaged.status, 0, `${packaged.stdout}\n${packaged.stderr}`);
    assert.ok(existsSync(vsix));

    if (!existsSync(CODE_SERVER)) {
      console.log(`# vsix install into code-server skipped: code-server not found at ${CODE_SERVER} (scripts/install-e2e.sh)`);
      return;
    }
    const extensions = join(dir, 'extensions');
    const installed = spawnSync(CODE_SERVER, ['--extensions-dir', extensions, '--user-data-dir', join(dir, 'user'), '--install-extension', vsix], {
      encoding: 'utf8',
      env: { ...process.env, HOME: dir },
    });
    assert.equal(installed.status, 0, `${installed.stdout}\n${installed.stderr}`);
    const folder = join(extensions, `${manifest.publisher}.${manifest.name}-${manifest.version}`);
    for (const f of ['package.json', 'dist/extension.cjs', 'dist/server.cjs', 'package.nls.vi.json']) {
      assert.ok(existsSync(join(folder, f)), `code-server installed ${f}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
