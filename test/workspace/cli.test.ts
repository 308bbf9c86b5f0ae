// The cross-document commands through the built binary: `vanban links`, `register`, `dashboard`,
// and `vanban check DIR` running resolution-mismatch across the documents it is given.
import assert from 'node:assert/strict';
import { copyFileSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { jsonReportSchema } from '../../server/src/cli/json-schema.js';
import { jsonLinksSchema } from '../../server/src/cli/links-json.js';
import { jsonRegisterSchema } from '../../server/src/cli/register-json.js';
import { scratch, vanban, write } from '../cli/cli-helpers.js';
import { fixturesDir } from '../helpers.js';

const dir = join(fixturesDir, 'workspace');
const FILES = ['nghi-quyet-long-dien.md', 'bao-cao-long-dien.md', 'nghi-quyet-ha-lam.md', 'bao-cao-ha-lam.md', 'bao-cao-quy-i.md'];

function copyAll(): string {
  const target = scratch();
  for (const f of FILES) copyFileSync(join(dir, f), join(target, f));
  return target;
}

describe('vanban links', () => {
  it('table: what is linked to what and why', () => {
    const r = vanban(['links', '.'], { cwd: dir });
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(r.stdout.trimEnd().split('\n'), [
      'bao-cao-ha-lam.md → nghi-quyet-ha-lam.md  [trùng chỉ tiêu] 6/6 chỉ tiêu của báo cáo trùng với chỉ tiêu của văn bản, tiêu đề tương đồng 100%',
      'bao-cao-long-dien.md → nghi-quyet-long-dien.md  [số hiệu] báo cáo dẫn số 15-NQ/TU ngày 20/05/2022',
      'bao-cao-quy-i.md ✗ không tìm thấy văn bản mà báo cáo này báo cáo về',
    ]);
  });

  it('json, and a link from the configuration', () => {
    const work = copyAll();
    write(work, '.vanbanrc.json', JSON.stringify({ links: [{ report: 'bao-cao-quy-i.md', resolution: 'nghi-quyet-ha-lam.md' }] }));
    const r = vanban(['links', '.', '--format', 'json', '--locale', 'en'], { cwd: work });
    assert.equal(r.status, 0, r.stderr);
    const { links } = jsonLinksSchema.parse(JSON.parse(r.stdout));
    assert.deepEqual(
      links.map((l) => [l.report, l.status, l.resolution, l.reason]),
      [
        ['bao-cao-ha-lam.md', 'linked', 'nghi-quyet-ha-lam.md', 'overlap'],
        ['bao-cao-long-dien.md', 'linked', 'nghi-quyet-long-dien.md', 'number'],
        ['bao-cao-quy-i.md', 'linked', 'nghi-quyet-ha-lam.md', 'config'],
      ],
    );
    assert.deepEqual(links[1]!.evidence, { number: '15-NQ/TU', date: '20/05/2022' });
    assert.equal(links[0]!.evidence?.pairs?.length, 6);
  });

  it('a bad format is a one-line usage error, exit 2', () => {
    const r = vanban(['register', '.', '-f', 'xml'], { cwd: dir });
    assert.equal(r.status, 2);
    assert.equal(r.stdout, '');
    assert.equal(r.stderr, 'vanban: giá trị không hợp lệ cho --format: "xml" (cần: table | csv | json) (xem vanban --help)\n');
  });
});

describe('vanban register', () => {
  it('csv for a spreadsheet: BOM, CRLF, every target', () => {
    const r = vanban(['register', '.', '-f', 'csv'], { cwd: dir });
    assert.equal(r.status, 0, r.stderr);
    assert.ok(r.stdout.startsWith('\uFEFFTệp,Dòng,'));
    const records = r.stdout.split('\r\n').filter((l) => l !== '');
    assert.equal(records.length, 1 + 8 + 6);
    assert.ok(records.includes('nghi-quyet-long-dien.md,42,Nghị quyết số 15-NQ/TU,Xã hội số,2025,=,70%,dân số trưởng thành có tài khoản thanh toán điện tử,Trên 65%,2023,Chưa xác định,bao-cao-long-dien.md:41'), r.stdout);
  });

  it('json: results by year and the status of each target', () => {
    const r = vanban(['register', '.', '-f', 'json'], { cwd: dir });
    assert.equal(r.status, 0, r.stderr);
    const register = jsonRegisterSchema.parse(JSON.parse(r.stdout));
    const first = register.targets[0]!;
    assert.equal(first.path, 'nghi-quyet-ha-lam.md');
    assert.deepEqual(first.results.map((x) => [x.year, x.value]), [[2022, 95], [2023, 100]]);
    assert.equal(first.status, 'met');
    assert.deepEqual(
      register.targets.filter((t) => t.path === 'nghi-quyet-ha-lam.md').map((t) => t.status),
      ['met', 'unmet', 'unmet', 'unmet', 'unmet', 'met'],
    );
  });

  it('table on the terminal', () => {
    const r = vanban(['register', 'nghi-quyet-long-dien.md', 'bao-cao-long-dien.md'], { cwd: dir });
    assert.equal(r.status, 0, r.stderr);
    const lines = r.stdout.trimEnd().split('\n');
    assert.equal(lines[0], 'nghi-quyet-long-dien.md — Nghị quyết số 15-NQ/TU');
    assert.match(lines[1]!, /^ {2}Dòng {2}Trụ cột +Năm +Mục tiêu +Kết quả mới nhất +Đánh giá +Chỉ tiêu$/);
    assert.match(lines[4]!, /^ {2}36 +Kinh tế số +2025 +Trên 50% +44% \(2023\) +Chưa đạt +doanh nghiệp nhỏ và vừa/);
  });
});

describe('vanban dashboard', () => {
  it('writes one self-contained HTML file', () => {
    const work = scratch();
    const out = join(work, 'bang-theo-doi.html');
    const r = vanban(['dashboard', dir, '-o', out]);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, '');
    const html = readFileSync(out, 'utf8');
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'sha256-[A-Za-z0-9+/]+=*'; img-src data:;/);
    assert.doesNotMatch(html, /<script|https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
    assert.match(html, /Nghị quyết số 15-NQ\/TU/);
    // Links relative to the page (here from a scratch folder up to the fixtures), no path of this machine.
    const href = /<a href="([^"]*nghi-quyet-long-dien\.md)"[^>]*>[^<]*nghi-quyet-long-dien\.md:36</.exec(html)?.[1];
    assert.ok(href, 'the target links to its document');
    assert.equal(resolve(work, decodeURIComponent(href)), join(dir, 'nghi-quyet-long-dien.md'));
    assert.doesNotMatch(html, /href="(file|vscode):/);
    assert.doesNotMatch(html, /(href="|>|data-document=")\//, 'no absolute path in the page');
  });
});

