import { bodyQuantities, formatVn, textOf } from '../consistency/context.js';
import { interval, overlaps, percentOf, sub, point } from '../interval.js';
import { asciiKey } from '../text.js';
import { defineRule } from './rule.js';

export default defineRule({
  id: 'ratio-claim',
  description: {
    vi: 'Tỷ lệ X/Y … đạt/vượt Z% phải tính đúng',
    en: 'A ratio X/Y … đạt/vượt Z% must compute',
  },
  defaultSeverity: 'warning',
  tags: ['arithmetic'],
  check(ctx) {
    const doc = ctx.document;
    const body = bodyQuantities(doc);
    for (let i = 0; i < body.length; i++) {
      const f = body[i]!;
      const q = f.local;
      if (q.kind !== 'fraction' || !q.denominator) continue;
      if (/^\s*chi tieu/.test(asciiKey(f.line.plain.slice(q.span.end, q.span.end + 12)))) continue;
      // The percentage that states it: the next one in the clause, introduced by a cue word.
      const claim = body.slice(i + 1).find((x) => x.line === f.line && x.clause === f.clause && x.local.kind === 'percent');
      if (!claim) continue;
      const cue = asciiKey(f.line.plain.slice(q.span.end, claim.local.span.start));
      const m = /\b(vuot|dat|ty le|chiem|bang)\s*(muc\s*)?$/.exec(cue.trim());
      if (!m || cue.length > 120) continue;
      const over = m[1] === 'vuot';
      const ratio = percentOf(interval(q.number), interval(q.denominator));
      const computed = over ? sub(ratio, point(100)) : ratio;
      const stated = interval(claim.local.number);
      if (overlaps(computed, stated)) continue;
      const decimals = claim.local.number.decimals;
      const value = formatVn((computed.lo + computed.hi) / 2, decimals);
      const fraction = textOf(doc, f.span);
      const claimed = textOf(doc, claim.span);
      ctx.report(
        claim.numberSpan,
        {
          vi: over
            ? `${fraction} là ${formatVn((ratio.lo + ratio.hi) / 2, 2)}%, tức vượt ${value}%, không phải ${claimed}.`
            : `${fraction} là ${value}%, không phải ${claimed}.`,
          en: over
            ? `${fraction} is ${formatVn((ratio.lo + ratio.hi) / 2, 2)}%, i.e. ${value}% over, not ${claimed}.`
            : `${fraction} is ${value}%, not ${claimed}.`,
        },
        {
          related: [{ span: f.span, message: { vi: `Tỷ số: ${fraction}`, en: `Ratio: ${fraction}` } }],
          fix: { span: claim.numberSpan, text: value, title: { vi: `Sửa thành ${value}`, en: `Change to ${value}` } },
        },
      );
    }
  },
});
