import { textOf } from '../consistency/context.js';
import { exactFix, judge, showComputed } from '../claims/judge.js';
import { readClaims, type RatioClaim } from '../claims/reader.js';
import { percentOf } from '../interval.js';
import { defineRule } from './rule.js';

// Wordings read (see claims/reader.ts): `X/Y … đạt|vượt|chiếm|bằng|tỷ lệ Z%`, `Z% (X/Y …)`,
// `X …, bằng|đạt Z% kế hoạch (Y …)`.
export default defineRule({
  id: 'ratio-claim',
  description: {
    vi: 'Tỷ lệ X/Y … đạt/vượt Z% phải tính đúng',
    en: 'A ratio X/Y … đạt/vượt Z% must compute',
  },
  defaultSeverity: 'error',
  tags: ['arithmetic'],
  check(ctx) {
    const doc = ctx.document;
    for (const claim of readClaims(doc)) {
      if (claim.relation !== 'ratio') continue;
      const verdict = judge(claim, ctx.config.tolerance);
      if (!verdict?.contradiction) continue;
      const decimals = claim.stated.local.number.decimals;
      const computed = showComputed(verdict.computed, decimals, true);
      const parts = partsText(doc.text, claim);
      const claimed = textOf(doc, claim.stated.span);
      const over = claim.mode === 'over';
      const ratio = showComputed(percentOf(claim.part.value, claim.whole.value), decimals, true);
      ctx.report(
        claim.stated.numberSpan,
        {
          vi: over ? `${parts} là ${ratio}, tức vượt ${computed}, không phải ${claimed}.` : `${parts} là ${computed}, không phải ${claimed}.`,
          en: over ? `${parts} is ${ratio}, i.e. ${computed} over, not ${claimed}.` : `${parts} is ${computed}, not ${claimed}.`,
        },
        {
          related: claim.fraction
            ? [{ span: claim.fraction.span, message: { vi: `Tỷ số: ${parts}`, en: `Ratio: ${parts}` } }]
            : [
                { span: claim.part.span, message: { vi: `Phần: ${textOf(doc, claim.part.span)}`, en: `Part: ${textOf(doc, claim.part.span)}` } },
                { span: claim.whole.span, message: { vi: `Tổng thể: ${textOf(doc, claim.whole.span)}`, en: `Whole: ${textOf(doc, claim.whole.span)}` } },
              ],
          ...exactFix(doc.text, claim.stated.numberSpan, verdict.computed, decimals),
        },
      );
    }
  },
});

function partsText(text: string, claim: RatioClaim): string {
  if (claim.fraction) return text.slice(claim.fraction.span.start, claim.fraction.span.end).replace(/\s+/g, ' ');
  const a = text.slice(claim.part.span.start, claim.part.span.end);
  const b = text.slice(claim.whole.span.start, claim.whole.span.end);
  return `${a}/${b}`;
}

