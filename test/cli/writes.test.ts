// Issue 16, points 7–9: nothing -o or --fix writes destroys a file. -o never overwrites a document
// of the run and writes through links and into special files; --fix changes a link's target, keeps
// hard links, owner and mode, and leaves alone a file saved by someone else while it ran.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { chownSync, existsSync, linkSync, lstatSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { cliPath } from '../helpers.js';
import { copyFixture, fixtureBytes, scratch, vanban, write } from './cli-helpers.js';

const RESOLUTION = 'nghi-quyet.md';
const SOURCE = fixtureBytes('go-sai-chu-thich.md').toString('utf8');
const FIXED = SOURCE.replace('vanban-disable-nextline target-valeu', 'vanban-disable-next-line target-value');
const isRoot = process.getuid?.() === 0;

describe('-o (issue 16, point 7)', () => {
  it('refuses to write the report over a document being checked, by any name', () => {
    const dir = scratch();
    const path = copyFixture(RESOLUTION, dir);
    const before = readFileSync(path);
    symlinkSync(RESOLUTION, join(dir, 'lien-ket.md'));
    for (const output of [RESOLUTION, './' + RESOLUTION, 'lien-ket.md']) {
      const r = vanban(['check', RESOLUTION, '-o', output], { cwd: dir });
      assert.equal(r.status, 2, output);
      const shown = output === 'lien-ket.md' ? output : RESOLUTION;
      assert.equal(r.stderr, `${shown}: không ghi báo cáo đè lên một văn bản đang kiểm tra; hãy chọn tệp khác cho --output\n`);
      assert.deepEqual(readFileSync(path), before);
    }
    const targets = vanban(['targets', RESOLUTION, '-o', RESOLUTION], { cwd: dir });
    assert.equal(targets.status, 2);
    assert.deepEqual(readFileSync(path), before);
  });

  it('writes through a symbolic link: the link stays, its target gets the report', () => {
    const dir = scratch();
    copyFixture(RESOLUTION, dir);
    write(dir, 'bao-cao-that.json', 'cũ');
    symlinkSync('bao-cao-that.json', join(dir, 'bao-cao.json'));
    const r = vanban(['check', RESOLUTION, '--format', 'json', '-o', 'bao-cao.json'], { cwd: dir });
    assert.equal(r.status, 0, r.stderr);
    assert.ok(lstatSync(join(dir, 'bao-cao.json')).isSymbolicLink());
    assert.match(readFileSync(join(dir, 'bao-cao-that.json'), 'utf8'), /"files"/);
  });

  it('writes into a device node instead of replacing it', { skip: !isRoot && 'mknod needs root' }, () => {
    const dir = scratch();
    copyFixture(RESOLUTION, dir);
    const made = spawnSync('mknod', [join(dir, 'null'), 'c', '1', '3']);
    if (made.status !== 0) return;
    const r = vanban(['check', RESOLUTION, '-o', 'null'], { cwd: dir });
    assert.equal(r.status, 0, r.stderr);
    assert.ok(statSync(join(dir, 'null')).isCharacterDevice(), 'still the device');
  });

  it('keeps an existing output file’s hard links', () => {
    const dir = scratch();
    copyFixture(RESOLUTION, dir);
    write(dir, 'a.txt', 'cũ');
    linkSync(join(dir, 'a.txt'), join(dir, 'b.txt'));
    assert.equal(vanban(['check', RESOLUTION, '-o', 'a.txt'], { cwd: dir }).status, 0);
    assert.equal(statSync(join(dir, 'a.txt')).nlink, 2);
    assert.match(readFileSync(join(dir, 'b.txt'), 'utf8'), /nghi-quyet\.md|Không có vấn đề/);
  });
});

describe('--fix keeps the file the same file (issue 16, point 8)', () => {
  it('fixes the target of a symbolic link and leaves the link a link', () => {
    const dir = scratch();
    const real = write(dir, 'that.md', SOURCE);
    symlinkSync('that.md', join(dir, 'lien-ket.md'));
    const r = vanban(['check', '--fix', 'lien-ket.md'], { cwd: dir });
    assert.equal(r.status, 0, r.stderr);
    assert.ok(lstatSync(join(dir, 'lien-ket.md')).isSymbolicLink(), 'still a link');
    assert.equal(readFileSync(real, 'utf8'), FIXED);
  });

  it('keeps hard links', () => {
    const dir = scratch();
    const a = write(dir, 'a.md', SOURCE);
    linkSync(a, join(dir, 'b.md'));
    const ino = statSync(a).ino;
    assert.equal(vanban(['check', '--fix', 'a.md'], { cwd: dir }).status, 0);
    assert.equal(statSync(a).ino, ino);
    assert.equal(statSync(a).nlink, 2);
    assert.equal(readFileSync(join(dir, 'b.md'), 'utf8'), FIXED);
  });

  it('keeps owner, group and mode', { skip: !isRoot && 'giving a file to another user needs root' }, () => {
    const dir = scratch();
    const path = write(dir, 'van-ban.md', SOURCE);
    chownSync(path, 4321, 4322);
    assert.equal(vanban(['check', '--fix', 'van-ban.md'], { cwd: dir }).status, 0);
    const st = statSync(path);
    assert.deepEqual([st.uid, st.gid], [4321, 4322]);
    assert.equal(readFileSync(path, 'utf8'), FIXED);
  });

  it('keeps the owner when run by a user who cannot give files away (writes in place)', { skip: !isRoot && 'needs root to set up' }, () => {
    const dir = scratch();
    const path = write(dir, 'van-ban.md', SOURCE);
    // Owned by 4321, writable by everyone; fixed by user 4444 (who cannot chown to 4321).
    chownSync(path, 4321, 4321);
    spawnSync('chmod', ['666', path]);
    spawnSync('chmod', ['777', dir]);
    const r = vanban(['check', '--fix', 'van-ban.md'], { cwd: dir, uid: 4444 });
    assert.equal(r.status, 0, r.stderr);
    assert.equal(statSync(path).uid, 4321);
    assert.equal(readFileSync(path, 'utf8'), FIXED);
  });
});

describe('--fix and an edit saved meanwhile (issue 16, point 9)', () => {
  it('skips the file with a message instead of overwriting the edit', async () => {
    const dir = scratch();
    const path = write(dir, 'van-ban.md', SOURCE);
    const signal = join(dir, 'pause');
    const child = spawn(process.execPath, [cliPath, 'check', '--fix', 'van-ban.md'], {
      cwd: dir,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, LANG: 'C.UTF-8', VANBAN_TEST_PAUSE_BEFORE_WRITE: signal },
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const status = new Promise<number | null>((resolve) => child.on('close', resolve));
    for (let i = 0; i < 600 && !existsSync(signal); i++) await new Promise((r) => setTimeout(r, 50));
    assert.ok(existsSync(signal), 'the CLI reached the write');
    const edited = SOURCE + '\nMột đoạn vừa thêm trong trình soạn thảo.\n';
    write(dir, 'van-ban.md', edited);
    rmSync(signal);
    assert.equal(await status, 2);
    assert.equal(stderr, 'van-ban.md: tệp đã thay đổi kể từ khi được đọc; không ghi bản sửa (chạy lại --fix)\n');
    assert.equal(readFileSync(path, 'utf8'), edited);
  });
});
