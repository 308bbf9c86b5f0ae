import { defineRule } from './rule.js';
import { targetName } from './describe.js';

export default defineRule({
  id: 'target-value',
  description: { vi: 'Chỉ tiêu phải được lượng hoá', en: 'A target must be quantified' },
  defaultSeverity: 'warning',
  tags: ['targets'],
  check(ctx) {
    for (const target of ctx.document.targets) {
      if (target.quantities.length > 0) continue;
      const name = targetName(target);
      ctx.report(target.span, {
        vi: `Chỉ tiêu "${name}" chưa được lượng hoá: không có tỷ lệ phần trăm hay con số nào để đo kết quả.`,
        en: `Target "${name}" is not quantified: it has no percentage or number to measure the result against.`,
      });
    }
  },
});
