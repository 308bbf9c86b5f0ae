import { defineRule } from './rule.js';
import { targetName } from './describe.js';

export default defineRule({
  id: 'target-pillar',
  description: {
    vi: 'Chỉ tiêu phải thuộc một trụ cột (Chính quyền số / Kinh tế số / Xã hội số)',
    en: 'A target must belong to a pillar (digital government / economy / society)',
  },
  defaultSeverity: 'warning',
  tags: ['targets'],
  check(ctx) {
    const names = ctx.config.pillars.filter((p) => !p.group).map((p) => p.name).join(', ');
    for (const target of ctx.document.targets) {
      if (target.pillar) continue;
      const name = targetName(target);
      ctx.report(target.span, {
        vi: `Chỉ tiêu "${name}" chưa gắn với trụ cột nào (${names}): câu không nêu và không nằm dưới tiêu đề mục của một trụ cột.`,
        en: `Target "${name}" belongs to no pillar (${names}): the clause names none and it sits under no pillar heading.`,
      });
    }
  },
});
