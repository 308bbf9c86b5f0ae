// Comparing what two documents say about one indicator: a report's plan value against the
// resolution's target (does the report restate it, or plan less?), and a yearly result against the
// target (is it met?). Values carry their stated precision (core/interval.ts) and their comparator.

import { overlaps, type Interval } from '../interval.js';
import type { Comparator, Quantity } from '../numbers.js';
import type { Target } from '../document/model.js';
import { toneKey } from '../text.js';

export type Bound = 'gt' | 'gte' | 'lt' | 'lte' | 'eq';

/** A value with what it states about the quantity: `Trên 55%` → gt 55 %, `Duy trì 100%` → eq 100 %. */
export interface Statement {
  bound: Bound;
  /** The written value (`7,0` → 7). */
  value: number;
  /** The value's stated precision (`7,0` → [6.95, 7.05]). */
  interval: Interval;
  kind: Quantity['kind'];
  /** Unit without multiplier (`doanh nghiệp`), for counts. */
  unit?: string;
}

/** What a quantity states, under the comparator the clause gives it; undefined when it states no
 *  comparable bound (`khoảng 50%`, a fraction). */
export function statementOf(quantity: Quantity, comparator: Comparator = quantity.comparator): Statement | undefined {
  if (quantity.kind === 'fraction') return undefined;
  let bound: Comparator = comparator;
  if (bound === 'maintain') bound = quantity.maintained ?? 'eq';
  if (bound === 'maintain' || bound === 'approx') return undefined;
  return {
    bound,
    value: quantity.number.value,
    interval: { lo: quantity.number.lo, hi: quantity.number.hi },
    kind: quantity.kind,
    ...(quantity.baseUnit ?? quantity.unit ? { unit: quantity.baseUnit ?? quantity.unit } : {}),
  };
}

/** What a target states, under the comparator of its clause. */
export function targetStatement(target: Target): Statement | undefined {
  return target.value ? statementOf(target.value, target.comparator ?? target.value.comparator) : undefined;
}

/** Two statements measure the same kind of thing: percent with percent, counts of the same noun. */
export function comparable(a: Statement, b: Statement): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === 'count' && a.unit !== undefined && b.unit !== undefined && toneKey(a.unit) !== toneKey(b.unit)) return false;
  return true;
}

export type Restatement = 'same' | 'value' | 'comparator';

/**
 * Does `plan` restate `target` (the report's `KH 5 năm` column quoting the resolution)? The same
 * bound and values that agree within their stated precision (`7%` and `7,0%`) are the same.
 * Undefined when they cannot be compared.
 */
export function restatement(plan: Statement, target: Statement): Restatement | undefined {
  if (!comparable(plan, target)) return undefined;
  if (!overlaps(plan.interval, target.interval)) return 'value';
  if (plan.bound !== target.bound) return 'comparator';
  return 'same';
}

export type Direction = 'up' | 'down';

/** Whether reaching the target means being above (`trên`, `đạt`) or below (`dưới`, `giảm … còn`). */
export function direction(target: Statement, targetText: string): Direction | undefined {
  if (target.bound === 'gt' || target.bound === 'gte') return 'up';
  if (target.bound === 'lt' || target.bound === 'lte') return 'down';
  // `=`: a share to reach, unless the wording speaks of a decrease.
  return /(^|\s)(giam|xuông)(\s|$)/.test(toneKey(targetText)) ? undefined : 'up';
}

/**
 * A year's plan (`KH năm 2025`) may be more ambitious than the resolution's target for that year,
 * never less: true when every value the plan allows misses the target even within the stated
 * precision (`60%` against `trên 80%`). A weaker comparator on the same figure is not reported.
 */
export function plansLess(plan: Statement, target: Statement, targetText: string): boolean {
  if (!comparable(plan, target)) return false;
  const dir = direction(target, targetText);
  if (dir === 'up') {
    // The most the plan allows, read generously, is below the least the target asks.
    const most = plan.bound === 'gt' || plan.bound === 'gte' ? Infinity : plan.interval.hi;
    return most < target.interval.lo;
  }
  if (dir === 'down') {
    const least = plan.bound === 'lt' || plan.bound === 'lte' ? -Infinity : plan.interval.lo;
    return least > target.interval.hi;
  }
  return false;
}

export type Attainment = 'met' | 'unmet' | 'unknown';

interface Range {
  lo: number;
  loOpen: boolean;
  hi: number;
  hiOpen: boolean;
}

function rangeOf(s: Statement): Range {
  switch (s.bound) {
    case 'eq':
      return { lo: s.value, loOpen: false, hi: s.value, hiOpen: false };
    case 'gt':
      return { lo: s.value, loOpen: true, hi: Infinity, hiOpen: true };
    case 'gte':
      return { lo: s.value, loOpen: false, hi: Infinity, hiOpen: true };
    case 'lt':
      return { lo: -Infinity, loOpen: true, hi: s.value, hiOpen: true };
    case 'lte':
      return { lo: -Infinity, loOpen: true, hi: s.value, hiOpen: false };
  }
}

/**
 * Is the target met by a result? Both are taken as written (a result of `60%` meets `60%`; targets
 * are decisions, and the report's figure is what it states), with the result's own comparator
 * widening it to a range (`Trên 75%`, `Dưới 10%`): met when every value of that range reaches the
 * target, unmet when none does, unknown otherwise (`Trên 80%` against `100%`) or when the two
 * cannot be compared.
 */
export function attainment(result: Statement, target: Statement, targetText: string): Attainment {
  if (!comparable(result, target)) return 'unknown';
  const dir = direction(target, targetText);
  if (!dir) return 'unknown';
  const t = target.value;
  const strict = target.bound === 'gt' || target.bound === 'lt';
  const reaches = (x: number) => (dir === 'up' ? (strict ? x > t : x >= t) : strict ? x < t : x <= t);
  const r = rangeOf(result);
  // The end of the range farthest from the target decides "every value reaches"; the nearest
  // end decides "some value reaches". An open end counts as reaching when the values next to it do.
  const [far, farOpen, near, nearOpen] = dir === 'up' ? [r.lo, r.loOpen, r.hi, r.hiOpen] : [r.hi, r.hiOpen, r.lo, r.loOpen];
  const beyond = (x: number) => (dir === 'up' ? x > t : x < t);
  const all = Number.isFinite(far) && (farOpen ? beyond(far) || far === t : reaches(far));
  if (all) return 'met';
  const some = !Number.isFinite(near) || (nearOpen ? beyond(near) : reaches(near));
  return some ? 'unknown' : 'unmet';
}
