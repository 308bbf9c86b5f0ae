// `vanban check` and `vanban convert` on Word documents (.docx written part by part, no word
// processor needed): findings say where they are in Word in every format, folders yield .docx
// files, a .docx is never rewritten, and every kind of bad Word file is one line naming it (exit 2)
// while the other files are still checked.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { strToU8, zipSync } from 'fflate';
import { jsonReportSchema } from '../../server/src/cli/json-schema.js';
import { docx, docxOfLines, docxOfMarkdown, p, xmlText } from '../docx-build.js';
import { fixturesDir, repoRoot } from '../helpers.js';
import { hasStackTrace, scratch, vanban, write as writeFile } from './cli-helpers.js';

function write(dir: string, name: string, content: string | Uint8Array): string {
  mkdirSync(dirname(join(dir, name)), { recursive: true });
  return writeFile(dir, name, content);
}

/** A report whose ratio claim is wrong (1.250/1.200 is 104,17%, not a 9,17% excess). */
const REPORT_BODY = [
  p('BÁO CÁO', { bold: true }),
  p('Kết quả thực hiện Nghị quyết số 12-NQ/TU ngày 15/3/2022 về chuyển đổi số'),
  p('I- KẾT QUẢ THỰC HIỆN'),
  p('Đã kích hoạt 1.250/1.200 tài khoản định danh điện tử mức 2 của cán bộ, công chức, vượt 9,17% so với chỉ tiêu được giao.'),
].join('');

function reportDocx(): Uint8Array {
  return docx(REPORT_BODY);
}

