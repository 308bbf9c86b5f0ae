// Exit statuses, bad input (each one line on stderr naming the file, the other files still
// checked, never a stack trace), encodings and line endings, directories, globs, stdin.
import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, openSync, closeSync, ftruncateSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { jsonReportSchema, type JsonReport } from '../../server/src/cli/json-schema.js';
import { cliFixtures, copyFixture, fixtureBytes, hasStackTrace, scratch, toCrlf, UTF8_BOM, vanban, write } from './cli-helpers.js';

const RESOLUTION = 'nghi-quyet.md';

function json(stdout: string): JsonReport {
  return jsonReportSchema.parse(JSON.parse(stdout));
}

function findingsOf(report: JsonReport, path: string) {
  const file = report.files.find((f) => f.path === path);
  assert.ok(file, `${path} is in the report`);
  return file.diagnostics.map((d) => ({ ruleId: d.ruleId, line: d.line, endLine: d.endLine, message: d.message }));
}

describe('exit status', () => {
  it('is 0 when nothing is at error severity', () => {
    assert.equal(vanban(['check', 'ghi-chu.md']).status, 0);
    assert.equal(vanban(['check', RESOLUTION]).status, 0);
  });

  it('is 1 when a finding is at error severity', () => {
    const dir = scratch();
    copyFixture(RESOLUTION, dir);
    write(dir, '.vanbanrc.json', '{ "rules": { "target-value": "error" } }');
    const r = vanban(['check', RESOLUTION], { cwd: dir });
    assert.equal(r.status, 1, r.stdout + r.stderr);
    assert.match(r.stdout, /nghi-quyet\.md:27:3\s+lỗi\s+.*target-value/);
  });

  it('is 2 for usage errors, with one line on stderr', () => {
    for (const args of [[], ['kiem-tra'], ['check', '--format', 'xml'], ['check', '--khong-co'], ['check', '--locale', 'fr'], ['targets']]) {
      const r = vanban(args);
      assert.equal(r.status, 2, args.join(' '));
      assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
      assert.match(r.stderr, /^vanban: .*\(xem vanban --help\)$/m);
    }
  });

  it('--help and --version exit 0', () => {
    const help = vanban(['--help']);
    assert.equal(help.status, 0);
    assert.match(help.stdout, /vanban check \[TỆP\|THƯ MỤC\|MẪU…\]/);
    assert.match(vanban(['--help', '--locale', 'en']).stdout, /Exit status: 0 no errors/);
    const version = vanban(['--version']);
    assert.equal(version.status, 0);
    const pkg = JSON.parse(readFileSync(join(cliFixtures, '../../../package.json'), 'utf8')) as { version: string };
    assert.equal(version.stdout.trim(), pkg.version);
  });
});

