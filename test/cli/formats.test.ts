// Output formats of `vanban check`: stylish, json (against its zod schema), sarif (Microsoft's
// validator), github workflow commands, junit XML; --output, --locale, --quiet, --max-warnings.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { jsonReportSchema } from '../../server/src/cli/json-schema.js';
import { repoRoot } from '../helpers.js';
import { cliFixtures, scratch, vanban } from './cli-helpers.js';

// nghi-quyet.md states one qualitative target, `- Phổ cập dịch vụ mạng di động 5G.` on line 27,
// under `Mục tiêu cụ thể đến năm 2025`: target-value reports it (default severity warning).
const RESOLUTION = 'nghi-quyet.md';
const CLEAN = 'ghi-chu.md';
const TARGET_LINE = 27;

describe('stylish (default)', () => {
  it('prints file:line:col severity message rule-id and a summary, without colour when piped', () => {
    const r = vanban(['check', RESOLUTION, CLEAN]);
    assert.equal(r.status, 0, r.stderr);
    const lines = r.stdout.split('\n');
    const finding = lines.find((l) => l.includes('target-value'));
    assert.match(finding ?? '', new RegExp(`^nghi-quyet\\.md:${TARGET_LINE}:3\\s+cảnh báo\\s+.*5G.*\\s+target-value$`));
    assert.match(r.stdout, /✖ 1 vấn đề \(0 lỗi, 1 cảnh báo, 0 thông tin, 0 gợi ý\) trong 2 tệp\./);
    assert.doesNotMatch(r.stdout, /\u001b\[/);
  });

  it('colours only when asked or on a terminal', () => {
    assert.match(vanban(['check', RESOLUTION, '--color']).stdout, /\u001b\[33mcảnh báo/);
    assert.match(vanban(['check', RESOLUTION], { env: { FORCE_COLOR: '1' } }).stdout, /\u001b\[/);
    assert.doesNotMatch(vanban(['check', RESOLUTION, '--no-color'], { env: { FORCE_COLOR: '1' } }).stdout, /\u001b\[/);
  });

  it('says so when there is nothing to report', () => {
    const r = vanban(['check', CLEAN]);
    assert.equal(r.status, 0);
    assert.equal(r.stdout.trim(), '✔ Không có vấn đề nào trong 1 tệp.');
    assert.equal(r.stderr, '');
  });

  it('speaks English with --locale en or an English LANG, Vietnamese otherwise', () => {
    const en = vanban(['check', RESOLUTION, '--locale', 'en']);
    assert.match(en.stdout, new RegExp(`nghi-quyet\\.md:${TARGET_LINE}:3\\s+warning\\s+.*target-value`));
    assert.match(en.stdout, /1 problem \(0 errors, 1 warning, 0 info, 0 hints\) in 1 file\./);
    assert.match(vanban(['check', RESOLUTION], { env: { LANG: 'en_US.UTF-8' } }).stdout, /1 problem/);
    assert.match(vanban(['check', RESOLUTION], { env: { LANG: 'en_US.UTF-8', LC_ALL: 'vi_VN.UTF-8' } }).stdout, /1 vấn đề/);
    assert.match(vanban(['check', RESOLUTION], { env: { LANG: 'en_US.UTF-8' } }).stdout, /1 problem/);
    assert.match(vanban(['check', RESOLUTION, '--locale', 'vi'], { env: { LANG: 'en_US.UTF-8' } }).stdout, /1 vấn đề/);
  });
});

describe('json', () => {
  it('matches the schema of issue 2, with 1-based UTF-16 positions', () => {
    const r = vanban(['check', CLEAN, RESOLUTION, '--format', 'json']);
    assert.equal(r.status, 0, r.stderr);
    const report = jsonReportSchema.parse(JSON.parse(r.stdout));
    assert.deepEqual(
      report.files.map((f) => f.path),
      [CLEAN, RESOLUTION],
    );
    const [d] = report.files[1]!.diagnostics;
    assert.ok(d);
    assert.equal(d.ruleId, 'target-value');
    assert.equal(d.severity, 'warning');
    assert.deepEqual([d.line, d.column, d.endLine], [TARGET_LINE, 3, TARGET_LINE]);
    const source = readFileSync(join(repoRoot, 'test/fixtures/cli', RESOLUTION), 'utf8').split('\n')[TARGET_LINE - 1]!;
    assert.equal(source.slice(d.column - 1, d.endColumn - 1), 'Phổ cập dịch vụ mạng di động 5G');
    assert.deepEqual(d.related, []);
    assert.deepEqual(report.files[0]!.diagnostics, []);
  });

  it('is the same whatever order the files are named in', () => {
    const a = vanban(['check', RESOLUTION, CLEAN, '--format', 'json']).stdout;
    const b = vanban(['check', CLEAN, RESOLUTION, '.', '--format', 'json']).stdout;
    const c = vanban(['check', '--format', 'json']).stdout;
    assert.deepEqual(
      JSON.parse(a).files.map((f: { path: string }) => f.path),
      [CLEAN, RESOLUTION],
    );
    assert.deepEqual(JSON.parse(b).files.map((f: { path: string }) => f.path), JSON.parse(c).files.map((f: { path: string }) => f.path));
    assert.equal(b, c);
  });
});

describe('sarif', () => {
  it('is valid SARIF 2.1.0 according to Microsoft’s multitool, each rule carrying its documentation', () => {
    const dir = scratch();
    const out = join(dir, 'vanban.sarif');
    const r = vanban(['check', RESOLUTION, CLEAN, 'khong-co.md', '--format', 'sarif', '--output', out]);
    assert.equal(r.status, 2, 'the missing file makes the run incomplete');
    assert.equal(r.stdout, '', '--output writes nothing to stdout');
    const log = JSON.parse(readFileSync(out, 'utf8'));
    const run = log.runs[0];
    assert.equal(log.version, '2.1.0');
    assert.equal(run.tool.driver.name, 'vanban');
    // Each rule's page is in the log itself: code scanning shows it with no URL to follow.
    const rules = run.tool.driver.rules as { id: string; help?: { text: string; markdown: string }; helpUri?: string }[];
    for (const rule of rules) {
      const page = readFileSync(join(repoRoot, 'docs/rules', `${rule.id}.md`), 'utf8');
      assert.equal(rule.help?.markdown, page.trim(), `${rule.id}: help.markdown is docs/rules/${rule.id}.md`);
      assert.ok(rule.help.text.startsWith(`${rule.id}\n`), `${rule.id}: help.text is the page as plain text`);
      assert.doesNotMatch(rule.help.text, /```|\*\*|^#/m);
      // No public docs URL configured: no helpUri, and certainly no path of this machine.
      assert.equal(rule.helpUri, undefined, rule.id);
    }
    const targetValue = rules.find((x) => x.id === 'target-value')!;
    assert.match(targetValue.help!.text, /^Chỉ tiêu .* — A target/m);
    assert.ok(!JSON.stringify(run.tool).includes(repoRoot), 'the tool section names no local path');
    assert.equal(run.results.length, 1);
    assert.equal(run.results[0].ruleId, 'target-value');
    assert.equal(run.results[0].level, 'warning');
    assert.equal(run.results[0].locations[0].physicalLocation.region.startLine, TARGET_LINE);
    assert.equal(run.invocations[0].executionSuccessful, false);
    assert.match(run.invocations[0].toolExecutionNotifications[0].message.text, /không tìm thấy/);

    const tool = join(repoRoot, 'node_modules/.bin/sarif-multitool');
    assert.ok(existsSync(tool), '@microsoft/sarif-multitool is a devDependency: run npm ci');
    const validation = join(dir, 'validation.sarif');
    const v = spawnSync(tool, ['validate', out, '--output', validation], { encoding: 'utf8', timeout: 300_000 });
    assert.equal(v.status, 0, `${v.stdout}\n${v.stderr}`);
    const problems = JSON.parse(readFileSync(validation, 'utf8')).runs[0].results as { level?: string; message: { text?: string } }[];
    const errors = problems.filter((p) => (p.level ?? 'warning') === 'error');
    assert.deepEqual(errors, [], 'the multitool finds no errors');
  });

  it('links each rule to its public page when .vanbanrc.json sets docsBaseUrl, and stays valid', () => {
    const dir = scratch();
    copyFileSync(join(cliFixtures, RESOLUTION), join(dir, RESOLUTION));
    writeFileSync(join(dir, 'bi-tat.md'), '<!-- vanban-disable khong-co-quy-tac -->\n# Ghi chú\n');
    writeFileSync(join(dir, '.vanbanrc.json'), '{ "docsBaseUrl": "https://example.org/vanban/docs" }');
    const out = join(dir, 'vanban.sarif');
    const r = vanban(['check', '.', '--format', 'sarif', '--output', out], { cwd: dir });
    assert.equal(r.status, 0, r.stderr);
    const rules = JSON.parse(readFileSync(out, 'utf8')).runs[0].tool.driver.rules as { id: string; help?: { markdown: string }; helpUri?: string }[];
    assert.equal(rules.find((x) => x.id === 'target-year')!.helpUri, 'https://example.org/vanban/docs/rules/target-year.md');
    const inline = rules.find((x) => x.id === 'inline-config');
    assert.ok(inline, 'the unknown rule in a vanban-disable comment is reported under inline-config');
    assert.equal(inline.helpUri, 'https://example.org/vanban/docs/cli.md#inline-suppression');
    assert.match(inline.help!.markdown, /^## Inline suppression/);
    // A broken docsBaseUrl is a configuration error like any other.
    writeFileSync(join(dir, '.vanbanrc.json'), '{ "docsBaseUrl": "docs/" }');
    const broken = vanban(['check', '.', '--format', 'sarif'], { cwd: dir });
    assert.equal(broken.status, 2);
    assert.match(broken.stderr, /^\.vanbanrc\.json:1:\d+: docsBaseUrl: /m);

    const tool = join(repoRoot, 'node_modules/.bin/sarif-multitool');
    const validation = join(dir, 'validation.sarif');
    const v = spawnSync(tool, ['validate', out, '--output', validation], { encoding: 'utf8', timeout: 300_000 });
    assert.equal(v.status, 0, `${v.stdout}\n${v.stderr}`);
    const problems = JSON.parse(readFileSync(validation, 'utf8')).runs[0].results as { level?: string }[];
    assert.deepEqual(problems.filter((p) => (p.level ?? 'warning') === 'error'), []);
  });
});

describe('github', () => {
  it('prints one workflow command per finding, with escaped properties', () => {
    const r = vanban(['check', RESOLUTION, CLEAN, '--format', 'github']);
    assert.equal(r.status, 0);
    assert.equal(r.stdout.trim().split('\n').length, 1);
    assert.match(
      r.stdout,
      new RegExp(`^::warning file=nghi-quyet\\.md,line=${TARGET_LINE},col=3,endLine=${TARGET_LINE},endColumn=\\d+,title=target-value::Chỉ tiêu .*5G`),
    );
  });
});

describe('junit', () => {
  it('is well-formed XML with a failing case per finding and a passing case per clean file', () => {
    const r = vanban(['check', RESOLUTION, CLEAN, '--format', 'junit']);
    assert.equal(r.status, 0);
    assert.equal(XMLValidator.validate(r.stdout), true);
    const doc = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'testsuite' || name === 'testcase' }).parse(r.stdout);
    const suites = doc.testsuites.testsuite as { '@_name': string; '@_failures': string; testcase: { failure?: unknown }[] }[];
    assert.deepEqual(
      suites.map((s) => [s['@_name'], s['@_failures']]),
      [
        [RESOLUTION, '1'],
        [CLEAN, '0'],
      ].sort(),
    );
    assert.ok(suites.find((s) => s['@_name'] === RESOLUTION)!.testcase[0]!.failure);
  });
});

describe('--quiet and --max-warnings', () => {
  it('--quiet reports errors only', () => {
    const r = vanban(['check', RESOLUTION, '--quiet', '--format', 'json']);
    assert.equal(r.status, 0);
    assert.deepEqual(jsonReportSchema.parse(JSON.parse(r.stdout)).files[0]!.diagnostics, []);
  });

  it('--max-warnings N fails the run above N warnings', () => {
    assert.equal(vanban(['check', RESOLUTION, '--max-warnings', '1']).status, 0);
    const over = vanban(['check', RESOLUTION, '--max-warnings', '0']);
    assert.equal(over.status, 1);
    assert.match(over.stderr, /quá nhiều cảnh báo: 1 \(tối đa cho phép --max-warnings 0\)/);
    assert.equal(vanban(['check', RESOLUTION, '--max-warnings', 'nhiều']).status, 2);
  });
});
