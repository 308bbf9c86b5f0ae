import { defineRule } from './rule.js';
import { targetName } from './describe.js';

export default defineRule({
  id: 'target-year',
  description: { vi: 'Chỉ tiêu phải có năm đạt được', en: 'A target must state its year' },
  defaultSeverity: 'warning',
  tags: ['targets'],
  check(ctx) {
    for (const target of ctx.document.targets) {
      if (target.year) continue;
      const name = targetName(target);
      ctx.report(target.span, {
        vi: `Chỉ tiêu "${name}" chưa có năm đạt được: câu không nêu năm và tiêu đề mục chứa nó cũng không (ví dụ "đến năm 2025").`,
        en: `Target "${name}" has no year: the clause states none and neither does any enclosing heading (e.g. "đến năm 2025").`,
      });
    }
  },
});
