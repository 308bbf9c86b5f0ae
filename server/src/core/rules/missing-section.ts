import type { SectionRole } from '../document/model.js';
import { defineRule } from './rule.js';

interface Required {
  roles: SectionRole[];
  name: { vi: string; en: string };
}

const REQUIRED: Required[] = [
  { roles: ['viewpoint'], name: { vi: 'Quan điểm', en: 'Viewpoints (Quan điểm)' } },
  { roles: ['goals', 'goals-general', 'goals-specific', 'orientation'], name: { vi: 'Mục tiêu', en: 'Goals (Mục tiêu)' } },
  { roles: ['tasks'], name: { vi: 'Nhiệm vụ và giải pháp', en: 'Tasks and solutions (Nhiệm vụ và giải pháp)' } },
  { roles: ['implementation'], name: { vi: 'Tổ chức thực hiện', en: 'Implementation (Tổ chức thực hiện)' } },
];

export default defineRule({
  id: 'missing-section',
  description: {
    vi: 'Nghị quyết phải có đủ các mục chuẩn',
    en: 'A resolution must have the standard sections',
  },
  defaultSeverity: 'warning',
  tags: ['structure'],
  appliesTo: ['resolution', 'plan'],
  check(ctx) {
    const doc = ctx.document;
    const present = new Set(doc.sections.flatMap((s) => s.roles));
    const at = doc.kindSpan ?? { start: 0, end: 0 };
    const kind = doc.kind === 'plan' ? { vi: 'Kế hoạch', en: 'plan' } : { vi: 'Nghị quyết', en: 'resolution' };
    for (const req of REQUIRED) {
      if (req.roles.some((r) => present.has(r))) continue;
      ctx.report(at, {
        vi: `${kind.vi} thiếu mục "${req.name.vi}" (một trong các mục chuẩn: Quan điểm, Mục tiêu, Nhiệm vụ và giải pháp, Tổ chức thực hiện).`,
        en: `The ${kind.en} has no "${req.name.en}" section (the standard sections are viewpoints, goals, tasks and solutions, implementation).`,
      });
    }
  },
});
