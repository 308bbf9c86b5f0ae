import { bodyQuantities, formatVn, textOf, type BodyQuantity } from '../consistency/context.js';
import { exactFix, judge, showComputed } from '../claims/judge.js';
import { readClaims, type ChangeClaim } from '../claims/reader.js';
import type { RuleContext } from './rule.js';
import { growth, interval, overlaps, scale } from '../interval.js';
import { asciiKey } from '../text.js';
import { defineRule } from './rule.js';

/** A year-labelled value in a series: `Năm 2021: 101 triệu đồng`. */
interface Point {
  year: number;
  value: BodyQuantity;
}

export default defineRule({
  id: 'growth-claim',
  description: {
    vi: 'Mức tăng A → B (tăng Z%) phải tính đúng',
    en: 'A growth A → B (tăng Z%) must compute',
  },
  defaultSeverity: 'error',
  tags: ['arithmetic'],
  check(ctx) {
    checkChanges(ctx);
    const doc = ctx.document;
    const body = bodyQuantities(doc);
    const byLine = new Map<number, BodyQuantity[]>();
    // Appended in place: copying the line's list for every figure was quadratic (minutes on a
    // megabyte line of figures).
    for (const b of body) {
      const items = byLine.get(b.line.line);
      if (items) items.push(b);
      else byLine.set(b.line.line, [b]);
    }
    for (const items of byLine.values()) {
      const series: Point[] = [];
      for (const b of items) {
        if (b.local.kind !== 'count' || b.parenthesised) continue;
        const before = b.line.plain.slice(b.clause.start, b.local.span.start);
        const m = /năm\s+((?:19|20)\d\d)\s*:\s*$/iu.exec(before);
        if (m) series.push({ year: Number(m[1]), value: b });
      }
      if (series.length < 2) continue;
      for (const claim of items) {
        if (claim.local.kind !== 'percent') continue;
        const cue = asciiKey(claim.line.plain.slice(Math.max(claim.clause.start, claim.local.span.start - 12), claim.local.span.start));
        const sign = /\btang\s*$/.test(cue) ? 1 : /\bgiam\s*$/.test(cue) ? -1 : 0;
        if (sign === 0) continue;
        if (/^\s*\)?\s*so voi/.test(asciiKey(claim.line.plain.slice(claim.local.span.end, claim.local.span.end + 20)))) continue;
        const b = series.find((p) => p.value.clause === claim.clause && p.value.local.span.end <= claim.local.span.start);
        if (!b) continue;
        const a = series.find((p) => p.year === b.year - 1);
        if (!a || a.value.local.unit !== b.value.local.unit) continue;
        const computed = growth(interval(a.value.local.number), interval(b.value.local.number));
        const stated = scale(interval(claim.local.number), sign);
        if (overlaps(computed, stated)) continue;
        const value = formatVn(sign * ((computed.lo + computed.hi) / 2), claim.local.number.decimals);
        const av = textOf(doc, a.value.span);
        const bv = textOf(doc, b.value.span);
        ctx.report(
          claim.numberSpan,
          {
            vi: `Từ ${av} (năm ${a.year}) lên ${bv} (năm ${b.year}) là ${sign > 0 ? 'tăng' : 'giảm'} ${value}%, không phải ${textOf(doc, claim.span)}.`,
            en: `From ${av} (${a.year}) to ${bv} (${b.year}) is a ${sign > 0 ? 'rise' : 'fall'} of ${value}%, not ${textOf(doc, claim.span)}.`,
          },
          {
            related: [
              { span: a.value.span, message: { vi: `Năm ${a.year}: ${av}`, en: `${a.year}: ${av}` } },
              { span: b.value.span, message: { vi: `Năm ${b.year}: ${bv}`, en: `${b.year}: ${bv}` } },
            ],
            fix: { span: claim.numberSpan, text: value, title: { vi: `Sửa thành ${value}`, en: `Change to ${value}` } },
          },
        );
      }
    }
  },
});

// Changes written in a sentence (claims/reader.ts): `tăng|giảm từ A … lên|xuống B …, tăng|giảm Z%`
// (relative), `… Z điểm phần trăm` (difference), `… gấp K lần` and `X, gấp K lần năm … (Y)`.
function checkChanges(ctx: RuleContext): void {
  const doc = ctx.document;
  for (const claim of readClaims(doc)) {
    if (claim.relation !== 'change') continue;
    const verdict = judge(claim, ctx.config.tolerance);
    if (!verdict?.contradiction) continue;
    const decimals = claim.stated.local.number.decimals;
    const a = textOf(doc, claim.from.figure.span);
    const b = textOf(doc, claim.to.figure.span);
    const stated = textOf(doc, claim.stated.span);
    const exact = claim.from.exact && claim.to.exact;
    const precision = exact ? { vi: '', en: '' } : { vi: ' (theo độ chính xác của số liệu)', en: ' (at the stated precision)' };
    ctx.report(
      claim.stated.numberSpan,
      message(claim, a, b, stated, showComputed(signed(verdict.computed, claim), decimals, claim.mode === 'percent'), precision),
      {
        related: [
          { span: claim.from.figure.span, message: { vi: `Từ: ${a}`, en: `From: ${a}` } },
          { span: claim.to.figure.span, message: { vi: `Đến: ${b}`, en: `To: ${b}` } },
        ],
        ...exactFix(doc.text, claim.stated.numberSpan, signed(verdict.computed, claim), decimals),
      },
    );
  }
}

/** The computed change in the direction the text states it (`giảm 50%` compares with 50). */
function signed(i: { lo: number; hi: number }, claim: ChangeClaim): { lo: number; hi: number } {
  return claim.mode !== 'multiple' && claim.sign < 0 ? { lo: -i.hi, hi: -i.lo } : i;
}

function message(
  claim: ChangeClaim,
  a: string,
  b: string,
  stated: string,
  computed: string,
  precision: { vi: string; en: string },
): { vi: string; en: string } {
  const verb = claim.sign > 0 ? { vi: 'tăng', en: 'a rise of' } : { vi: 'giảm', en: 'a fall of' };
  switch (claim.mode) {
    case 'percent':
      return {
        vi: `Từ ${a} lên ${b} là ${verb.vi} ${computed}${precision.vi}, không phải ${stated}.`.replace(' lên ', claim.sign > 0 ? ' lên ' : ' xuống '),
        en: `From ${a} to ${b} is ${verb.en} ${computed}${precision.en}, not ${stated}.`,
      };
    case 'points':
      return {
        vi: `Từ ${a} ${claim.sign > 0 ? 'lên' : 'xuống'} ${b} là ${verb.vi} ${computed} điểm phần trăm${precision.vi}, không phải ${stated} điểm phần trăm.`,
        en: `From ${a} to ${b} is ${verb.en} ${computed} percentage points${precision.en}, not ${stated}.`,
      };
    case 'difference': {
      const unit = claim.stated.local.unit ? ` ${claim.stated.local.unit}` : '';
      return {
        vi: `Từ ${a} ${claim.sign > 0 ? 'lên' : 'xuống'} ${b} là ${verb.vi} ${computed}${unit}, không phải ${stated}${unit}.`,
        en: `From ${a} to ${b} is ${verb.en} ${computed}${unit}, not ${stated}.`,
      };
    }
    case 'multiple':
      return {
        vi: `${b} so với ${a} là gấp ${computed} lần${precision.vi}, không phải ${stated} lần.`,
        en: `${b} against ${a} is ${computed} times${precision.en}, not ${stated}.`,
      };
  }
}
