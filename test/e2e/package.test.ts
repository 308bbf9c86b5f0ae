// The extension as shipped: the manifest's contributions are complete and translated, and
// `vsce package` — as `npm run package` runs it, with no escape flag — produces a .vsix a publisher
// would accept (icon, user-facing listing with public links, changelog, no dangling source maps)
// with exactly the files the installed extension reads, which a real VS Code (code-server) installs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { inflateRawSync } from 'node:zlib';
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
  assert.deepEqual(commands.sort(), ['vanban.checkWorkspace', 'vanban.openDashboard', 'vanban.openWordDocument', 'vanban.restartServer', 'vanban.showTargets']);
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

/** The entries of a zip archive (a .vsix), read with node:zlib: name → uncompressed bytes. */
function unzip(file: string): Map<string, Buffer> {
  const zip = readFileSync(file);
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  assert.ok(end >= 0, `${file} is a zip archive`);
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const entries = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const extra = zip.readUInt16LE(at + 30);
    const comment = zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    const dataAt = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = zip.subarray(dataAt, dataAt + size);
    entries.set(name, method === 8 ? inflateRawSync(data) : Buffer.from(data));
    at += 46 + nameLength + extra + comment;
  }
  return entries;
}

test('activation only where a document can be a policy document', () => {
  assert.deepEqual(manifest.activationEvents, ['onLanguage:markdown', 'onLanguage:plaintext']);
  // The language client sends the server Markdown and plain text (and the configuration file) only.
  const extension = readFileSync(join(repoRoot, 'client/src/extension.ts'), 'utf8');
  assert.match(extension, /const LANGUAGES = \['markdown', 'plaintext'\]/);
});

test('the publishable .vsix: vsce packages it with no escape flag, with icon, listing, changelog, and nothing else', () => {
  const script = manifest.scripts.package as string;
  assert.doesNotMatch(script, /--allow-missing-repository|--no-rewrite-relative-links|--baseContentUrl|--baseImagesUrl/);
  const args = script.slice(script.indexOf('vsce package') + 'vsce package'.length).trim().split(/\s+/);
  assert.ok(/^https:\/\//.test(manifest.repository.url), 'a public repository, which the listing\'s links are rewritten to');
  const icon = readFileSync(join(repoRoot, manifest.icon));
  assert.equal(icon.toString('latin1', 1, 4), 'PNG');
  assert.ok(icon.readUInt32BE(16) >= 128 && icon.readUInt32BE(20) >= 128, 'the Marketplace wants an icon of at least 128×128');

  const dir = mkdtempSync(join(tmpdir(), 'vanban-vsix-'));
  try {
    const vsix = join(dir, `vanban-${manifest.version}.vsix`);
    const packaged = vsce(['package', ...args, '--out', vsix]);
    assert.equal(packaged.status, 0, `${packaged.stdout}\n${packaged.stderr}`);
    assert.doesNotMatch(packaged.stdout + packaged.stderr, /WARNING|warn/i, 'vsce has nothing to warn about');
    const entries = unzip(vsix);
    const files = [...entries.keys()].filter((f) => f.startsWith('extension/')).map((f) => f.slice('extension/'.length)).sort();
    for (const f of [
      'package.json', 'package.nls.json', 'package.nls.vi.json', 'LICENSE.txt', 'readme.md', 'changelog.md', 'images/icon.png',
      'dist/extension.cjs', 'dist/server.cjs', 'snippets/vanban.code-snippets',
      'syntaxes/vanban.injection.tmLanguage.json', 'schemas/vanbanrc.schema.json', 'docs/rules/target-year.md',
    ]) {
      assert.ok(files.includes(f), `the vsix holds ${f}`);
    }
    const allowed = /^(package\.json|package\.nls(\.[a-z-]+)?\.json|LICENSE\.txt|readme\.md|changelog\.md|images\/icon\.png|dist\/(extension|server)\.cjs|docs\/rules\/[^/]+\.md|docs\/[^/]+\.md|schemas\/[^/]+\.json|snippets\/[^/]+|syntaxes\/[^/]+)$/;
    assert.deepEqual(files.filter((f) => !allowed.test(f)), [], 'nothing else: no sources, tests, node_modules, maps, CLI, developer README');
    assert.ok(!files.some((f) => /\.map$|^(server|client|test|scripts|out|bin)\//.test(f)));

    // The listing is the user-facing one (not the developer README), its links absolute and public.
    const readme = entries.get('extension/readme.md')!.toString('utf8');
    assert.equal(readme.split('\n')[0], readFileSync(join(repoRoot, 'MARKETPLACE.md'), 'utf8').split('\n')[0]);
    assert.doesNotMatch(readme, /## Development|npm test/, 'not the developer README');
    for (const [, target] of readme.matchAll(/\]\(([^)]+)\)/g)) assert.match(target!, /^https:\/\//, `absolute link: ${target}`);
    assert.match(readme, /!\[[^\]]*\]\(https:\/\/[^)]+\.png\)/, 'a picture');
    for (const heading of ['## Lệnh', '## Thiết lập']) assert.ok(readme.includes(heading), heading);
    for (const setting of Object.keys(manifest.contributes.configuration.properties)) assert.ok(readme.includes(`\`${setting}\``), `the listing documents ${setting}`);
    assert.match(entries.get('extension/changelog.md')!.toString('utf8'), new RegExp(`^## ${manifest.version.replace(/\./g, '\\.')}$`, 'm'));

    // Nothing points at this machine or at a map that is not shipped.
    for (const [name, bytes] of entries) {
      if (name.endsWith('.png')) continue;
      const text = bytes.toString('utf8');
      assert.ok(!text.includes(repoRoot) && !text.includes('file:///'), `${name} names no local path`);
      if (name.endsWith('.cjs')) assert.doesNotMatch(text, /sourceMappingURL/, `${name} points at no map`);
    }

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
