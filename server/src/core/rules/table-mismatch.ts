import { boundInterval, cellAt, cellReference, textOf } from '../consistency/context.js';
import { figures, locateFigure } from '../consistency/figures.js';
import { overlaps } from '../interval.js';
import { defineRule } from './rule.js';

export default defineRule({
  id: 'table-mismatch',
  description: {
    vi: 'Số liệu trong thân báo cáo phải khớp với bảng phụ lục',
    en: 'Figures in the body must agree with the appendix tables',
  },
  defaultSeverity: 'error',
  tags: ['consistency'],
  check(ctx) {
    const doc = ctx.document;
    if (doc.tables.length === 0) return;
    for (const b of figures(doc)) {
      if (b.local.kind !== 'percent') continue;
      const target = locateFigure(doc, b);
      if (!target) continue;
      const { table, row, column, year } = target;
      const cell = cellAt(row, column);
      if (!cell?.value || cell.value.kind !== 'percent') continue;
      const stated = boundInterval(b.local);
      const recorded = boundInterval(cell.value);
      if (!stated || !recorded || overlaps(stated, recorded)) continue;
      const ref = cellReference(table, row, column);
      const body = textOf(doc, b.span);
      const value = textOf(doc, cell.span);
      const where = b.footnote
        ? { vi: `Chú thích (${b.footnote.label}) ghi`, en: `Footnote (${b.footnote.label}) states` }
        : { vi: 'Thân báo cáo ghi', en: 'The text states' };
      ctx.report(
        b.numberSpan,
        {
          vi: `${where.vi} ${body} cho năm ${year} nhưng ${ref.vi} ghi ${value}.`,
          en: `${where.en} ${body} for ${year} but ${ref.en} states ${value}.`,
        },
        { related: [{ span: cell.span, message: { vi: `${ref.vi}: ${value}`, en: `${ref.en}: ${value}` } }] },
      );
    }
  },
});