describe('vanban check FILE.docx', () => {
  it('reports the findings with the Word paragraph and a quote (stylish)', () => {
    const dir = scratch();
    write(dir, 'bao-cao.docx', reportDocx());
    const r = vanban(['check', 'bao-cao.docx'], { cwd: dir });
    assert.equal(r.status, 1, r.stdout + r.stderr);
    assert.match(r.stdout, /^bao-cao\.docx:7:\d+\s+lỗi\s+.*9,17%.*ratio-claim$/m);
    assert.match(r.stdout, /↳ Word: đoạn 4 “…?.*vượt 9,17% so với chỉ tiêu.*”/);
    const en = vanban(['check', 'bao-cao.docx', '--locale', 'en'], { cwd: dir });
    assert.match(en.stdout, /↳ Word: paragraph 4 “/);
  });

  it('gives the Word location and snippet in JSON, SARIF, GitHub and JUnit', () => {
    const dir = scratch();
    write(dir, 'bao-cao.docx', reportDocx());
    const report = jsonReportSchema.parse(JSON.parse(vanban(['check', 'bao-cao.docx', '-f', 'json'], { cwd: dir }).stdout));
    const d = report.files[0]!.diagnostics.find((x) => x.ruleId === 'ratio-claim');
    assert.ok(d, JSON.stringify(report));
    assert.equal(d.word?.paragraph, 4);
    assert.equal(d.word?.location, 'đoạn 4');
    assert.match(d.word?.snippet ?? '', /9,17%/);
    assert.ok((d.word?.snippet.length ?? 0) <= 64, d.word?.snippet);

    const sarif = JSON.parse(vanban(['check', 'bao-cao.docx', '-f', 'sarif'], { cwd: dir }).stdout);
    const result = sarif.runs[0].results.find((x: { ruleId: string }) => x.ruleId === 'ratio-claim');
    assert.match(result.locations[0].physicalLocation.region.snippet.text, /9,17%/);
    assert.equal(result.locations[0].message.text, 'Word: đoạn 4');
    assert.equal(result.properties.word.paragraph, 4);

    // Still valid SARIF 2.1.0 with the snippet, the location's message and the properties.
    const out = join(dir, 'word.sarif');
    vanban(['check', 'bao-cao.docx', '-f', 'sarif', '-o', out], { cwd: dir });
    const validation = join(dir, 'validation.sarif');
    const v = spawnSync(join(repoRoot, 'node_modules/.bin/sarif-multitool'), ['validate', out, '--output', validation], { encoding: 'utf8', timeout: 300_000 });
    assert.equal(v.status, 0, `${v.stdout}\n${v.stderr}`);
    const problems = JSON.parse(readFileSync(validation, 'utf8')).runs[0].results as { level?: string }[];
    assert.deepEqual(problems.filter((p) => (p.level ?? 'warning') === 'error'), [], 'the multitool finds no errors');

    assert.match(vanban(['check', 'bao-cao.docx', '-f', 'github'], { cwd: dir }).stdout, /::error file=bao-cao\.docx,line=7,.*\(Word: đoạn 4: “.*9,17%.*”\)$/m);
    assert.match(vanban(['check', 'bao-cao.docx', '-f', 'junit'], { cwd: dir }).stdout, /Word: đoạn 4: “[^”]*9,17%/);
  });

  it('names the table, row and cell of a finding in a table', () => {
    const dir = scratch();
    const row = (cells: string[], bold = false) => `<w:tr>${cells.map((c) => `<w:tc>${p(c, { bold })}</w:tc>`).join('')}</w:tr>`;
    const table =
      '<w:tbl>' +
      row(['Năm', 'Vốn đầu tư', 'Vốn thường xuyên', 'Tổng']) +
      row(['2022', '70,1', '28,9', '99']) +
      row(['2023', '80,1', '31,4', '111,5']) +
      row(['Tổng cộng', '150,2', '60,3', '250'], true) +
      '</w:tbl>';
    write(dir, 'phu-luc.docx', docx(p('BÁO CÁO') + p('Phụ lục 02') + p('NGUỒN LỰC CHUYỂN ĐỔI SỐ') + p('Đơn vị tính: tỷ đồng') + table));
    const report = jsonReportSchema.parse(JSON.parse(vanban(['check', 'phu-luc.docx', '-f', 'json'], { cwd: dir }).stdout));
    const inTable = report.files[0]!.diagnostics.filter((d) => d.word?.table !== undefined);
    assert.ok(inTable.length > 0, JSON.stringify(report, null, 1));
    for (const d of inTable) {
      assert.equal(d.word!.table, 1);
      assert.ok(d.word!.row! >= 2 && d.word!.cell! >= 2, JSON.stringify(d.word));
      assert.match(d.word!.location, /^bảng 1, hàng \d, ô \d$/);
    }
  });

  it('finds .docx files in folders and checks them with the others; ignore patterns apply', () => {
    const dir = scratch();
    write(dir, 'a/bao-cao.docx', reportDocx());
    write(dir, 'a/ghi-chu.md', 'Ghi chú.\n');
    let r = vanban(['check', 'a', '-f', 'json'], { cwd: dir });
    assert.deepEqual(
      jsonReportSchema.parse(JSON.parse(r.stdout)).files.map((f) => f.path),
      ['a/bao-cao.docx', 'a/ghi-chu.md'],
    );
    write(dir, '.vanbanrc.json', '{ "ignore": ["*.docx"] }');
    r = vanban(['check', 'a', '-f', 'json'], { cwd: dir });
    assert.deepEqual(
      jsonReportSchema.parse(JSON.parse(r.stdout)).files.map((f) => f.path),
      ['a/ghi-chu.md'],
    );
  });

  it('never rewrites a .docx: --fix shows the fixes instead', () => {
    const dir = scratch();
    const bytes = reportDocx();
    const path = write(dir, 'bao-cao.docx', bytes);
    const r = vanban(['check', '--fix', 'bao-cao.docx'], { cwd: dir });
    assert.ok(r.status === 0 || r.status === 1, r.stderr);
    assert.ok(!hasStackTrace(r.stderr));
    assert.deepEqual(new Uint8Array(readFileSync(path)), bytes);
    // Said as what would be fixed, with the changed lines, not as done.
    assert.match(r.stdout, /^bao-cao\.docx: sẽ sửa 1 vấn đề$/m);
    assert.match(r.stdout, /^\s+\+7: .*4,17%/m);
  });

  it('reads standard input as Word when --stdin-filename names a .docx', () => {
    const r = vanban(['check', '--stdin', '--stdin-filename', 'bao-cao.docx', '-f', 'json'], { cwd: scratch(), input: reportDocx() });
    assert.equal(r.status, 1, r.stderr);
    const d = jsonReportSchema.parse(JSON.parse(r.stdout)).files[0]!.diagnostics.find((x) => x.ruleId === 'ratio-claim');
    assert.equal(d?.word?.paragraph, 4);
  });

  it('a Word report checked with its Markdown resolution: the cross-document finding names its Word table cell', () => {
    const dir = scratch();
    const lsp = join(fixturesDir, 'workspace-lsp');
    const resolution = readFileSync(join(lsp, 'nghi-quyet-song-lam.md'), 'utf8').replace('- Trên 60% doanh nghiệp', '- Trên 65% doanh nghiệp');
    write(dir, 'nghi-quyet.md', resolution);
    write(dir, 'bao-cao.docx', docxOfMarkdown(readFileSync(join(lsp, 'bao-cao-song-lam-2023.md'), 'utf8')));
    const r = vanban(['check', '.', '-f', 'json'], { cwd: dir });
    const report = jsonReportSchema.parse(JSON.parse(r.stdout));
    const d = report.files.find((f) => f.path === 'bao-cao.docx')!.diagnostics.filter((x) => x.ruleId === 'resolution-mismatch');
    assert.equal(d.length, 1, r.stdout);
    assert.equal(d[0]!.word?.snippet, 'Trên 60%');
    assert.match(d[0]!.word?.location ?? '', /^bảng 1, hàng \d+, ô 3$/);
  });

  it('links a Markdown report to a resolution that exists only as Word', () => {
    const dir = scratch();
    const resolution = readFileSync(join(repoRoot, 'examples/nghi-quyet-chuyen-doi-so.md'), 'utf8');
    write(dir, 'nghi-quyet.docx', docxOfLines(resolution));
    write(dir, 'bao-cao.md', readFileSync(join(repoRoot, 'examples/bao-cao-ket-qua-2023.md'), 'utf8'));
    const r = vanban(['links', '.', '-f', 'json'], { cwd: dir });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /bao-cao\.md/);
    assert.match(r.stdout, /nghi-quyet\.docx/);
    const links = JSON.parse(r.stdout);
    assert.ok(JSON.stringify(links).includes('nghi-quyet.docx'), r.stdout);
  });
});

