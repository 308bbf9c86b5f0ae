// The command line's edges: `vanban help [COMMAND]`, a bare `vanban`, a folder with nothing to check,
// and `vanban-ls` run by hand (--help, --version, no transport).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { repoRoot, serverPath } from '../helpers.js';
import { copyFixture, scratch, vanban, write } from './cli-helpers.js';

const COMMANDS = ['check', 'targets', 'links', 'register', 'dashboard', 'convert'];
const version = (JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string }).version;

describe('vanban help', () => {
  it('`vanban help` and `vanban --help` list all six commands and exit 0', () => {
    for (const args of [['help'], ['--help'], ['-h']]) {
      const r = vanban(args);
      assert.equal(r.status, 0, args.join(' '));
      assert.equal(r.stderr, '');
      for (const c of COMMANDS) assert.match(r.stdout, new RegExp(`^  vanban ${c} `, 'm'), `${args.join(' ')} lists ${c}`);
      assert.match(r.stdout, /^  vanban help \[LỆNH\]/m);
      assert.match(r.stdout, /^Mã thoát: 0/m);
    }
    assert.equal(vanban(['help']).stdout, vanban(['--help']).stdout);
  });

  it('`vanban help COMMAND` and `vanban COMMAND --help` show that command only, in either language', () => {
    for (const c of COMMANDS) {
      const r = vanban(['help', c]);
      assert.equal(r.status, 0, c);
      assert.match(r.stdout, new RegExp(`^vanban ${version} — ${c}$`, 'm'));
      assert.match(r.stdout, new RegExp(`^  vanban ${c} `, 'm'));
      for (const other of COMMANDS.filter((o) => o !== c && !(c === 'targets' && o === 'register'))) {
        assert.doesNotMatch(r.stdout, new RegExp(`^  vanban ${other} `, 'm'), `help ${c} does not list ${other}`);
      }
      assert.equal(vanban([c, '--help']).stdout, r.stdout, `${c} --help`);
    }
    const check = vanban(['help', 'check', '--locale', 'en']).stdout;
    assert.match(check, /--fix-dry-run/);
    assert.match(check, /stylish \(default\) \| json \| sarif \| github \| junit/);
    const register = vanban(['help', 'register']).stdout;
    assert.doesNotMatch(register, /--fix/);
    assert.match(register, /table \(mặc định\) \| csv \| json/);
  });

  it('`vanban help NOPE` is a usage error', () => {
    const r = vanban(['help', 'kiem-tra']);
    assert.equal(r.status, 2);
    assert.equal(r.stderr, 'vanban: lệnh không hợp lệ: "kiem-tra" (xem vanban --help)\n');
  });

  it('a bare `vanban` names all six commands on one line and exits 2', () => {
    const r = vanban([]);
    assert.equal(r.status, 2);
    assert.equal(r.stdout, '');
    assert.equal(r.stderr, 'vanban: thiếu lệnh: check, targets, links, register, dashboard hoặc convert (xem vanban --help)\n');
    const en = vanban([], { env: { LANG: 'en_US.UTF-8' } });
    assert.equal(en.stderr, 'vanban: missing command: check, targets, links, register, dashboard or convert (see vanban --help)\n');
  });
});

describe('nothing to check', () => {
  it('an empty folder: "no documents found" on stderr and in the summary, never ✔, exit 2', () => {
    const dir = scratch();
    mkdirSync(join(dir, 'trong'));
    write(join(dir, 'trong'), 'ghi-chu.pdf', 'không phải văn bản');
    const r = vanban(['check', 'trong'], { cwd: dir });
    assert.equal(r.status, 2);
    assert.equal(r.stderr, 'trong: không tìm thấy văn bản nào (.md, .markdown, .txt, .docx)\n');
    assert.equal(r.stdout, '✖ Không tìm thấy văn bản nào để kiểm tra.\n');
    assert.doesNotMatch(r.stdout, /✔/);
    // The current directory by default, and in English.
    const here = vanban(['check'], { cwd: join(dir, 'trong'), env: { LANG: 'en_US.UTF-8' } });
    assert.equal(here.status, 2);
    assert.equal(here.stderr, '.: no documents found (.md, .markdown, .txt, .docx)\n');
    assert.equal(here.stdout, '✖ No documents found to check.\n');
    // Machine formats stay valid, with no file, and the same status.
    const json = vanban(['check', 'trong', '-f', 'json'], { cwd: dir });
    assert.equal(json.status, 2);
    assert.deepEqual(JSON.parse(json.stdout).files, []);
    // The cross-document commands say the same.
    for (const command of ['links', 'register']) {
      const w = vanban([command, 'trong'], { cwd: dir });
      assert.equal(w.status, 2, command);
      assert.equal(w.stderr, 'trong: không tìm thấy văn bản nào (.md, .markdown, .txt, .docx)\n', command);
    }
  });

  it('a folder whose every document is ignored by the configuration is "no documents found" too', () => {
    const dir = scratch();
    mkdirSync(join(dir, 'luu-tru'));
    copyFixture('nghi-quyet.md', join(dir, 'luu-tru'), 'cu.md');
    write(dir, '.vanbanrc.json', '{ "ignore": ["luu-tru/"] }');
    const r = vanban(['check', 'luu-tru'], { cwd: dir });
    assert.equal(r.status, 2);
    assert.equal(r.stderr, 'luu-tru: không tìm thấy văn bản nào để kiểm tra (1 tệp bị bỏ qua theo "ignore" trong cấu hình)\n');
    assert.equal(r.stdout, '✖ Không tìm thấy văn bản nào để kiểm tra.\n');
  });

  it('a file that cannot be read is not "no documents found"', () => {
    const dir = scratch();
    write(dir, 'nhi-phan.md', Buffer.from([0, 1, 2, 3, 0, 0, 0xff]));
    const r = vanban(['check', 'nhi-phan.md'], { cwd: dir });
    assert.equal(r.status, 2);
    assert.equal(r.stdout, '✖ Không kiểm tra được văn bản nào.\n');
  });
});

describe('vanban-ls by hand', () => {
  const ls = (args: string[], env: NodeJS.ProcessEnv = {}) =>
    spawnSync(process.execPath, [join(repoRoot, 'bin/vanban-ls.cjs'), ...args], {
      encoding: 'utf8',
      input: '',
      timeout: 20_000,
      env: { PATH: process.env.PATH, LANG: 'C.UTF-8', ...env },
    });

  it('--help describes the transports, --version prints the version', { skip: !serverPath }, () => {
    const help = ls(['--help']);
    assert.equal(help.status, 0, help.stderr);
    assert.match(help.stdout, /^vanban-ls \S+ — máy chủ ngôn ngữ Vanban/);
    assert.match(help.stdout, /--stdio/);
    assert.match(ls(['-h'], { LANG: 'en_US.UTF-8' }).stdout, /over standard input and output/);
    assert.ok(help.stdout.length < 2000, 'a page of help, not the bundle');
    const v = ls(['--version']);
    assert.equal(v.status, 0);
    assert.equal(v.stdout, `${version}\n`);
  });

  it('with no transport: one usage line on stderr and exit 2', () => {
    for (const args of [[], ['--verbose']]) {
      const r = ls(args);
      assert.equal(r.status, 2, args.join(' '));
      assert.equal(r.stdout, '');
      assert.equal(r.stderr, 'vanban-ls: cách dùng: vanban-ls --stdio | --node-ipc | --socket=CỔNG | --pipe=TÊN (xem vanban-ls --help)\n');
    }
  });
});
