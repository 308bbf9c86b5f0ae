// Real Word files: the project's examples, seeds 004 and 000 (when ../shared/seeds exists) and an
// outline fixture are written as HTML, turned into .docx by LibreOffice at test time (automatic
// numbering, merged cells, footnotes as Word writes them), and checked: the same findings (rule,
// message, quoted text) as the Markdown they came from, and `vanban convert` gives their outline
// and tables back. Skipped, saying why, where LibreOffice is not installed.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { jsonReportSchema, type JsonDiagnostic } from '../../server/src/cli/json-schema.js';
import { convertWithLibreOffice, findSoffice, markdownToHtml, textToHtml } from '../docx-html.js';
import { repoRoot, seed, SEEDS, SEEDS_ABSENT, fixturesDir } from '../helpers.js';
import { scratch, vanban } from './cli-helpers.js';

const soffice = findSoffice();
const NO_SOFFICE = 'LibreOffice (soffice) is not installed: apt-get install libreoffice-writer-nogui (scripts/install-e2e.sh does)';

/** The text a finding covers, markup left out, blanks collapsed. */
function quoted(text: string, d: JsonDiagnostic): string {
  const lines = text.split('\n');
  const parts: string[] = [];
  for (let l = d.line; l <= d.endLine; l++) {
    const line = lines[l - 1] ?? '';
    parts.push(line.slice(l === d.line ? d.column - 1 : 0, l === d.endLine ? d.endColumn - 1 : line.length));
  }
  return parts
    .join(' ')
    .replace(/\*\*|<\/?(?:sup|b)>|\\(?=\|)/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function findings(dir: string, file: string, text: string): string[] {
  const r = vanban(['check', file, '-f', 'json'], { cwd: dir });
  assert.ok(r.status === 0 || r.status === 1, `${file}: ${r.stderr}`);
  const report = jsonReportSchema.parse(JSON.parse(r.stdout));
  return report.files[0]!.diagnostics.map((d) => `${d.ruleId} | ${d.message} | ${quoted(text, d)}`).sort();
}

function converted(dir: string, file: string): string {
  const r = vanban(['convert', file], { cwd: dir });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout;
}

/** Numbered lines (`I- …`, `1.`, `1.1.`, `a)`), headings' and paragraphs' leading labels. */
function outline(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.replace(/^#+\s*/, '').replace(/\*\*|<\/?b>/g, '').trim())
    .map((l) => /^((?:[IVX]+|\d+(?:\.\d+)*|[a-zđ])\s*[-.)])\s/u.exec(l)?.[1]?.replace(/\s+/g, ''))
    .filter((l): l is string => l !== undefined);
}

/** Table rows as their cells' text (pipe tables and tab-separated rows alike). */
function tableRows(text: string): string[] {
  return text
    .split('\n')
    .filter((l) => (l.startsWith('|') && !/^\|[-|: ]+\|$/.test(l)) || l.includes('\t'))
    .map((l) =>
      (l.startsWith('|') ? l.slice(1, -1).split(/(?<!\\)\|/) : l.split('\t'))
        .map((c) => c.replace(/\*\*|<\/?[bi]>|(?<!\w)\*|\*(?!\w)|\\(?=\|)/g, '').replace(/<sup>\((\d+)\)<\/sup>/g, '<sup>$1</sup>').replace(/\s+/g, ' ').trim())
        .filter((c) => c !== '')
        .join(' ¦ '),
    )
    .filter((r) => r !== '');
}

describe('Word files written by LibreOffice', { skip: soffice ? false : NO_SOFFICE }, () => {
  const dir = scratch();
  const sources: Record<string, { text: string; html: string }> = {};
  const seedReport = seed(SEEDS.dongThapReport);
  const seedResolution = seed(SEEDS.dongThapResolution);

  before(() => {
    const add = (name: string, text: string, html: string) => {
      sources[name] = { text, html };
      writeFileSync(join(dir, `${name}.md`), text);
      writeFileSync(join(dir, `${name}.html`), html);
    };
    for (const name of ['bao-cao-ket-qua-2023', 'nghi-quyet-chuyen-doi-so']) {
      const text = readFileSync(join(repoRoot, 'examples', `${name}.md`), 'utf8');
      add(name, text, markdownToHtml(text));
    }
    if (seedReport) add('seed-004', seedReport, textToHtml(seedReport));
    if (seedResolution) add('seed-000', seedResolution, textToHtml(seedResolution));
    writeFileSync(join(dir, 'outline.html'), readFileSync(join(fixturesDir, 'docx/outline.html')));
    const started = Date.now();
    convertWithLibreOffice(soffice!, [...Object.keys(sources).map((n) => `${n}.html`), 'outline.html'].map((f) => join(dir, f)), dir);
    console.log(`# LibreOffice wrote ${Object.keys(sources).length + 1} .docx files in ${Date.now() - started} ms`);
  });

  for (const name of ['bao-cao-ket-qua-2023', 'nghi-quyet-chuyen-doi-so']) {
    it(`examples/${name}.md as .docx: the same findings (rule, message, quoted text)`, () => {
      const markdown = findings(dir, `${name}.md`, sources[name]!.text);
      const word = findings(dir, `${name}.docx`, converted(dir, `${name}.docx`));
      assert.deepEqual(word, markdown);
    });
  }

  for (const [name, present] of [
    ['seed-004', seedReport],
    ['seed-000', seedResolution],
  ] as const) {
    it(`${name} as .docx: the same outline, tables and findings`, { skip: present ? false : SEEDS_ABSENT }, () => {
      const text = converted(dir, `${name}.docx`);
      assert.deepEqual(outline(text), outline(sources[name]!.text));
      assert.deepEqual(tableRows(text), tableRows(sources[name]!.text));
      assert.deepEqual(findings(dir, `${name}.docx`, text), findings(dir, `${name}.md`, sources[name]!.text));
    });
  }

  it('outline fixture: numbering, merged header cells, bold group and total rows, footnotes', () => {
    const text = converted(dir, 'outline.docx');
    assert.equal(
      text,
      [
        '## BÁO CÁO',
        '',
        '### **Kết quả thực hiện Nghị quyết số 12-NQ/TU ngày 15/3/2022 về chuyển đổi số**',
        '',
        'Thực hiện Nghị quyết số 12-NQ/TU, Ban cán sự đảng báo cáo như sau:',
        '',
        'I. **CÔNG TÁC TRIỂN KHAI**',
        '',
        'Ủy ban nhân dân tỉnh ban hành Kế hoạch thực hiện<sup>1</sup>, giao nhiệm vụ cụ thể.',
        '',
        '<sup>1</sup> Kế hoạch số 88/KH-UBND ngày 05/5/2022.',
        '',
        'II. **KẾT QUẢ THỰC HIỆN**',
        '',
        '1. Chính quyền số',
        '',
        'a. Dịch vụ công trực tuyến toàn trình đạt **100%**.',
        '',
        'b. Hồ sơ xử lý trên môi trường mạng đạt **72%**.',
        '',
        '2. Kinh tế số',
        '',
        'a. Kinh tế số chiếm **9,8%** GRDP.',
        '',
        '**Phụ lục 01**',
        '',
        '| **STT** | **Tên chỉ tiêu** | **Kết quả thực hiện** | |',
        '|---|---|---|---|',
        '| | | **Năm 2022** | **Năm 2023** |',
        '| **Chính quyền số** | | | |',
        '| 1 | Dịch vụ công trực tuyến toàn trình | 90% | 100% |',
        '| 2 | Hồ sơ xử lý trên môi trường mạng | 65% | 72% |',
        '| | **Tổng cộng** | **155** | **172** |',
        '',
      ].join('\n'),
    );
    const r = vanban(['targets', 'outline.docx', '-f', 'json'], { cwd: dir });
    assert.equal(r.status, 0, r.stderr);
  });
});
