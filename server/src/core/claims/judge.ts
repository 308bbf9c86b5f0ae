// Judging the claims the reader found: what the figures compute to, at their precision, and how
// to say it. A computed value is shown to the precision that decides the question — an exact
// count's ratio to two decimals (`13/17 là 76,47%`), a measured one as the range its stated
// precision allows (`43,2%–57,1%`) — never as an interval's midpoint.

import { formatVn } from '../consistency/context.js';
import { growth, overlaps, percentOf, point, sub, sum, div, type Interval } from '../interval.js';
import type { Claim } from './reader.js';

export interface Verdict {
  /** What the figures compute to. */
  computed: Interval;
  /** What the text states, at its precision. */
  stated: Interval;
  /** True when the two cannot both hold. */
  contradiction: boolean;
}

function statedOf(o: { lo: number; hi: number }, sign = 1): Interval {
  return sign > 0 ? { lo: o.lo, hi: o.hi } : { lo: -o.hi, hi: -o.lo };
}

/** Widens a stated interval by the configured extra tolerance. */
function widen(i: Interval, tolerance: number): Interval {
  return tolerance > 0 ? { lo: i.lo - tolerance, hi: i.hi + tolerance } : i;
}

export function judge(claim: Claim, tolerance = 0): Verdict | undefined {
  switch (claim.relation) {
    case 'ratio': {
      if (claim.whole.value.hi <= 0) return undefined;
      const ratio = percentOf(claim.part.value, claim.whole.value);
      const computed = claim.mode === 'over' ? sub(ratio, point(100)) : ratio;
      const stated = widen(statedOf(claim.stated.local.number), tolerance);
      return { computed, stated, contradiction: !overlaps(computed, stated) };
    }
    case 'change': {
      const a = claim.from.value;
      const b = claim.to.value;
      if (a.lo <= 0 && (claim.mode === 'percent' || claim.mode === 'multiple')) return undefined;
      const computed = claim.mode === 'percent' ? growth(a, b) : claim.mode === 'multiple' ? div(b, a) : sub(b, a);
      const stated = widen(statedOf(claim.stated.local.number, claim.mode === 'multiple' ? 1 : claim.sign), tolerance);
      return { computed, stated, contradiction: !overlaps(computed, stated) };
    }
    case 'breakdown': {
      const computed = sum(claim.parts.map((p) => p.value));
      const stated = widen(claim.total.value, tolerance);
      const contradiction = claim.mode === 'exhaustive' ? !overlaps(computed, stated) : computed.lo > stated.hi;
      return { computed, stated, contradiction };
    }
    case 'count': {
      const computed = sum([claim.met.value, claim.unmet.value]);
      const stated = claim.total.value;
      return { computed, stated, contradiction: !overlaps(computed, stated) };
    }
  }
}

const isPoint = (i: Interval): boolean => Math.abs(i.hi - i.lo) <= 1e-9 * Math.max(1, Math.abs(i.lo));

/**
 * A computed value as a reader checks it: a point to `decimals` + 1 digits (at least two for a
 * percentage), a range to as many digits as make its ends differ.
 */
export function showComputed(i: Interval, decimals: number, percent: boolean): string {
  const unit = percent ? '%' : '';
  if (isPoint(i)) {
    const d = percent ? Math.max(2, decimals + 1) : decimals;
    return formatVn(i.lo, trimDecimals(i.lo, d)) + unit;
  }
  let d = decimals + 1;
  while (d < 6 && formatVn(i.lo, d) === formatVn(i.hi, d)) d++;
  return `${formatVn(i.lo, d)}${unit}–${formatVn(i.hi, d)}${unit}`;
}

/** Fewer decimals when the value is whole at them (`42` rather than `42,00` for a count). */
function trimDecimals(v: number, d: number): number {
  while (d > 0 && Math.abs(v * 10 ** (d - 1) - Math.round(v * 10 ** (d - 1))) < 1e-9) d--;
  return d;
}

/** A replacement for the stated figure, when the computed value is exact: at the stated digits. */
export function exactReplacement(computed: Interval, decimals: number): string | undefined {
  if (!isPoint(computed)) return undefined;
  return formatVn(computed.lo, decimals);
}

/** The quick fix for a stated figure when the computed value is exact and differs from it. */
export function exactFix(
  text: string,
  span: { start: number; end: number },
  computed: Interval,
  decimals: number,
): { fix?: { span: { start: number; end: number }; text: string; title: { vi: string; en: string } } } {
  const replacement = exactReplacement(computed, decimals);
  if (replacement === undefined || replacement === text.slice(span.start, span.end)) return {};
  return { fix: { span, text: replacement, title: { vi: `Sửa thành ${replacement}`, en: `Change to ${replacement}` } } };
}
