import { defineRule } from './rule.js';

export default defineRule({
  id: 'footnote-reference',
  description: {
    vi: 'Chú thích và phụ lục được dẫn chiếu phải tồn tại, chú thích phải được dẫn chiếu',
    en: 'Referenced footnotes and appendices must exist; footnotes must be referenced',
  },
  defaultSeverity: 'warning',
  tags: ['references'],
  check(ctx) {
    const doc = ctx.document;
    const defined = new Set(doc.footnoteDefs.map((d) => d.label));
    const referenced = new Set(doc.footnoteRefs.map((r) => r.label));
    for (const ref of doc.footnoteRefs) {
      if (defined.has(ref.label)) continue;
      ctx.report(ref.span, {
        vi: `Chú thích (${ref.label}) được dẫn chiếu nhưng không có nội dung chú thích nào mang số này.`,
        en: `Footnote (${ref.label}) is referenced but no footnote with that number is defined.`,
      });
    }
    for (const def of doc.footnoteDefs) {
      if (referenced.has(def.label)) continue;
      ctx.report(def.markSpan, {
        vi: `Chú thích (${def.label}) không được dẫn chiếu ở đâu trong văn bản.`,
        en: `Footnote (${def.label}) is never referenced in the text.`,
      });
    }
    const appendices = new Set(doc.appendices.map((a) => a.number));
    for (const ref of doc.appendixRefs) {
      if (appendices.has(ref.number)) continue;
      const have = doc.appendices.length > 0 ? doc.appendices.map((a) => a.label).join(', ') : '—';
      ctx.report(ref.span, {
        vi: `Văn bản dẫn chiếu Phụ lục ${ref.label} nhưng không có phụ lục này (các phụ lục hiện có: ${have}).`,
        en: `The text refers to Phụ lục ${ref.label} (appendix ${ref.number}) but the document has no such appendix (present: ${have}).`,
      });
    }
  },
});
