// Inline configuration comments, through the binary: every directive, unknown rule ids and
// directive names reported, comments in code blocks ignored, --no-inline-config.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { jsonReportSchema } from '../../server/src/cli/json-schema.js';
import { vanban } from './cli-helpers.js';

function lines(args: string[]): string[] {
  const r = vanban(['check', ...args, '--format', 'json']);
  assert.notEqual(r.status, 2, r.stderr);
  return jsonReportSchema.parse(JSON.parse(r.stdout)).files[0]!.diagnostics.map((d) => `${d.line}:${d.ruleId}`);
}

// tat-kiem-tra.md has six qualitative targets (lines 15, 16, 19, 22, 25, 31):
//   14 <!-- vanban-disable-next-line target-value -- … -->    hides 15, not 16
//   18 <!-- vanban-disable target-value --> … 20 enable       hides 19, not 22
//   24 <!-- vanban-disable-next-line target-valeu -->          a typo: reported, hides nothing
//   28 the same disable inside a ``` block                     an example, not a directive
describe('inline suppression', () => {
  it('disable-next-line, disable/enable regions, unknown rule ids, fenced examples', () => {
    assert.deepEqual(lines(['tat-kiem-tra.md']), ['16:target-value', '22:target-value', '24:inline-config', '25:target-value', '31:target-value']);
  });

  it('--no-inline-config ignores every comment', () => {
    assert.deepEqual(lines(['tat-kiem-tra.md', '--no-inline-config']), [
      '15:target-value',
      '16:target-value',
      '19:target-value',
      '22:target-value',
      '25:target-value',
      '31:target-value',
    ]);
  });

  it('disable-file at the end of the document covers all of it', () => {
    assert.deepEqual(lines(['tat-ca-tep.md']), []);
    assert.deepEqual(lines(['tat-ca-tep.md', '--no-inline-config']), ['14:target-value', '15:target-value']);
  });

  it('disable with no rule id covers every rule until enable; enable can name one rule', () => {
    // 14 disable (all) → 15 hidden; 16 enable target-value → 17 reported; 18 enable (all) → 19 reported.
    assert.deepEqual(lines(['tat-moi-quy-tac.md']), ['17:target-value', '19:target-value']);
    assert.deepEqual(lines(['tat-moi-quy-tac.md', '--no-inline-config']), ['15:target-value', '17:target-value', '19:target-value']);
  });

  it('names the unknown rule and suggests the nearest one', () => {
    const r = vanban(['check', 'tat-kiem-tra.md', '--locale', 'en']);
    assert.match(r.stdout, /tat-kiem-tra\.md:24:31\s+warning\s+unknown rule in vanban-disable-next-line comment: "target-valeu" \(did you mean "target-value"\?\)\s+inline-config/);
    const misspelt = vanban(['check', 'go-sai-chu-thich.md']);
    assert.match(misspelt.stdout, /go-sai-chu-thich\.md:15:13\s+cảnh báo\s+chú thích cấu hình không hợp lệ: "vanban-disable-nextline" \(có phải "vanban-disable-next-line"\?\)/);
  });
});
