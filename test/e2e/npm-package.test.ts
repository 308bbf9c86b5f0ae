// The CLI as people install it: `npm pack` makes a tarball with the built bundles, schemas, rule
// docs, README and licence (no sources, tests or CI), and `npm install -g` of that tarball into an
// empty prefix — offline: everything the bundles need is bundled — gives a `vanban` that checks
// documents from any directory and a `vanban-ls` that answers an LSP initialize.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { cliPath, repoRoot } from '../helpers.js';
import { LspClient } from '../lsp/client.js';

const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as {
  name: string;
  version: string;
  scripts: Record<string, string>;
  dependencies?: Record<string, string>;
  bin: Record<string, string>;
};
const npmCli = process.env.npm_execpath && /npm-cli\.js$/.test(process.env.npm_execpath) ? process.env.npm_execpath : undefined;

/** npm with a private cache and home, so that the test neither reads nor writes the user's. */
function npm(args: string[], cwd: string, home: string) {
  const env = {
    PATH: process.env.PATH,
    HOME: home,
    npm_config_cache: join(home, 'npm-cache'),
    npm_config_update_notifier: 'false',
    npm_config_fund: 'false',
    npm_config_audit: 'false',
  };
  const [command, prefix] = npmCli ? [process.execPath, [npmCli]] : ['npm', []];
  return spawnSync(command, [...prefix, ...args], { cwd, env, encoding: 'utf8', timeout: 180_000 });
}