describe('bad input: one line each, naming the file; the other files are still checked', () => {
  const dir = scratch();
  copyFixture(RESOLUTION, dir);
  write(dir, 'sai-ma.md', Buffer.concat([Buffer.from('Báo cáo tháng\nKết qu'), Buffer.from([0xe1, 0xba]), Buffer.from('\n')]));
  write(dir, 'nhi-phan.md', Buffer.from([0x42, 0x43, 0x00, 0x01, 0x02, 0x44]));
  write(dir, 'bao-cao.pdf.md', Buffer.from('%PDF-1.7\n%âãÏÓ\n', 'latin1'));
  mkdirSync(join(dir, 'trong'));
  write(join(dir, 'trong'), 'anh.png', Buffer.from([0x89, 0x50, 0x4e, 0x47]));

  it('reports each problem and still checks the good file', () => {
    const r = vanban(['check', 'khong-co.md', 'sai-ma.md', 'nhi-phan.md', 'bao-cao.pdf.md', 'trong', 'thu-muc/*.md', RESOLUTION, '--format', 'json'], {
      cwd: dir,
    });
    assert.equal(r.status, 2);
    assert.ok(!hasStackTrace(r.stderr), r.stderr);
    const lines = r.stderr.trim().split('\n');
    assert.deepEqual(lines.map((l) => l.slice(0, l.indexOf(':'))).sort(), [
      'bao-cao.pdf.md',
      'khong-co.md',
      'nhi-phan.md',
      'sai-ma.md',
      'thu-muc/*.md',
      'trong',
    ]);
    assert.ok(lines.includes('khong-co.md: không tìm thấy tệp hoặc thư mục'));
    assert.ok(lines.includes('sai-ma.md: mã hoá UTF-8 không hợp lệ ở dòng 2 (byte 25); hãy lưu tệp dưới dạng UTF-8'));
    assert.ok(lines.includes('nhi-phan.md: tệp nhị phân, không phải văn bản; hãy chuyển sang Markdown hoặc văn bản thuần'));
    assert.match(r.stderr, /^bao-cao\.pdf\.md: tệp nhị phân \(có vẻ là PDF\)/m);
    assert.ok(lines.includes('trong: không tìm thấy văn bản nào (.md, .markdown, .txt, .docx)'));
    assert.ok(lines.includes('thu-muc/*.md: không có tệp nào khớp mẫu'));
    assert.equal(findingsOf(json(r.stdout), RESOLUTION).length, 1);
  });

  it('reports an unreadable file', () => {
    const locked = copyFixture(RESOLUTION, dir, 'khoa.md');
    chmodSync(locked, 0o000);
    // Root reads anything: run as an unprivileged user then.
    const asUser = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    const r = vanban(['check', 'khoa.md', RESOLUTION], { cwd: dir, ...asUser });
    chmodSync(locked, 0o644);
    assert.equal(r.status, 2, r.stdout + r.stderr);
    assert.equal(r.stderr, 'khoa.md: không đọc được tệp (EACCES)\n');
    assert.match(r.stdout, /nghi-quyet\.md:27:3/);
  });

  it('reports a file over the size limit (default 20 MB, configurable)', () => {
    const big = join(dir, 'lon.md');
    const fd = openSync(big, 'w');
    ftruncateSync(fd, 21 * 1024 * 1024);
    closeSync(fd);
    const r = vanban(['check', 'lon.md', RESOLUTION], { cwd: dir });
    assert.equal(r.status, 2);
    assert.match(r.stderr, /^lon\.md: tệp quá lớn \(21 MB, giới hạn 20 MB;/);
    const small = vanban(['check', RESOLUTION, '--max-file-size', '1KB', '--locale', 'en'], { cwd: dir });
    assert.equal(small.status, 2);
    assert.match(small.stderr, /^nghi-quyet\.md: file too large \(\d+(\.\d)? KB, limit 1 KB;/);
    const configured = scratch();
    copyFixture(RESOLUTION, configured);
    write(configured, '.vanbanrc.json', '{ "maxFileSize": "1.5KB" }');
    assert.match(vanban(['check', RESOLUTION], { cwd: configured }).stderr, /giới hạn 1.5 KB/);
    assert.equal(vanban(['check', RESOLUTION, '--max-file-size', '1MB'], { cwd: configured }).status, 0, 'the command line wins');
  });
});

describe('encodings and line endings give the same findings at the same lines', () => {
  const dir = scratch();
  const lf = fixtureBytes(RESOLUTION).toString('utf8');
  write(dir, 'lf.md', lf);
  write(dir, 'crlf.md', toCrlf(lf));
  write(dir, 'bom.md', Buffer.concat([UTF8_BOM, Buffer.from(lf)]));
  write(dir, 'bom-crlf.md', Buffer.concat([UTF8_BOM, Buffer.from(toCrlf(lf))]));
  write(dir, 'nfd.md', lf.normalize('NFD'));
  write(dir, 'utf16le.md', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(toCrlf(lf), 'utf16le')]));
  write(dir, 'utf16be.md', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(lf, 'utf16le').swap16()]));
  write(dir, 'ghi-chu.txt', 'Ghi chú: không có chỉ tiêu nào.\n');
  write(dir, 'khac.markdown', lf);

  it('CRLF, BOM, NFD, UTF-16 LE/BE, .txt and .markdown', () => {
    const r = vanban(['check', '.', '--format', 'json'], { cwd: dir });
    assert.equal(r.status, 0, r.stderr);
    const report = json(r.stdout);
    assert.deepEqual(
      report.files.map((f) => f.path),
      ['bom-crlf.md', 'bom.md', 'crlf.md', 'ghi-chu.txt', 'khac.markdown', 'lf.md', 'nfd.md', 'utf16be.md', 'utf16le.md'],
    );
    const expected = findingsOf(report, 'lf.md');
    assert.deepEqual(
      expected.map((f) => [f.ruleId, f.line]),
      [['target-value', 27]],
    );
    for (const name of ['crlf.md', 'bom.md', 'bom-crlf.md', 'utf16le.md', 'utf16be.md', 'khac.markdown']) {
      assert.deepEqual(findingsOf(report, name), expected, name);
    }
    // NFD spells the same words with more UTF-16 units: same rule and lines, the message in its own form.
    assert.deepEqual(
      findingsOf(report, 'nfd.md').map((f) => [f.ruleId, f.line, f.endLine, f.message.normalize('NFC')]),
      expected.map((f) => [f.ruleId, f.line, f.endLine, f.message]),
    );
    // Columns of a BOM file count from the first real character.
    const bom = report.files.find((f) => f.path === 'bom.md')!.diagnostics[0]!;
    const plain = report.files.find((f) => f.path === 'lf.md')!.diagnostics[0]!;
    assert.deepEqual([bom.column, bom.endColumn], [plain.column, plain.endColumn]);
  });
});