describe('bad Word files', () => {
  const ole = (extra?: string) => {
    const bytes = new Uint8Array(2048);
    bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    if (extra) for (let i = 0; i < extra.length; i++) bytes[1024 + 2 * i] = extra.charCodeAt(i);
    return bytes;
  };

  it('each is one line naming the file, exit 2, the other files still checked, no hang', () => {
    const dir = scratch();
    const good = reportDocx();
    write(dir, 'in/0-tot.docx', good);
    write(dir, 'in/1-cu.docx', ole());
    write(dir, 'in/2-mat-khau.docx', ole('EncryptedPackage'));
    write(dir, 'in/3-cat-cut.docx', good.subarray(0, Math.floor(good.length / 2)));
    write(dir, 'in/4-khong-phai-word.docx', zipSync({ 'a.txt': strToU8('xin chào') }));
    write(dir, 'in/5-trong.docx', docx('<w:p/>'));
    // 70 MB of text compressed to well under a megabyte: refused before it is inflated.
    write(dir, 'in/6-bom.docx', docx(p('A'.repeat(70 * 1024 * 1024))));
    write(dir, 'in/7-ghi-chu.md', 'Ghi chú.\n');
    const started = Date.now();
    const r = vanban(['check', 'in', '-f', 'json'], { cwd: dir });
    assert.ok(Date.now() - started < 20_000, 'finishes promptly');
    assert.equal(r.status, 2, r.stderr);
    assert.ok(!hasStackTrace(r.stderr), r.stderr);
    const lines = r.stderr.trimEnd().split('\n');
    assert.equal(lines.length, 6, r.stderr);
    assert.match(lines[0]!, /^in\/1-cu\.docx: tệp Word 97-2003 \(\.doc\).*lưu lại dưới dạng \.docx$/);
    assert.match(lines[1]!, /^in\/2-mat-khau\.docx: .*mật khẩu.*lưu lại dưới dạng \.docx$/);
    assert.match(lines[2]!, /^in\/3-cat-cut\.docx: tệp \.docx bị hỏng hoặc không trọn vẹn/);
    assert.match(lines[3]!, /^in\/4-khong-phai-word\.docx: .*không phải văn bản Word/);
    assert.match(lines[4]!, /^in\/5-trong\.docx: văn bản Word không có chữ nào/);
    assert.match(lines[5]!, /^in\/6-bom\.docx: .*quá lớn.*giới hạn 64/);
    const checked = jsonReportSchema.parse(JSON.parse(r.stdout)).files.map((f) => f.path);
    assert.deepEqual(checked, ['in/0-tot.docx', 'in/7-ghi-chu.md']);
  });

  it('an old .doc named on the command line says to save it as .docx (English too)', () => {
    const dir = scratch();
    write(dir, 'cu.doc', ole());
    const r = vanban(['check', 'cu.doc', '--locale', 'en'], { cwd: dir });
    assert.equal(r.status, 2);
    assert.equal(r.stderr, 'cu.doc: a binary Word 97-2003 (.doc) file, which cannot be read; open it in Word and save it as .docx\n');
  });
});