describe('vanban check across documents', () => {
  it('reports a plan cell that misquotes the resolution, with the target as related location', () => {
    const work = copyAll();
    const report = join(work, 'bao-cao-long-dien.md');
    write(work, 'bao-cao-long-dien.md', readFileSync(report, 'utf8').replace('| Trên 50% | 31% |', '| Trên 45% | 31% |'));
    const r = vanban(['check', '.', '-f', 'json'], { cwd: work });
    assert.equal(r.status, 0, r.stderr);
    const { files } = jsonReportSchema.parse(JSON.parse(r.stdout));
    const diagnostics = files.flatMap((f) => f.diagnostics.map((d) => ({ ...d, path: f.path }))).filter((d) => d.ruleId === 'resolution-mismatch');
    assert.equal(diagnostics.length, 1, r.stdout);
    const [d] = diagnostics;
    assert.deepEqual([d!.path, d!.line, d!.severity], ['bao-cao-long-dien.md', 37, 'warning']);
    assert.deepEqual(
      d!.related.map((x) => [x.path, x.line]),
      [['nghi-quyet-long-dien.md', 36]],
    );
    // The report alone is not compared with anything.
    const alone = vanban(['check', 'bao-cao-long-dien.md', '-f', 'json'], { cwd: work });
    assert.equal(JSON.parse(alone.stdout).files[0].diagnostics.length, 0, alone.stdout);
  });
});