describe('directories and globs', () => {
  const dir = scratch();
  mkdirSync(join(dir, 'nghi-quyet/2024'), { recursive: true });
  mkdirSync(join(dir, 'node_modules/goi'), { recursive: true });
  mkdirSync(join(dir, '.git'));
  copyFixture(RESOLUTION, join(dir, 'nghi-quyet'), 'a.md');
  copyFixture(RESOLUTION, join(dir, 'nghi-quyet/2024'), 'b.md');
  copyFixture('ghi-chu.md', join(dir, 'nghi-quyet/2024'), 'c.txt');
  copyFixture(RESOLUTION, join(dir, 'node_modules/goi'), 'readme.md');
  copyFixture(RESOLUTION, join(dir, '.git'), 'x.md');
  // Not a document extension (.docx is one since issue 15): never collected from a directory.
  write(dir, 'nghi-quyet/2024/bang.xlsx', 'không phải văn bản');

  it('walks directories recursively, skipping node_modules and hidden folders, in a stable order', () => {
    const r = vanban(['check', '.', '--format', 'json'], { cwd: dir });
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(
      json(r.stdout).files.map((f) => f.path),
      ['nghi-quyet/2024/b.md', 'nghi-quyet/2024/c.txt', 'nghi-quyet/a.md'],
    );
  });

  it('expands quoted globs and names files only once', () => {
    const r = vanban(['check', 'nghi-quyet/**/*.md', 'nghi-quyet/a.md', '--format', 'json'], { cwd: dir });
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(
      json(r.stdout).files.map((f) => f.path),
      ['nghi-quyet/2024/b.md', 'nghi-quyet/a.md'],
    );
  });
});

describe('--stdin', () => {
  it('checks standard input under --stdin-filename, with that file’s configuration', () => {
    const dir = scratch();
    mkdirSync(join(dir, 'du-thao'));
    write(join(dir, 'du-thao'), '.vanbanrc.json', '{ "rules": { "target-value": "error" } }');
    const input = fixtureBytes(RESOLUTION);
    const r = vanban(['check', '--stdin', '--stdin-filename', 'du-thao/moi.md', '--format', 'json'], { cwd: dir, input });
    assert.equal(r.status, 1, r.stderr);
    const [file] = json(r.stdout).files;
    assert.equal(file!.path, 'du-thao/moi.md');
    assert.deepEqual(
      file!.diagnostics.map((d) => [d.ruleId, d.severity, d.line]),
      [['target-value', 'error', 27]],
    );
    const anonymous = vanban(['check', '--stdin'], { cwd: dir, input: Buffer.concat([UTF8_BOM, input]) });
    assert.match(anonymous.stdout, /^<stdin>:27:3 /m);
  });

  it('rejects stdin that is not text, and option combinations that make no sense', () => {
    const r = vanban(['check', '--stdin'], { input: Buffer.from([0x00, 0x01]) });
    assert.equal(r.status, 2);
    assert.equal(r.stderr, '<stdin>: tệp nhị phân, không phải văn bản; hãy chuyển sang Markdown hoặc văn bản thuần\n');
    assert.equal(vanban(['check', '--stdin', RESOLUTION]).status, 2);
    assert.equal(vanban(['check', '--stdin', '--fix']).status, 2);
    assert.equal(vanban(['check', '--stdin-filename', 'a.md']).status, 2);
  });
});
