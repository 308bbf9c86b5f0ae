import type { DocumentKind, SectionRole } from '../document/model.js';
import type { LocalizedText } from '../types.js';
import { defineRule } from './rule.js';

/** The standard sections a rule option may name, with the section roles that satisfy each. */
const SECTIONS = {
  viewpoint: { roles: ['viewpoint'], name: { vi: 'Quan điểm', en: 'Viewpoints (Quan điểm)' } },
  goals: { roles: ['goals', 'goals-general', 'goals-specific', 'orientation'], name: { vi: 'Mục tiêu', en: 'Goals (Mục tiêu)' } },
  tasks: { roles: ['tasks'], name: { vi: 'Nhiệm vụ và giải pháp', en: 'Tasks and solutions (Nhiệm vụ và giải pháp)' } },
  implementation: { roles: ['implementation'], name: { vi: 'Tổ chức thực hiện', en: 'Implementation (Tổ chức thực hiện)' } },
  funding: { roles: ['funding'], name: { vi: 'Kinh phí thực hiện', en: 'Funding (Kinh phí thực hiện)' } },
} satisfies Record<string, { roles: SectionRole[]; name: LocalizedText }>;

type SectionId = keyof typeof SECTIONS;

/**
 * What each kind of document must contain by default. A resolution states viewpoints; an annual or
 * implementation plan normally does not (it implements a resolution's). A decision that issues a
 * plan or a scheme (Đề án) carries the plan's sections; a decision that carries none is a bare
 * decision and needs none. Reports have no fixed sections. Overridden per kind by the rule's
 * options: `"missing-section": ["warning", { "plan": ["goals", "tasks"] }]`.
 */
const DEFAULT_REQUIRED: Partial<Record<DocumentKind, SectionId[]>> = {
  resolution: ['viewpoint', 'goals', 'tasks', 'implementation'],
  plan: ['goals', 'tasks', 'implementation'],
  decision: ['goals', 'tasks', 'implementation'],
};

const KIND_NAMES: Partial<Record<DocumentKind, LocalizedText>> = {
  resolution: { vi: 'Nghị quyết', en: 'resolution' },
  plan: { vi: 'Kế hoạch', en: 'plan' },
  decision: { vi: 'Quyết định', en: 'decision' },
  report: { vi: 'Báo cáo', en: 'report' },
};

function requiredFor(kind: DocumentKind, options: Record<string, unknown>): SectionId[] {
  const configured = options[kind];
  if (Array.isArray(configured)) return configured.filter((x): x is SectionId => typeof x === 'string' && x in SECTIONS);
  return DEFAULT_REQUIRED[kind] ?? [];
}

export default defineRule({
  id: 'missing-section',
  description: {
    vi: 'Văn bản phải có đủ các mục chuẩn theo loại văn bản',
    en: 'A document must have the standard sections of its kind',
  },
  defaultSeverity: 'warning',
  tags: ['structure'],
  appliesTo: ['resolution', 'plan', 'decision', 'report'],
  check(ctx) {
    const doc = ctx.document;
    const required = requiredFor(doc.kind, ctx.options);
    if (required.length === 0) return;
    const present = new Set(doc.sections.flatMap((s) => s.roles));
    // A decision is held to a plan's sections only when it carries one (goals or tasks of its own).
    if (doc.kind === 'decision' && ctx.options.decision === undefined && !present.has('tasks') && !SECTIONS.goals.roles.some((r) => present.has(r))) return;
    const at = doc.kindSpan ?? { start: 0, end: 0 };
    const kind = KIND_NAMES[doc.kind]!;
    const list = required.map((id) => SECTIONS[id].name);
    for (const id of required) {
      const req = SECTIONS[id];
      if (req.roles.some((r) => present.has(r as SectionRole))) continue;
      ctx.report(at, {
        vi: `${kind.vi} thiếu mục "${req.name.vi}" (các mục chuẩn của ${kind.vi.toLowerCase()}: ${list.map((n) => n.vi).join(', ')}).`,
        en: `The ${kind.en} has no "${req.name.en}" section (the standard sections of a ${kind.en}: ${list.map((n) => n.en).join(', ')}).`,
      });
    }
  },
});
