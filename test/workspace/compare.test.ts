// Comparisons of one indicator across documents, and the CSP hash of the dashboard's stylesheet.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import { scanQuantities } from '../../server/src/core/index.js';
import { attainment, plansLess, restatement, statementOf, type Statement } from '../../server/src/core/workspace/compare.js';
import { base64, sha256 } from '../../server/src/core/workspace/sha256.js';

function st(text: string): Statement {
  const q = scanQuantities(text).quantities[0];
  assert.ok(q, `no quantity in "${text}"`);
  const s = statementOf(q);
  assert.ok(s, `no statement for "${text}"`);
  return s;
}

describe('comparing a plan, a result and a target', () => {
  it('restatement: same bound, values equal within precision', () => {
    const cases: [string, string, string | undefined][] = [
      ['Tăng tối thiểu 7%', 'tăng tối thiểu 7,0%', 'same'],
      ['Duy trì 100%', '100%', 'same'],
      ['Từ 60% trở lên', '60% dân số trở lên', 'same'],
      ['Trên 50%', 'Trên 55%', 'value'],
      ['70%', 'Từ 70% trở lên', 'comparator'],
      ['70%', '700 doanh nghiệp', undefined],
    ];
    for (const [plan, target, expected] of cases) assert.equal(restatement(st(plan), st(target)), expected, `${plan} / ${target}`);
  });

  it('a year plan may exceed the target, not fall short of it', () => {
    assert.equal(plansLess(st('65%'), st('Trên 55%'), 'Trên 55% doanh nghiệp'), false);
    assert.equal(plansLess(st('Trên 7%'), st('tối thiểu 7,0%'), 'tăng tối thiểu 7,0%'), false);
    assert.equal(plansLess(st('7%'), st('trên 7%'), 'trên 7%'), false, 'a weaker comparator on the same figure is not reported');
    assert.equal(plansLess(st('6%'), st('tối thiểu 7,0%'), 'tăng tối thiểu 7,0%'), true);
    assert.equal(plansLess(st('12%'), st('dưới 10%'), 'dưới 10% hộ nghèo'), true);
    assert.equal(plansLess(st('8%'), st('dưới 10%'), 'dưới 10% hộ nghèo'), false);
  });

  it('attainment: met, unmet, or unknown when the result is a bound', () => {
    const cases: [string, string, string][] = [
      ['60%', 'Từ 60% trở lên', 'met'],
      ['58%', 'Trên 55%', 'met'],
      ['55%', 'Trên 55%', 'unmet'],
      ['Trên 75%', 'Trên 60%', 'met'],
      ['Trên 75%', 'Trên 80%', 'unknown'],
      ['Dưới 10%', 'Trên 60%', 'unmet'],
      ['Trên 80%', '100%', 'unknown'],
      ['75,35%', '100%', 'unmet'],
      ['8%', 'dưới 10%', 'met'],
    ];
    for (const [result, target, expected] of cases) assert.equal(attainment(st(result), st(target), target), expected, `${result} / ${target}`);
  });
});

describe('sha256 for the Content-Security-Policy', () => {
  it('matches node:crypto on ASCII, Vietnamese and multi-block input', () => {
    for (const text of ['', 'abc', 'Chỉ tiêu đạt trên 55%\n'.repeat(40), 'x'.repeat(55), 'x'.repeat(64)]) {
      assert.equal(base64(sha256(text)), createHash('sha256').update(text, 'utf8').digest('base64'));
    }
  });
});
