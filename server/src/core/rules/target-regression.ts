import type { Target } from '../document/model.js';
import { indicatorWords, MatchIndex } from '../indicators.js';
import type { Comparator } from '../numbers.js';
import { quote, targetName } from './describe.js';
import { defineRule } from './rule.js';

const LOWER_IS_BETTER: Comparator[] = ['lt', 'lte'];

export default defineRule({
  id: 'target-regression',
  description: {
    vi: 'Chỉ tiêu năm sau không được thấp hơn chỉ tiêu năm trước của cùng chỉ số',
    en: "A later year's target must not be weaker than an earlier one for the same indicator",
  },
  defaultSeverity: 'warning',
  tags: ['targets'],
  check(ctx) {
    const targets = ctx.document.targets.filter((t) => t.value && t.year);
    const words = new Map<Target, Set<string>>(targets.map((t) => [t, indicatorWords(t.indicator)]));
    const wordsOf = (t: Target): Set<string> => words.get(t)!;
    const index = new MatchIndex(targets, wordsOf);
    for (const later of targets) {
      const year = later.year!.value;
      const kind = later.value!.kind;
      const match = index.best(wordsOf(later), 0.75, 0.1, (t) => t.year!.value < year && t.value!.kind === kind);
      if (!match) continue;
      const earlier = match.item;
      // The earlier target's best match must be this one too, or the pairing is not confident.
      const back = index.best(wordsOf(earlier), 0.75, 0.1, (t) => t.year!.value === year && t.value!.kind === kind);
      if (back?.item !== later) continue;
      const a = earlier.value!;
      const b = later.value!;
      const lowerIsBetter = LOWER_IS_BETTER.includes(a.comparator);
      if (lowerIsBetter !== LOWER_IS_BETTER.includes(b.comparator)) continue;
      const weaker = lowerIsBetter ? b.number.lo > a.number.hi : b.number.hi < a.number.lo;
      if (!weaker) continue;
      const text = ctx.document.text;
      const av = text.slice(a.span.start, a.span.end);
      const bv = text.slice(b.span.start, b.span.end);
      ctx.report(
        later.span,
        {
          vi: `Chỉ tiêu năm ${later.year!.value} (${bv}) thấp hơn chỉ tiêu năm ${earlier.year!.value} (${av}) của cùng chỉ số "${quote(later.indicator, 60)}".`,
          en: `The ${later.year!.value} target (${bv}) is weaker than the ${earlier.year!.value} target (${av}) for the same indicator "${quote(later.indicator, 60)}".`,
        },
        {
          related: [
            {
              span: earlier.span,
              message: {
                vi: `Chỉ tiêu năm ${earlier.year!.value}: "${targetName(earlier)}"`,
                en: `The ${earlier.year!.value} target: "${targetName(earlier)}"`,
              },
            },
          ],
        },
      );
    }
  },
});
