import { appendixLabel, boundInterval, cellAt, cellReference, matchRow, sectionAt, textOf, type BodyQuantity } from '../consistency/context.js';
import { comparedWithBase, explicitYear, figures, indicatorWording, isChange, periodOfFigure } from '../consistency/figures.js';
import type { PolicyDocument, Section } from '../document/model.js';
import type { Table, TableColumn, TableRow } from '../document/tables.js';
import { overlaps } from '../interval.js';
import { asciiKey } from '../text.js';
import { defineRule } from './rule.js';

export default defineRule({
  id: 'table-mismatch',
  description: {
    vi: 'Số liệu trong thân báo cáo phải khớp với bảng phụ lục',
    en: 'Figures in the body must agree with the appendix tables',
  },
  defaultSeverity: 'warning',
  tags: ['consistency'],
  check(ctx) {
    const doc = ctx.document;
    if (doc.tables.length === 0) return;
    for (const b of figures(doc)) {
      if (b.local.kind !== 'percent') continue;
      const target = locate(doc, b);
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

interface Located {
  table: Table;
  row: TableRow;
  column: TableColumn;
  year: number;
}

/** The appendix cell a body figure speaks of — only when indicator, year and column are certain. */
function locate(doc: PolicyDocument, b: BodyQuantity): Located | undefined {
  const year = explicitYear(b);
  // A side note in parentheses is only a figure of its own inside a year-labelled series.
  if (b.parenthesised && year === undefined) return undefined;
  if (comparedWithBase(b)) return undefined;
  const before = asciiKey(b.line.plain.slice(b.clause.start, b.local.span.start));
  if (/\b(binh quan|trung binh)\b/.test(before)) return undefined;
  const period = periodOfFigure(doc, b);
  if (!period && year === undefined) return undefined;
  const wording = indicatorWording(doc, b);
  const match = matchRow(doc, wording);
  if (!match) return undefined;
  const { table, row } = match;
  // Levels compare with level rows, changes (`tăng 5,2%`) with growth rows (`Tăng tối thiểu 7%`).
  const planCell = cellAt(row, table.columns.find((c) => c.meaning === 'plan'));
  const growthRow = planCell ? /^tang\b/.test(asciiKey(planCell.text)) : false;
  if (growthRow !== isChange(b)) return undefined;
  const results = table.columns.filter((c) => c.meaning === 'result' && c.year !== undefined);
  if (year !== undefined) {
    const column = results.find((c) => c.year === year);
    return column ? { table, row, column, year } : undefined;
  }
  if (period!.mode === 'results') {
    // Results of tasks and solutions speak of sub-populations (`100% cơ sở … công lập tuyến tỉnh`);
    // only a section about the indicators (chỉ tiêu) states the indicators' values.
    if (!aboutIndicators(figureSection(doc, b))) return undefined;
    const upTo = results.filter((c) => period!.year === undefined || c.year! <= period!.year);
    const column = upTo.filter((c) => cellAt(row, c)?.value).pop();
    return column ? { table, row, column, year: column.year! } : undefined;
  }
  const goalYear = period!.year!;
  const column =
    table.columns.find((c) => c.meaning === 'plan-year' && c.year === goalYear) ??
    table.columns.find((c) => c.meaning === 'plan' && c.year === goalYear);
  return column ? { table, row, column, year: goalYear } : undefined;
}

function aboutIndicators(section: Section | undefined): boolean {
  for (let s = section; s; s = s.parent) if (/\bchi tieu\b/.test(asciiKey(s.title))) return true;
  return false;
}

function figureSection(doc: PolicyDocument, b: BodyQuantity): Section | undefined {
  const ref = b.footnote ? doc.footnoteRefs.find((r) => r.label === b.footnote!.label) : undefined;
  return sectionAt(doc, ref ? ref.span.start : b.span.start);
}

export { appendixLabel };
