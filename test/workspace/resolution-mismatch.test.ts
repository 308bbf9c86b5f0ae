// resolution-mismatch: the report's plan columns against the linked resolution's targets. Silent on
// the consistent seeds 000 + 004; exactly one finding, on the right cell with the resolution's target
// as related location, for each single mutation.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze, defaultConfig, type Finding } from '../../server/src/core/index.js';
import type { WorkspaceDocument } from '../../server/src/core/workspace/index.js';
import { SEEDS, SEEDS_ABSENT } from '../helpers.js';
import { doc, fixtureDoc, fixtureText, lineContaining, lineOf, LONG_DIEN_REPORT, LONG_DIEN_RESOLUTION, seedDoc } from './support.js';

const RULE = 'resolution-mismatch';

function check(reportId: string, reportText: string, others: WorkspaceDocument[]): { findings: Finding[]; report: WorkspaceDocument } {
  const report = doc(reportId, reportText);
  const analysis = analyze(reportText, { only: [RULE], workspace: { id: reportId, documents: [...others, report] } });
  assert.deepEqual(analysis.failures, []);
  return { findings: analysis.findings, report };
}

function mutate(text: string, from: string, to: string): string {
  assert.equal(text.split(from).length, 2, `"${from}" must occur exactly once`);
  return text.replace(from, to);
}

describe('resolution-mismatch on the seeds', () => {
  const resolution = seedDoc(SEEDS.dongThapResolution);
  const others = [SEEDS.kienGiangResolution, SEEDS.haiDuongResolution].map((s) => seedDoc(s));
  const reportText = seedDoc(SEEDS.dongThapReport)?.document.text;
  const skip = !resolution || !reportText || others.some((o) => !o) ? SEEDS_ABSENT : false;
  const workspace = () => [resolution!, ...others.map((o) => o!)];

  it('silent: seeds 000 and 004 agree on all 17 indicators', { skip }, () => {
    assert.deepEqual(check(SEEDS.dongThapReport, reportText!, workspace()).findings, []);
    // Every rule together, too: the workspace adds nothing on consistent documents.
    const all = analyze(reportText!, { workspace: { id: SEEDS.dongThapReport, documents: workspace() } });
    assert.deepEqual(all.findings.filter((f) => f.ruleId === RULE), []);
  });

  it('silent when the report is checked alone', { skip }, () => {
    const mutated = mutate(reportText!, '\tTrên 55%\t53%', '\tTrên 50%\t53%');
    assert.deepEqual(analyze(mutated, { only: [RULE] }).findings, []);
  });

  it('a changed value in the 5-year plan column: one finding on that cell, the target related', { skip }, () => {
    const mutated = mutate(reportText!, '\tTrên 55%\t53%', '\tTrên 50%\t53%');
    const { findings, report } = check(SEEDS.dongThapReport, mutated, workspace());
    assert.equal(findings.length, 1, JSON.stringify(findings));
    const [f] = findings;
    assert.equal(lineOf(report, f!.span.start), lineContaining(mutated, '\tTrên 50%\t53%'));
    assert.equal(mutated.slice(f!.span.start, f!.span.end), 'Trên 50%');
    assert.equal(f!.severity, 'warning');
    assert.match(f!.message.vi, /Cột "KH 5 năm 2021 - 2025" ghi "Trên 50%" .* chỉ tiêu năm 2025 .* là "Trên 55%"/);
    const [related] = f!.related!;
    assert.equal(related!.documentId, SEEDS.dongThapResolution);
    assert.equal(lineOf(resolution!, related!.span.start), lineContaining(resolution!.document.text, 'Trên 55% doanh nghiệp'));
  });

  it('a changed target in the resolution: one finding on the report’s cell', { skip }, () => {
    const changed = doc(SEEDS.dongThapResolution, mutate(resolution!.document.text, 'Trên 80% hộ gia đình', 'Trên 85% hộ gia đình'));
    const { findings, report } = check(SEEDS.dongThapReport, reportText!, [changed, ...others.map((o) => o!)]);
    assert.equal(findings.length, 1, JSON.stringify(findings));
    assert.equal(lineOf(report, findings[0]!.span.start), lineContaining(reportText!, 'Hộ gia đình có kết nối Internet băng rộng cố định'));
    assert.equal(reportText!.slice(findings[0]!.span.start, findings[0]!.span.end), 'Trên 80%');
    assert.equal(lineOf(changed, findings[0]!.related![0]!.span.start), lineContaining(changed.document.text, 'Trên 85% hộ gia đình'));
  });

  it('the same figure under another comparator is reported as such', { skip }, () => {
    const mutated = mutate(reportText!, 'Dân số có kiến thức số, kỹ năng số cơ bản\t70%', 'Dân số có kiến thức số, kỹ năng số cơ bản\tTừ 70% trở lên');
    const { findings } = check(SEEDS.dongThapReport, mutated, workspace());
    assert.equal(findings.length, 1, JSON.stringify(findings));
    assert.match(findings[0]!.message.vi, /khác cách so sánh: ≥ so với =/);
  });

  it('a year plan below the target for that year is reported; above it is not', { skip }, () => {
    // Row 9: KH năm 2024 | KH năm 2025 | GD 2024 - 2025 are all "Trên 7%"; the target is "tối thiểu 7,0%".
    const below = mutate(reportText!, 'Trên 7%\tTrên 7%\tTrên 7%', 'Trên 7%\t6%\tTrên 7%');
    const { findings, report } = check(SEEDS.dongThapReport, below, workspace());
    assert.equal(findings.length, 1, JSON.stringify(findings));
    assert.match(findings[0]!.message.vi, /Cột "KH năm 2025" ghi "6%".*thấp hơn chỉ tiêu/);
    assert.equal(lineOf(report, findings[0]!.span.start), lineContaining(below, 'Năng suất lao động/năm'));
    // No resolution target for 2024: its plan column is not compared.
    const early = mutate(reportText!, 'Trên 7%\tTrên 7%\tTrên 7%', '6%\tTrên 7%\tTrên 7%');
    assert.deepEqual(check(SEEDS.dongThapReport, early, workspace()).findings, []);
  });

  it('an ambiguous link: one information finding on the citation, nothing compared', { skip }, () => {
    const copy = doc('ban-sao/000.txt', resolution!.document.text);
    const mutated = mutate(reportText!, '\tTrên 55%\t53%', '\tTrên 50%\t53%');
    const { findings, report } = check(SEEDS.dongThapReport, mutated, [...workspace(), copy]);
    assert.equal(findings.length, 1, JSON.stringify(findings));
    assert.equal(findings[0]!.severity, 'information');
    assert.match(findings[0]!.message.vi, /trùng với 2 văn bản/);
    assert.match(mutated.slice(findings[0]!.span.start, findings[0]!.span.end), /^Nghị quyết số 04-NQ\/TU ngày 31\/12\/2021/);
    assert.equal(lineOf(report, findings[0]!.span.start), lineContaining(mutated, '### **Kết quả thực hiện Nghị quyết'));
  });
});

