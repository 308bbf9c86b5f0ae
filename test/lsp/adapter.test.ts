// The adapter's pure parts, in process: settings, locale, globs, conversion of findings, the
// disable comment and fix-all. The protocol tests cover the same code through the server.

import assert from 'node:assert/strict';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Table, TableRow } from '../../server/src/core/document/tables.js';
import { analyze } from '../../server/src/core/engine.js';
import { LineIndex } from '../../server/src/core/text.js';
import type { Finding } from '../../server/src/core/types.js';
import type { AnalysisResult } from '../../server/src/lsp/analyses.js';
import { packageRoot, toDiagnostic } from '../../server/src/lsp/convert.js';
import { disableNextLineEdit, fixAllAction } from '../../server/src/lsp/features/codeActions.js';
import { hover } from '../../server/src/lsp/features/hover.js';
import { matchesAny } from '../../server/src/lsp/glob.js';
import { coreConfigFor, defaultSettings, readSettings, resolveLocale } from '../../server/src/lsp/settings.js';
import { fixture, repoRoot } from '../helpers.js';

describe('settings', () => {
  test('reads a partial section and ignores what it does not understand', () => {
    const s = readSettings({ rules: { 'target-year': 'error', 'target-value': 'loud', x: 3 }, locale: 'fr', trace: { server: 'verbose' } });
    assert.deepEqual(s.rules, { 'target-year': 'error' });
    assert.equal(s.locale, 'auto');
    assert.equal(s.trace, 'verbose');
    assert.equal(s.enable, true);
    assert.deepEqual(readSettings(null), defaultSettings());
  });

  test('the locale is vi for Vietnamese clients, en otherwise, unless the setting says', () => {
    assert.equal(resolveLocale('auto', 'vi'), 'vi');
    assert.equal(resolveLocale('auto', 'vi-VN'), 'vi');
    assert.equal(resolveLocale('auto', 'en-US'), 'en');
    assert.equal(resolveLocale('auto', undefined), 'en');
    assert.equal(resolveLocale('vi', 'en'), 'vi');
    assert.equal(resolveLocale('en', 'vi'), 'en');
  });

  test("the editor's rule severities override the configuration file's", () => {
    const fromFile = { rules: { 'target-year': 'off' as const, 'target-value': 'error' as const }, ruleOptions: {}, pillars: [], indicatorSynonyms: [], tolerance: 0 };
    const merged = coreConfigFor({ ...defaultSettings(), rules: { 'target-year': 'warning' } }, fromFile);
    assert.deepEqual(merged.rules, { 'target-year': 'warning', 'target-value': 'error' });
  });
});

describe('globs', () => {
  test('match as .gitignore does', () => {
    assert.ok(matchesAny('du-thao/nq-01.txt', ['du-thao/*.txt']));
    assert.ok(!matchesAny('khac/du-thao/nq-01.txt', ['du-thao/*.txt']));
    assert.ok(matchesAny('a/b/c/bao-cao.md', ['**/bao-cao.md']));
    assert.ok(matchesAny('a/b/bao-cao.md', ['bao-cao.md']));
    assert.ok(matchesAny('van-ban/2024/nq.md', ['van-ban/**']));
    assert.ok(matchesAny('x/kh-2025.markdown', ['**/*.{md,markdown}']));
    assert.ok(!matchesAny('x/kh-2025.txt', ['**/*.{md,markdown}']));
    assert.ok(matchesAny('nq-1.md', ['nq-?.md']));
    assert.ok(!matchesAny('nq-10.md', ['nq-?.md']));
  });
});

function resultFor(text: string, findings: Finding[], version = 3): AnalysisResult {
  const analysis = { ...analyze(text), findings };
  return {
    uri: 'untitled:x.md',
    version,
    generation: 0,
    analysis,
    checked: true,
    locale: 'vi',
    settings: defaultSettings(),
    config: { rules: {}, ruleOptions: {}, pillars: [], indicatorSynonyms: [], tolerance: 0 },
    diagnostics: [],
    durationMs: 0,
    stamp: 0,
  };
}

