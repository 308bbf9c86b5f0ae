import { bodyQuantities, formatVn, textOf, type BodyQuantity } from '../consistency/context.js';
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
  defaultSeverity: 'warning',
  tags: ['arithmetic'],
  check(ctx) {
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
