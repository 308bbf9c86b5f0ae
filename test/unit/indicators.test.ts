// Indicator matching: the word index answers exactly what comparing every candidate answers.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { bestMatch, indicatorWords, MatchIndex } from '../../server/src/core/indicators.js';

test('wordings that differ in tone placement, case and stop words match', () => {
  const rows = ['Tỷ lệ hộ gia đình có kết nối Internet băng rộng cố định', 'Tỷ lệ dân số trưởng thành có điện thoại thông minh', 'Tỷ lệ người dân có hồ sơ sức khỏe điện tử'];
  const index = new MatchIndex(rows, indicatorWords);
  assert.equal(index.best(indicatorWords('83,66% hộ gia đình có kết nối internet băng rộng cố định'), 0.6, 0.15)?.item, rows[0]);
  assert.equal(index.best(indicatorWords('người dân có hồ sơ sức khoẻ điện tử'), 0.6, 0.15)?.item, rows[2]);
  assert.equal(index.best(indicatorWords('doanh nghiệp sử dụng hợp đồng điện tử'), 0.6, 0.15), undefined);
});

test('MatchIndex.best equals bestMatch over the accepted candidates on random word sets', () => {
  const word = fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h');
  const words = fc.uniqueArray(word, { maxLength: 6 }).map((w) => new Set(w));
  fc.assert(
    fc.property(
      fc.array(words, { maxLength: 12 }),
      words,
      fc.constantFrom(0.3, 0.5, 0.6, 0.75),
      fc.constantFrom(0.01, 0.1, 0.15),
      fc.integer({ min: 0, max: 3 }),
      (candidates, query, threshold, margin, modulo) => {
        const items = candidates.map((w, i) => ({ w, i }));
        const accept = (x: { i: number }) => modulo === 0 || x.i % (modulo + 1) !== 0;
        const expected = bestMatch(query, items.filter(accept), (x) => x.w, threshold, margin);
        const actual = new MatchIndex(items, (x) => x.w).best(query, threshold, margin, accept);
        assert.deepEqual(actual, expected);
      },
    ),
    { seed: 20240601, numRuns: 2000 },
  );
});
