// Interval arithmetic of the consistency checks: a claim is wrong only when no value inside the
// stated precision of its inputs gives the stated figure (domain guide §4, §6).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  UNBOUNDED,
  add,
  contains,
  div,
  growth,
  interval,
  isBounded,
  mean,
  mul,
  overlaps,
  percentOf,
  point,
  scale,
  statedInterval,
  sub,
  sum,
  type Interval,
} from '../../server/src/core/interval.js';
import { parseVnNumber } from '../../server/src/core/numbers.js';

/** The interval a written Vietnamese figure stands for. */
const vn = (text: string): Interval => {
  const n = parseVnNumber(text);
  assert.ok(n, text);
  return interval(n);
};

const near = (a: Interval, lo: number, hi: number): void => {
  assert.ok(Math.abs(a.lo - lo) < 1e-9 && Math.abs(a.hi - hi) < 1e-9, `[${a.lo}, ${a.hi}] ≠ [${lo}, ${hi}]`);
};

describe('construction', () => {
  test('interval of a parsed number is its stated precision', () => {
    assert.deepEqual(vn('7,5'), { lo: 7.45, hi: 7.55 });
    assert.deepEqual(vn('126'), { lo: 125.5, hi: 126.5 });
  });

  test('statedInterval', () => {
    assert.deepEqual(statedInterval(7.5, 1), { lo: 7.45, hi: 7.55 });
    assert.deepEqual(statedInterval(100, 0), { lo: 99.5, hi: 100.5 });
    assert.deepEqual(statedInterval(9.56, 2), { lo: 9.555, hi: 9.565 });
    assert.deepEqual(statedInterval(84.027, 3), vn('84,027'));
  });

  test('point', () => {
    assert.deepEqual(point(3), { lo: 3, hi: 3 });
  });
});

describe('operations', () => {
  test('add, sub', () => {
    near(add(vn('26,2'), vn('45,84')), 26.15 + 45.835, 26.25 + 45.845);
    near(sub(point(10), { lo: 1, hi: 2 }), 8, 9);
  });

  test('mul with signs, and 0 × unbounded', () => {
    near(mul({ lo: -2, hi: 3 }, { lo: 4, hi: 5 }), -10, 15);
    near(mul({ lo: -2, hi: -1 }, { lo: -3, hi: 4 }), -8, 6);
    assert.deepEqual(mul(point(0), UNBOUNDED), { lo: 0, hi: 0 });
    near(scale({ lo: 1, hi: 2 }, -1), -2, -1);
  });

  test('div', () => {
    near(div(point(1), { lo: 2, hi: 4 }), 0.25, 0.5);
    near(div({ lo: -1, hi: 1 }, { lo: -4, hi: -2 }), -0.5, 0.5);
  });

  test('a divisor interval containing 0 gives UNBOUNDED, which contradicts nothing', () => {
    const q = div(point(5), { lo: -0.5, hi: 0.5 });
    assert.equal(isBounded(q), false);
    assert.deepEqual(q, { lo: -Infinity, hi: Infinity });
    assert.ok(overlaps(q, vn('42')));
    assert.equal(isBounded(percentOf(vn('3'), vn('0'))), false);
    assert.equal(isBounded(growth(vn('0'), vn('3'))), false);
    assert.ok(contains(growth(vn('0'), vn('3')), 1e9));
  });

  test('sum and mean', () => {
    near(sum([point(1), { lo: 2, hi: 3 }]), 3, 4);
    near(mean([point(1), { lo: 2, hi: 5 }])!, 1.5, 3);
    assert.equal(mean([]), undefined);
  });

  test('contains and overlaps are closed', () => {
    assert.ok(contains(statedInterval(9.56, 2), 9.565));
    assert.ok(contains(statedInterval(9.56, 2), 9.555));
    assert.ok(!contains(statedInterval(9.56, 2), 9.5651));
    assert.ok(overlaps({ lo: 1, hi: 2 }, { lo: 2, hi: 3 }));
    assert.ok(!overlaps({ lo: 1, hi: 2 }, { lo: 2.001, hi: 3 }));
  });

  test('floating-point noise at an exact boundary is tolerated', () => {
    // 0.1 + 0.2 = 0.30000000000000004: still "0,3" written with one decimal's upper half-unit.
    assert.ok(contains({ lo: 0.25, hi: 0.3 }, 0.1 + 0.2));
  });
});

describe('the report’s claims (seed 004)', () => {
  test('126/115 growth 9,565…% written 9,56% is consistent when 126 and 115 are rounded', () => {
    const g = growth(vn('115'), vn('126'));
    assert.ok(contains(g, ((126 - 115) / 115) * 100));
    assert.ok(overlaps(g, vn('9,56')));
    // Exact inputs would make 9,56 wrong (9,5652… rounds to 9,57): the precision of the inputs matters.
    assert.ok(!overlaps(growth(point(115), point(126)), vn('9,56')));
  });

  test('the other yearly growths of footnote (2) are consistent', () => {
    assert.ok(overlaps(growth(vn('96'), vn('101')), vn('5,2')));
    assert.ok(overlaps(growth(vn('101'), vn('115')), vn('13,86')));
  });

  test('862.509/834.204 = 103,39 %, “vượt 3,39%”', () => {
    const p = percentOf(vn('862.509'), vn('834.204'));
    assert.ok(overlaps(p, statedInterval(103.39, 2)));
    assert.ok(overlaps(sub(p, point(100)), vn('3,39')));
    assert.ok(!overlaps(sub(p, point(100)), vn('3,49')));
  });

  test('1.398.424/1.929.691 dân is 72 % of the population', () => {
    assert.ok(overlaps(percentOf(vn('1.398.424'), vn('1.929.691')), vn('72')));
  });

  test('5,2% vs 6,08% for the same year is a contradiction', () => {
    assert.ok(!overlaps(vn('5,2'), vn('6,08')));
  });

  test('bình quân 9,54% is the mean of the footnote, not of the appendix', () => {
    assert.ok(overlaps(mean([vn('5,2'), vn('13,86'), vn('9,56')])!, vn('9,54')));
    const appendix = mean([vn('6,08'), vn('13,77'), vn('7,5')])!;
    assert.ok(!overlaps(appendix, vn('9,54')));
    assert.ok(overlaps(appendix, vn('9,12')));
  });

  test('Phụ lục 04 totals add up', () => {
    assert.ok(overlaps(sum([vn('26,2'), vn('45,84'), vn('167,6'), vn('409,6')]), vn('649,24')));
    assert.ok(overlaps(sum([vn('26,2'), vn('75,15'), vn('84,027')]), vn('185,377')));
    assert.ok(overlaps(sum([vn('649,24'), vn('268,99'), vn('390,67')]), vn('1.308,9')));
    assert.ok(overlaps(sum([vn('185,377'), vn('163,073'), vn('182,85'), vn('777,6')]), vn('1.308,9')));
    assert.ok(!overlaps(sum([vn('649,24'), vn('268,99'), vn('390,67')]), vn('1.318,9')));
  });
});