describe('resolution-mismatch on the fixtures', () => {
  const resolution = fixtureDoc(LONG_DIEN_RESOLUTION);
  const text = fixtureText(LONG_DIEN_REPORT);

  it('silent on the consistent pair', () => {
    assert.deepEqual(check(LONG_DIEN_REPORT, text, [resolution]).findings, []);
  });

  it('a GFM cell that misquotes the target', () => {
    const mutated = mutate(text, '| Trên 50% | 31% |', '| Trên 45% | 31% |');
    const { findings, report } = check(LONG_DIEN_REPORT, mutated, [resolution]);
    assert.equal(findings.length, 1, JSON.stringify(findings));
    assert.equal(lineOf(report, findings[0]!.span.start), lineContaining(mutated, '| Trên 45% |'));
    assert.equal(findings[0]!.related![0]!.documentId, LONG_DIEN_RESOLUTION);
    assert.equal(lineOf(resolution, findings[0]!.related![0]!.span.start), lineContaining(resolution.document.text, '- Trên 50% doanh nghiệp'));
  });

  it('rounding is not a difference: 6,5% restated as 6,50%', () => {
    const mutated = mutate(text, 'Tăng tối thiểu 6,5%', 'Tăng tối thiểu 6,50%');
    assert.deepEqual(check(LONG_DIEN_REPORT, mutated, [resolution]).findings, []);
  });

  it('a disabled rule says nothing', () => {
    const mutated = mutate(text, '| Trên 50% | 31% |', '| Trên 45% | 31% |');
    const report = doc(LONG_DIEN_REPORT, mutated);
    const config = { ...defaultConfig(), rules: { [RULE]: 'off' as const } };
    const analysis = analyze(mutated, { config, workspace: { id: LONG_DIEN_REPORT, documents: [resolution, report] } });
    assert.deepEqual(analysis.findings.filter((f) => f.ruleId === RULE), []);
  });
});
