import { defineRule } from './rule.js';
import { targetName } from './describe.js';

export default defineRule({
  id: 'target-percentage',
  description: {
    vi: 'Chỉ tiêu nên được lượng hoá bằng tỷ lệ phần trăm',
    en: 'A target should be quantified as a percentage',
  },
  defaultSeverity: 'information',
  tags: ['targets'],
  check(ctx) {
    for (const target of ctx.document.targets) {
      const value = target.value;
      if (!value || value.kind === 'percent') continue;
      const name = targetName(target);
      const as = ctx.document.text.slice(value.span.start, value.span.end);
      ctx.report(target.span, {
        vi: `Chỉ tiêu "${name}" được lượng hoá bằng số lượng (${as}), không phải tỷ lệ phần trăm; khó so sánh giữa các địa phương và các năm.`,
        en: `Target "${name}" is quantified as a count (${as}), not a percentage; it is hard to compare across provinces and years.`,
      });
    }
  },
});
