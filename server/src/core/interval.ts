// Interval arithmetic for the consistency checks (domain guide §4, §6).
//
// Every figure in a document is rounded, so each stands for an interval of values (`7,5` is
// [7.45, 7.55]). A claim computed from figures is flagged only when NO choice of values inside the
// input intervals yields the stated figure, i.e. when the computed interval and the stated one do
// not overlap. The operations below return the exact range of the result over all inputs in
// their intervals (each input is used once per formula, so no dependency widening occurs), and
// the comparisons allow a relative slack of a few ulps so that binary floating point never turns
// an exact boundary (9,565 written 9,56 or 9,57) into a false alarm.

import type { Interval, VnNumber } from './numbers.js';

export type { Interval };

/** The whole real line: what a quotient is when its divisor may be zero. It overlaps everything,
 *  so a check built on it stays silent. */
export const UNBOUNDED: Readonly<Interval> = Object.freeze({ lo: -Infinity, hi: Infinity });

/** Relative tolerance of comparisons (about 4500 ulps: far below any written precision). */
const EPSILON = 1e-12;

/** The interval a written number stands for (its stated precision, multiplier applied). */
export function interval(n: VnNumber): Interval {
  return { lo: n.lo, hi: n.hi };
}

/** An exact value. */
export function point(value: number): Interval {
  return { lo: value, hi: value };
}

/** The interval of a figure written with `decimals` digits after the comma: value ± ½·10^−decimals. */
export function statedInterval(value: number, decimals: number): Interval {
  const scale = 10 ** decimals;
  // From the scaled integer, as parseVnNumber does: 9.56 gives exactly the doubles nearest
  // 9.555 and 9.565, not 9.56 − 0.005 with its rounding drift.
  const k = Math.round(value * scale);
  if (Math.abs(k / scale - value) <= Math.abs(value) * EPSILON) {
    return { lo: (2 * k - 1) / (2 * scale), hi: (2 * k + 1) / (2 * scale) };
  }
  const half = 0.5 / scale;
  return { lo: value - half, hi: value + half };
}

export function isBounded(a: Interval): boolean {
  return Number.isFinite(a.lo) && Number.isFinite(a.hi);
}

export function add(a: Interval, b: Interval): Interval {
  return { lo: a.lo + b.lo, hi: a.hi + b.hi };
}

export function sub(a: Interval, b: Interval): Interval {
  return { lo: a.lo - b.hi, hi: a.hi - b.lo };
}

/** 0 × ∞ is 0 here: an exact zero times an unbounded factor is still zero. */
function times(x: number, y: number): number {
  return x === 0 || y === 0 ? 0 : x * y;
}

export function mul(a: Interval, b: Interval): Interval {
  const p = [times(a.lo, b.lo), times(a.lo, b.hi), times(a.hi, b.lo), times(a.hi, b.hi)];
  return { lo: Math.min(...p), hi: Math.max(...p) };
}

/** Multiplication by an exact factor. */
export function scale(a: Interval, k: number): Interval {
  return mul(a, point(k));
}

/** a / b; UNBOUNDED when b contains 0 (the quotient may be anything, so nothing can be concluded). */
export function div(a: Interval, b: Interval): Interval {
  if (b.lo <= 0 && b.hi >= 0) return { ...UNBOUNDED };
  const q = [a.lo / b.lo, a.lo / b.hi, a.hi / b.lo, a.hi / b.hi];
  return { lo: Math.min(...q), hi: Math.max(...q) };
}

export function sum(intervals: readonly Interval[]): Interval {
  let lo = 0;
  let hi = 0;
  for (const i of intervals) {
    lo += i.lo;
    hi += i.hi;
  }
  return { lo, hi };
}

/** The mean of independent figures (`bình quân … Z%` over years); undefined for none. */
export function mean(intervals: readonly Interval[]): Interval | undefined {
  if (intervals.length === 0) return undefined;
  const s = sum(intervals);
  return { lo: s.lo / intervals.length, hi: s.hi / intervals.length };
}

/** x / y × 100: `862.509/834.204` → ≈ 103,39 %. */
export function percentOf(x: Interval, y: Interval): Interval {
  return scale(div(x, y), 100);
}

/** (b − a) / a × 100, the growth from a to b in percent: `115 → 126 (tăng 9,56%)`.
 *  Computed as (b / a − 1) × 100 so that `a`, used twice in the formula, is one value. */
export function growth(a: Interval, b: Interval): Interval {
  const q = div(b, a);
  if (!isBounded(q)) return { ...UNBOUNDED };
  return { lo: (q.lo - 1) * 100, hi: (q.hi - 1) * 100 };
}

function slack(...values: number[]): number {
  let m = 1;
  for (const v of values) if (Number.isFinite(v)) m = Math.max(m, Math.abs(v));
  return m * EPSILON;
}

/** value ∈ [lo, hi], closed, with floating-point slack. */
export function contains(a: Interval, value: number): boolean {
  const e = slack(a.lo, a.hi, value);
  return value >= a.lo - e && value <= a.hi + e;
}

/** The intervals share at least one value (closed, with floating-point slack): the claim can be
 *  right. */
export function overlaps(a: Interval, b: Interval): boolean {
  const e = slack(a.lo, a.hi, b.lo, b.hi);
  return a.lo <= b.hi + e && b.lo <= a.hi + e;
}
