// Issue 16: nothing a document or a configuration can do takes down the run, and nothing --fix or
// -o writes destroys a file. Every test runs the real CLI on inputs that broke it before.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { copyFixture, hasStackTrace, scratch, vanban, write } from './cli-helpers.js';

const RESOLUTION = 'nghi-quyet.md';

/** The lines of standard error, each one problem. */
function errorLines(stderr: string): string[] {
  return stderr.split('\n').filter((l) => l !== '');
}

describe('deep nesting: one error naming the file, the other files still checked (issue 16, point 1)', () => {
  const dir = scratch();
  copyFixture(RESOLUTION, dir);
  write(dir, 'sau-qua.md', '# Báo cáo\n\n' + '>'.repeat(6000) + ' Đạt 50%.\n');
  write(dir, 'danh-sach.md', '# Báo cáo\n\n' + '> - '.repeat(5000) + 'Đạt 50%.\n');

  for (const command of [['check'], ['targets'], ['links'], ['dashboard', '-o', 'bang.html']]) {
    it(`vanban ${command[0]}`, () => {
      const r = vanban([...command, 'sau-qua.md', 'danh-sach.md', RESOLUTION], { cwd: dir });
      assert.equal(r.status, 2, r.stdout + r.stderr);
      assert.ok(!hasStackTrace(r.stderr), r.stderr);
      const lines = errorLines(r.stderr);
      assert.equal(lines.length, 2, r.stderr);
      assert.match(lines.find((l) => l.startsWith('sau-qua.md: '))!, /lồng quá sâu/);
      assert.match(lines.find((l) => l.startsWith('danh-sach.md: '))!, /lồng quá sâu/);
      if (command[0] === 'check') assert.match(r.stdout, /nghi-quyet\.md:\d+:\d+/);
      if (command[0] === 'targets') assert.match(r.stdout, /^nghi-quyet\.md$/m);
    });
  }

  it('says it in English too', () => {
    const r = vanban(['check', '--locale', 'en', 'sau-qua.md'], { cwd: dir });
    assert.equal(r.status, 2);
    assert.match(r.stderr, /^sau-qua\.md: line 3 nests too deep/);
  });

  it('a configuration nested 3,000 deep is one error naming it', () => {
    const sub = join(dir, 'cau-hinh-sau');
    mkdirSync(sub);
    write(sub, '.vanbanrc.json', '{ "rules": { "target-year": ["warning", { "x": ' + '['.repeat(3000) + ']'.repeat(3000) + ' }] } }');
    write(sub, 'van-ban.md', '# Ghi chú\n');
    const r = vanban(['check', join('cau-hinh-sau', 'van-ban.md'), RESOLUTION], { cwd: dir });
    assert.equal(r.status, 2, r.stderr);
    assert.ok(!hasStackTrace(r.stderr), r.stderr);
    assert.deepEqual(errorLines(r.stderr).length, 1, r.stderr);
    assert.match(r.stderr, /^cau-hinh-sau\/\.vanbanrc\.json:1:\d+: JSON lồng quá sâu/);
    assert.match(r.stdout, /nghi-quyet\.md:\d+:\d+/);
  });
});

describe('large tables (issue 16, point 2)', () => {
  const dir = scratch();
  const pipe = ['# Báo cáo', '', '| Hàng | Giá trị |', '|---|---|'];
  const tsv = ['Hàng\tGiá trị\tGhi chú'];
  for (let i = 0; i < 125_000; i++) {
    pipe.push(`| ${i} | 1 |`);
    tsv.push(`Hàng số ${i}\t${i}\t1234567`);
  }
  write(dir, 'bang.md', pipe.join('\n') + '\n');
  write(dir, 'bang.txt', tsv.join('\n') + '\n');

  for (const file of ['bang.md', 'bang.txt']) {
    it(`a table of 125,000 rows (${file}) is checked`, () => {
      const r = vanban(['check', '--format', 'json', file], { cwd: dir });
      assert.ok(r.status === 0 || r.status === 1, r.stderr);
      assert.equal(r.stderr, '');
      assert.equal((JSON.parse(r.stdout) as { files: unknown[] }).files.length, 1);
    });
  }
});

describe('configuration keys (issue 16, point 6)', () => {
  it('"__proto__" is an unknown key, not a way to apply settings', () => {
    const dir = scratch();
    copyFixture(RESOLUTION, dir);
    write(dir, '.vanbanrc.json', '{ "__proto__": { "rules": { "missing-section": "off", "target-value": "off" } } }');
    const r = vanban(['check', RESOLUTION], { cwd: dir });
    assert.equal(r.status, 2, r.stdout + r.stderr);
    assert.equal(errorLines(r.stderr).length, 1, r.stderr);
    assert.match(r.stderr, /^\.vanbanrc\.json:1:3: __proto__: khoá không hợp lệ$/m);
  });

  it('"__proto__" inside "rules" is an unknown rule', () => {
    const dir = scratch();
    copyFixture(RESOLUTION, dir);
    write(dir, '.vanbanrc.json', '{ "rules": { "__proto__": { "target-value": "off" } } }');
    const r = vanban(['check', RESOLUTION], { cwd: dir });
    assert.equal(r.status, 2, r.stdout + r.stderr);
    assert.match(r.stderr, /rules\.__proto__: quy tắc không tồn tại/);
  });
});

describe('a run that exits 2 (issue 16, also seen)', () => {
  it('prints no "✔ … 0 tệp" when nothing could be checked', () => {
    const dir = scratch();
    const r = vanban(['check', 'khong-co.md'], { cwd: dir });
    assert.equal(r.status, 2);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /^khong-co\.md: /);
  });

  it('says how many files could not be checked next to the others’ summary', () => {
    const dir = scratch();
    write(dir, 'ghi-chu.md', '# Ghi chú\n\nNội dung.\n');
    const r = vanban(['check', 'ghi-chu.md', 'khong-co.md'], { cwd: dir });
    assert.equal(r.status, 2);
    assert.doesNotMatch(r.stdout, /✔/);
    assert.match(r.stdout, /1 tệp không kiểm tra được/);
  });
});