describe('conversion of findings', () => {
  const text = 'Dòng một\r\nTăng 9,56% so với năm 2022.\n';
  const lines = new LineIndex(text);
  const at = (needle: string) => ({ start: text.indexOf(needle), end: text.indexOf(needle) + needle.length });
  const finding: Finding = {
    ruleId: 'table-mismatch',
    severity: 'error',
    span: at('9,56%'),
    message: { vi: 'Thân báo cáo ghi 9,56%', en: 'The body says 9,56%' },
    related: [
      { span: at('Dòng một'), message: { vi: 'ở đây', en: 'here' } },
      { documentId: '/srv/nq.md', span: { start: 0, end: 4 }, message: { vi: 'nghị quyết', en: 'resolution' } },
      { documentId: '/srv/khong-mo.md', span: { start: 0, end: 4 }, message: { vi: 'không mở', en: 'not open' } },
    ],
    fix: { span: at('9,56'), text: '7,5', title: { vi: 'Sửa thành 7,5%', en: 'Change to 7,5%' } },
  };

  test('a diagnostic carries code, doc link, related locations and its fix with the version', () => {
    const other = new LineIndex('NGHỊ QUYẾT\n');
    const d = toDiagnostic(finding, lines, 'file:///srv/bc.md', 7, 'en', (id) =>
      id === '/srv/nq.md' ? { uri: 'file:///srv/nq.md', lines: other } : undefined,
    );
    assert.deepEqual(d.range, { start: { line: 1, character: 5 }, end: { line: 1, character: 10 } });
    assert.equal(d.severity, 1);
    assert.equal(d.code, 'table-mismatch');
    assert.equal(d.codeDescription?.href, pathToFileURL(join(repoRoot, 'docs/rules/table-mismatch.md')).href);
    assert.equal(d.message, 'The body says 9,56%');
    assert.deepEqual(
      d.relatedInformation?.map((r) => [r.location.uri, r.location.range.start.line, r.message]),
      [
        ['file:///srv/bc.md', 0, 'here'],
        ['file:///srv/nq.md', 0, 'resolution'],
      ],
    );
    assert.deepEqual(d.data, {
      version: 7,
      fix: { range: { start: { line: 1, character: 5 }, end: { line: 1, character: 9 } }, newText: '7,5', title: 'Change to 7,5%' },
    });
    assert.equal(packageRoot, repoRoot);
  });

  test('fix-all applies every fix that does not overlap an earlier one', () => {
    const second: Finding = { ...finding, span: at('2022'), fix: { span: at('2022'), text: '2021', title: finding.fix!.title } };
    const overlapping: Finding = { ...finding, fix: { span: at('9,56%'), text: '10%', title: finding.fix!.title } };
    const action = fixAllAction('untitled:x.md', resultFor(text, [finding, overlapping, second]), 'vi')!;
    assert.equal(action.kind, 'source.fixAll.vanban');
    const edits = action.edit!.changes!['untitled:x.md']!;
    const doc = TextDocument.create('untitled:x.md', 'markdown', 3, text);
    assert.equal(TextDocument.applyEdits(doc, edits), 'Dòng một\r\nTăng 7,5% so với năm 2021.\n');
    assert.equal(fixAllAction('untitled:x.md', resultFor(text, [{ ...finding, fix: undefined } as Finding]), 'vi'), undefined);
  });
});

describe('the disable comment', () => {
  test('is inserted above the line, indented like it, with the document line ending', () => {
    const doc = TextDocument.create('untitled:x.md', 'markdown', 1, 'a\r\n  - 100% văn bản\r\n');
    const edit = disableNextLineEdit(doc, 1, 'target-year');
    assert.equal(TextDocument.applyEdits(doc, [edit]), 'a\r\n  <!-- vanban-disable-next-line target-year -->\r\n  - 100% văn bản\r\n');
  });

  test('joins a comment already above the line, keeping its reason', () => {
    const doc = TextDocument.create('untitled:x.md', 'markdown', 1, '<!-- vanban-disable-next-line target-year -- theo phụ lục -->\n- 100% văn bản\n');
    const edit = disableNextLineEdit(doc, 1, 'target-pillar');
    assert.equal(
      TextDocument.applyEdits(doc, [edit]),
      '<!-- vanban-disable-next-line target-year, target-pillar -- theo phụ lục -->\n- 100% văn bản\n',
    );
    assert.deepEqual(disableNextLineEdit(doc, 1, 'target-year').newText, '<!-- vanban-disable-next-line target-year -- theo phụ lục -->');
  });
});