describe('the npm package', () => {
  const work = mkdtempSync(join(tmpdir(), 'vanban-npm-'));
  const home = join(work, 'home');
  const prefix = join(work, 'prefix');
  let tarball = '';
  let packed: string[] = [];
  after(() => rmSync(work, { recursive: true, force: true }));

  before(() => {
    mkdirSync(home);
    // The build already ran (npm test builds first): pack without the prepack build, which would
    // rewrite dist/ under the other suites' feet.
    const r = npm(['pack', '--ignore-scripts', '--json', '--pack-destination', work], repoRoot, home);
    assert.equal(r.status, 0, r.stderr);
    const [info] = JSON.parse(r.stdout) as { filename: string; files: { path: string }[] }[];
    tarball = join(work, info!.filename);
    packed = info!.files.map((f) => f.path).sort();
  });

  it('packs the bundles, schemas, rule docs, README and licence — no sources, tests, CI or maps', () => {
    for (const f of [
      'package.json', 'README.md', 'LICENSE', 'CHANGELOG.md', 'bin/vanban.cjs', 'bin/vanban-ls.cjs',
      'dist/cli.cjs', 'dist/cli-zod.cjs', 'dist/cli-docx.cjs', 'dist/server.cjs', 'schemas/vanbanrc.schema.json',
      'docs/cli.md', 'docs/rules/target-year.md', 'docs/rules/resolution-mismatch.md',
    ]) {
      assert.ok(packed.includes(f), `the tarball holds ${f}`);
    }
    const allowed = /^(package\.json|README\.md|LICENSE|CHANGELOG\.md|bin\/vanban(-ls)?\.cjs|dist\/(cli|cli-zod|cli-docx|server)\.cjs|schemas\/[^/]+\.json|docs\/(rules\/[^/]+\.md|images\/[^/]+\.png|[^/]+\.md))$/;
    assert.deepEqual(packed.filter((f) => !allowed.test(f)), [], 'nothing else: no server/, client/, test/, .ci/, scripts/, out/, *.map');
    assert.equal(manifest.scripts.prepack, 'npm run build', 'npm pack on a fresh clone builds dist/ first');
    assert.deepEqual(manifest.dependencies ?? {}, {}, 'no runtime dependency: esbuild bundles them all, so a global install needs no network');
    for (const bundle of ['dist/cli.cjs', 'dist/cli-zod.cjs', 'dist/cli-docx.cjs', 'dist/server.cjs']) {
      assert.doesNotMatch(readFileSync(join(repoRoot, bundle), 'utf8').slice(-300), /sourceMappingURL/, `${bundle} points at no map`);
    }
  });

  it('installs offline into an empty prefix; vanban and vanban-ls run from any directory', async () => {
    const installed = npm(['install', '-g', '--offline', '--prefix', prefix, tarball], work, home);
    assert.equal(installed.status, 0, `${installed.stdout}\n${installed.stderr}`);
    const bin = (name: string) => join(prefix, 'bin', name);
    assert.ok(existsSync(bin('vanban')) && existsSync(bin('vanban-ls')));
    const lib = join(prefix, 'lib/node_modules', manifest.name);
    assert.ok(!existsSync(join(lib, 'node_modules')), 'no dependency was installed beside it');

    // Somewhere that is not the clone, with the example documents copied there.
    const docs = join(work, 'van-ban');
    cpSync(join(repoRoot, 'examples'), docs, { recursive: true });
    const env = { PATH: `${join(prefix, 'bin')}:${process.env.PATH}`, HOME: home, LANG: 'C.UTF-8' };
    const run = (command: string, args: string[]) => spawnSync(bin(command), args, { cwd: docs, env, encoding: 'utf8', timeout: 60_000 });

    const version = run('vanban', ['--version']);
    assert.equal(version.status, 0, version.stderr);
    assert.equal(version.stdout, `${manifest.version}\n`);

    // The same findings as the clone's own CLI, the error one included, and exit status 1.
    const check = run('vanban', ['check', '.', '-f', 'json']);
    assert.equal(check.status, 1, check.stderr);
    const fromClone = spawnSync(process.execPath, [cliPath, 'check', '.', '-f', 'json'], { cwd: docs, env, encoding: 'utf8' });
    assert.equal(check.stdout, fromClone.stdout);
    const findings = (JSON.parse(check.stdout) as { files: { path: string; diagnostics: { ruleId: string; severity: string }[] }[] }).files;
    assert.deepEqual(findings.map((f) => f.path), ['bao-cao-ket-qua-2023.md', 'nghi-quyet-chuyen-doi-so.md']);
    const all = findings.flatMap((f) => f.diagnostics);
    assert.ok(all.some((d) => d.ruleId === 'status-mismatch' && d.severity === 'error'), 'the planted Đạt/Chưa đạt contradiction is an error');
    assert.ok(all.some((d) => d.ruleId === 'target-year'), 'the target without a year is found');
    const stylish = run('vanban', ['check']);
    assert.equal(stylish.status, 1);
    assert.match(stylish.stdout, /^✖ \d+ vấn đề \(\d+ lỗi, /m);

    // SARIF help comes from the installed package's docs, and names no path of this machine.
    const sarif = run('vanban', ['check', '-f', 'sarif']);
    const tool = JSON.parse(sarif.stdout).runs[0].tool;
    const rules = tool.driver.rules as { id: string; help?: { text: string; markdown: string }; helpUri?: string }[];
    assert.match(rules.find((r) => r.id === 'target-year')!.help!.markdown, /^# target-year/);
    assert.ok(rules.every((r) => r.help && r.helpUri === undefined));
    assert.ok(!JSON.stringify(tool).includes(prefix) && !JSON.stringify(tool).includes(repoRoot), 'no local path in the SARIF rules');

    // The language server: an initialize round trip over stdio, then diagnostics for a document,
    // whose rule links are the docs installed with it.
    const lsp = await LspClient.start({ server: bin('vanban-ls'), cwd: docs });
    try {
      assert.deepEqual(lsp.initializeResult.serverInfo, { name: 'vanban-ls', version: manifest.version });
      assert.ok(lsp.initializeResult.capabilities.codeActionProvider);
      const uri = pathToFileURL(join(docs, 'nghi-quyet-chuyen-doi-so.md')).href;
      await lsp.open(uri, readFileSync(join(docs, 'nghi-quyet-chuyen-doi-so.md'), 'utf8'));
      const report = await lsp.pullFull(uri);
      const yearless = report.items.find((d) => d.code === 'target-year');
      assert.ok(yearless, 'target-year is reported');
      const doc = fileURLToPath(yearless.codeDescription!.href);
      assert.ok(doc.startsWith(lib) && existsSync(doc), `${doc} is in the installed package`);
    } finally {
      await lsp.stop();
    }
    const usage = run('vanban-ls', []);
    assert.equal(usage.status, 2);
    assert.match(usage.stderr, /^vanban-ls: cách dùng: vanban-ls --stdio/);
  });
});