describe('vanban convert', () => {
  it('writes the Markdown to standard output or -o, numbering and footnotes included', () => {
    const dir = scratch();
    const footnotes = `<?xml version="1.0"?><w:footnotes xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:footnote w:id="2"><w:p><w:r><w:t>${xmlText('Kế hoạch số 88/KH-UBND.')}</w:t></w:r></w:p></w:footnote></w:footnotes>`;
    write(dir, 'bc.docx', docx(p('BÁO CÁO') + p('Ban hành Kế hoạch', { footnote: 2 }), { 'word/footnotes.xml': footnotes }));
    const expected = 'BÁO CÁO\n\nBan hành Kế hoạch<sup>1</sup>.\n\n<sup>1</sup> Kế hoạch số 88/KH-UBND.\n';
    const r = vanban(['convert', 'bc.docx'], { cwd: dir });
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, expected);
    const o = vanban(['convert', 'bc.docx', '-o', 'bc.md'], { cwd: dir });
    assert.equal(o.status, 0, o.stderr);
    assert.equal(o.stdout, '');
    assert.equal(readFileSync(join(dir, 'bc.md'), 'utf8'), expected);
  });

  it('refuses what is not a Word document and bad usage, exit 2', () => {
    const dir = scratch();
    write(dir, 'a.md', 'Ghi chú.\n');
    let r = vanban(['convert', 'a.md'], { cwd: dir });
    assert.equal(r.status, 2);
    assert.equal(r.stderr, 'a.md: không phải tệp Word (.docx)\n');
    r = vanban(['convert'], { cwd: dir });
    assert.equal(r.status, 2);
    assert.match(r.stderr, /convert cần đúng một tệp \.docx/);
    r = vanban(['convert', 'khong-co.docx'], { cwd: dir });
    assert.equal(r.status, 2);
    assert.match(r.stderr, /^khong-co\.docx: /);
  });

  it('is listed by vanban help', () => {
    assert.match(vanban(['help']).stdout, /vanban convert TỆP\.docx/);
    assert.match(vanban(['help', 'convert', '--locale', 'en']).stdout, /automatic numbering/);
  });
});