describe('hover on an assessment cell', () => {
  // The tables of the model are filled by the consistency work; the hover reads only the model's
  // contract, so a table is set on the analysed report here.
  const text = fixture('lsp/bao-cao.md');
  const at = (needle: string, from = 0) => {
    const start = text.indexOf(needle, text.indexOf('| 1 | Tỷ lệ', from));
    return { start, end: start + needle.length };
  };
  const rowStart = text.indexOf('| 1 | Tỷ lệ');
  const row: TableRow = {
    kind: 'data',
    span: { start: rowStart, end: text.indexOf('\n', rowStart) },
    label: '1',
    indicator: 'Tỷ lệ hồ sơ công việc cấp tỉnh được xử lý trên môi trường mạng',
    cells: [
      { column: 2, span: at('90%'), text: '90%' },
      { column: 3, span: at('92,5%'), text: '92,5%' },
      { column: 4, span: at('Đạt'), text: 'Đạt', verdict: 'met' },
    ],
  };
  const table: Table = {
    syntax: 'gfm',
    span: row.span,
    appendix: 1,
    columns: [
      { index: 0, label: 'STT', meaning: 'index' },
      { index: 1, label: 'Chỉ tiêu', meaning: 'indicator' },
      { index: 2, label: 'KH 5 năm 2021 - 2025', meaning: 'plan' },
      { index: 3, label: 'Năm 2023', meaning: 'result', year: 2023 },
      { index: 4, label: 'Đánh giá', meaning: 'assessment' },
    ],
    rows: [row],
  };
  const base = analyze(text);
  const analysis = { ...base, document: { ...base.document, tables: [table] } };
  const position = base.document.lines.position(at('Đạt').start + 1);

  test('explains the verdict with the plan and the latest result', () => {
    const value = (hover(analysis, position, 'vi')!.contents as { value: string }).value;
    assert.equal(
      value,
      [
        '**Ô đánh giá** — Đạt',
        '',
        '- Dòng 1: Tỷ lệ hồ sơ công việc cấp tỉnh được xử lý trên môi trường mạng',
        '- Kế hoạch (KH 5 năm 2021 - 2025): 90%',
        '- Kết quả mới nhất (Năm 2023): 92,5%',
        '',
        'Không phát hiện mâu thuẫn.',
      ].join('\n'),
    );
  });

  test('lists the findings on its row when it is not consistent', () => {
    const finding: Finding = {
      ruleId: 'status-mismatch',
      severity: 'error',
      span: at('Đạt'),
      message: { vi: 'Ghi "Đạt" nhưng 85% chưa đạt kế hoạch 90%.', en: 'Says "Met" but 85% is below the 90% plan.' },
    };
    const value = (hover({ ...analysis, findings: [finding] }, position, 'en')!.contents as { value: string }).value;
    assert.match(value, /^\*\*Assessment cell\*\* — Met/);
    assert.match(value, /\*\*Findings here\*\*\n\n- Says "Met" but 85% is below the 90% plan\. \(`status-mismatch`\)$/);
  });
});

describe('hover on a body figure in a report', () => {
  test('names the appendix cell it was matched to and whether they agree', () => {
    const text = fixture('consistency/report.md');
    const analysis = analyze(text);
    const lines = new LineIndex(text);
    const at = lines.position(text.indexOf('85,2%') + 1);
    const value = (hover(analysis, at, 'vi')!.contents as { value: string }).value;
    assert.match(value, /Ô phụ lục tương ứng: Phụ lục 01, dòng 4, cột "Năm 2023": `83,5%` — không khớp/);
    const ok = lines.position(text.indexOf('100%** văn bản') + 1);
    const agreed = (hover(analysis, ok, 'en')!.contents as { value: string }).value;
    assert.match(agreed, /Matching appendix cell: Appendix 01, row 1, column "Năm 2023": `100%` — agrees/);
  });
});
