// Issue 16: nothing a document or a configuration can do takes down the run, and nothing --fix or
// -o writes destroys a file. Every test runs the real CLI on inputs that broke it before.
import assert from 'node:assert/strict';
import { closeSync, ftruncateSync, mkdirSync, openSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
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
  // 200,000 rows: spreading 125,000 into Math.max was at the edge of the stack, 200,000 beyond it.
  for (let i = 0; i < 200_000; i++) {
    pipe.push(`| ${i} | 1 |`);
    tsv.push(`Hàng số ${i}\t${i}\t1234567`);
  }
  write(dir, 'bang.md', pipe.join('\n') + '\n');
  write(dir, 'bang.txt', tsv.join('\n') + '\n');

  for (const file of ['bang.md', 'bang.txt']) {
    it(`a table of 200,000 rows (${file}) is checked`, () => {
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
    // Nothing, or a line that says nothing was checked: never a clean bill.
    assert.doesNotMatch(r.stdout, /✔|Không có vấn đề nào/);
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

/** A file of `size` bytes that takes no disk space (a hole). */
function sparse(path: string, size: number): void {
  const fd = openSync(path, 'w');
  ftruncateSync(fd, size);
  closeSync(fd);
}

describe('memory (issue 16, point 4)', () => {
  const dir = scratch();
  copyFixture(RESOLUTION, dir);

  it('a 200 MB document with a raised --max-file-size is one line and exit 2, not a V8 abort', () => {
    // Text, not a hole: the old code read it all and ran out of memory analysing it.
    const line = 'Đến năm 2025, tỷ lệ hồ sơ trực tuyến đạt 80%.\n';
    writeFileSync(join(dir, 'rat-lon.md'), line.repeat(Math.ceil((200 * 1024 * 1024) / Buffer.byteLength(line))));
    const r = vanban(['check', '--max-file-size', '1GB', 'rat-lon.md', RESOLUTION], { cwd: dir });
    assert.equal(r.status, 2, r.stderr);
    assert.deepEqual(errorLines(r.stderr), [r.stderr.trim()]);
    assert.match(r.stderr.trim(), /^rat-lon\.md: tệp quá lớn để phân tích với bộ nhớ hiện có \(200 MB, tối đa [\d.]+ MB\)$/);
    assert.match(r.stdout, /nghi-quyet\.md:\d+:\d+/);
  });

  it('a 200 MB configuration is one line and exit 2', () => {
    const sub = join(dir, 'cau-hinh-lon');
    mkdirSync(sub);
    sparse(join(sub, '.vanbanrc.json'), 200 * 1024 * 1024);
    write(sub, 'van-ban.md', '# Ghi chú\n');
    const r = vanban(['check', join('cau-hinh-lon', 'van-ban.md')], { cwd: dir });
    assert.equal(r.status, 2, r.stderr);
    assert.equal(r.stderr, 'cau-hinh-lon/.vanbanrc.json:1:1: tệp cấu hình quá lớn (200 MB, tối đa 1 MB)\n');
  });
});

describe('special files named on the command line (issue 16, point 5)', () => {
  const dir = scratch();
  copyFixture(RESOLUTION, dir);
  const fifo = spawnSync('mkfifo', [join(dir, 'ong.md')]).status === 0;

  it('a FIFO as a document is not a regular file, and the run goes on', { skip: !fifo && 'mkfifo is not available' }, () => {
    const r = vanban(['check', 'ong.md', RESOLUTION], { cwd: dir });
    assert.equal(r.status, 2, r.stderr);
    assert.equal(r.stderr, 'ong.md: không phải tệp thông thường\n');
    assert.match(r.stdout, /nghi-quyet\.md:\d+:\d+/);
  });

  it('a FIFO as --config is not a regular file', { skip: !fifo && 'mkfifo is not available' }, () => {
    const r = vanban(['check', '--config', 'ong.md', RESOLUTION], { cwd: dir });
    assert.equal(r.status, 2, r.stderr);
    assert.equal(r.stderr, 'ong.md:1:1: không phải tệp thông thường\n');
  });
});

describe('configuration and path problems are each said once, as what they are (issue 16, also seen)', () => {
  it('invalid JSON is one problem, not one per consequence', () => {
    const dir = scratch();
    copyFixture(RESOLUTION, dir);
    write(dir, '.vanbanrc.json', '{ "rules": \n');
    const r = vanban(['check', RESOLUTION], { cwd: dir });
    assert.equal(r.status, 2);
    assert.equal(r.stderr, '.vanbanrc.json:2:1: JSON không hợp lệ: cần một giá trị\n');
    write(dir, '.vanbanrc.json', '{ rules: {} }\n');
    const unquoted = vanban(['check', RESOLUTION], { cwd: dir });
    assert.equal(unquoted.stderr, '.vanbanrc.json:1:3: JSON không hợp lệ: ký tự không hợp lệ\n');
  });

  it('a directory named .vanbanrc.json found above the document is reported', () => {
    const dir = scratch();
    mkdirSync(join(dir, '.vanbanrc.json'));
    mkdirSync(join(dir, 'con'));
    copyFixture(RESOLUTION, join(dir, 'con'));
    const r = vanban(['check', join('con', RESOLUTION)], { cwd: dir });
    assert.equal(r.status, 2);
    assert.equal(r.stderr, '.vanbanrc.json:1:1: là một thư mục, không phải tệp cấu hình\n');
  });

  it('a symbolic link loop is a loop, not "not found"', () => {
    const dir = scratch();
    copyFixture(RESOLUTION, dir);
    symlinkSync('vong-b.md', join(dir, 'vong-a.md'));
    symlinkSync('vong-a.md', join(dir, 'vong-b.md'));
    const r = vanban(['check', 'vong-a.md', RESOLUTION], { cwd: dir });
    assert.equal(r.status, 2);
    assert.equal(r.stderr, 'vong-a.md: liên kết tượng trưng tạo thành vòng lặp\n');
    const en = vanban(['check', '--locale', 'en', 'vong-a.md'], { cwd: dir });
    assert.equal(en.stderr, 'vong-a.md: symbolic link loop\n');
  });
});

describe('output carries no document tricks (issue 16, points 10 and 11)', () => {
  const dir = scratch();
  write(
    dir,
    'bay.md',
    '# Nghị quyết\n\n1. Mục tiêu\n\n' +
      '- Đến năm 2025, =HYPERLINK("http://x.invalid") đạt 80%.\n' +
      '- Đến năm 2025, tỷ lệ doanh nghiệp\u001b]0;pwn\u0007 đạt 50%.\n' +
      '- Đến năm 2025, tỷ lệ hồ sơ\u001b[2J\u001b[31m trực tuyến đạt 90%.\n',
  );

  it('targets --format csv: a cell a spreadsheet would read as a formula starts with an apostrophe', () => {
    const r = vanban(['targets', '--format', 'csv', 'bay.md'], { cwd: dir });
    assert.equal(r.status, 0, r.stderr);
    const cells = r.stdout.split('\r\n').flatMap((row) => row.split(','));
    assert.ok(cells.some((c) => c.startsWith('"\'=HYPERLINK(')), r.stdout);
    for (const c of cells) assert.doesNotMatch(c.replace(/^"/, ''), /^[=+\-@\t\r]/, c);
  });

  it('stylish output and the targets table show ESC and BEL escaped', () => {
    const check = vanban(['check', 'bay.md'], { cwd: dir });
    const table = vanban(['targets', 'bay.md'], { cwd: dir });
    for (const out of [check.stdout, table.stdout]) {
      assert.doesNotMatch(out, /[\u0007\u001b]/);
      assert.match(out, /\\x1B(\]|\[2J)/);
      assert.match(out, /pwn\\x07/);
    }
  });

  it('a file name with control characters is escaped on standard error', () => {
    const r = vanban(['check', 'thieu\u001b[31m.md'], { cwd: dir });
    assert.equal(r.status, 2);
    assert.equal(r.stderr, 'thieu\\x1B[31m.md: không tìm thấy tệp hoặc thư mục\n');
  });
});
