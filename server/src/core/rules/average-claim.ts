import { bodyQuantities, cellAt, cellReference, formatVn, matchRow, textOf, type BodyQuantity } from '../consistency/context.js';
import { indicatorWording, isChange } from '../consistency/figures.js';
import type { PolicyDocument } from '../document/model.js';
import { interval, mean, overlaps, type Interval } from '../interval.js';
import { asciiKey } from '../text.js';
import type { LocalizedText, RelatedLocation, Span } from '../types.js';
import { defineRule } from './rule.js';

interface Source {
  values: { interval: Interval; span: Span; label: string }[];
  where: LocalizedText;
}

export default defineRule({
  id: 'average-claim',
  description: {
    vi: 'Mức bình quân phải bằng trung bình các năm mà nó tóm tắt',
    en: 'An average must equal the mean of the yearly values it summarises',
  },
  defaultSeverity: 'error',
  tags: ['arithmetic', 'consistency'],
  check(ctx) {
    const doc = ctx.document;
    for (const b of bodyQuantities(doc)) {
      if (b.local.kind !== 'percent' || b.parenthesised) continue;
      const before = asciiKey(b.line.plain.slice(b.clause.start, b.local.span.start));
      if (!/\b(binh quan|trung binh)\b/.test(before)) continue;
      for (const source of [footnoteSeries(doc, b), tableSeries(doc, b)]) {
        if (!source || source.values.length < 2) continue;
        const m = mean(source.values.map((v) => v.interval))!;
        if (overlaps(m, interval(b.local.number))) continue;
        const value = formatVn((m.lo + m.hi) / 2, b.local.number.decimals);
        const list = source.values.map((v) => v.label).join(', ');
        const related: RelatedLocation[] = source.values.map((v) => ({ span: v.span, message: { vi: v.label, en: v.label } }));
        ctx.report(
          b.numberSpan,
          {
            vi: `Văn bản ghi bình quân ${textOf(doc, b.span)} nhưng trung bình các năm ở ${source.where.vi} (${list}) là ${value}%.`,
            en: `The text states an average of ${textOf(doc, b.span)} but the mean of the years in ${source.where.en} (${list}) is ${value}%.`,
          },
          { related },
        );
      }
    }
  },
});

/** The yearly changes listed in the footnote the sentence carries (`<sup>(2)</sup>`). */
function footnoteSeries(doc: PolicyDocument, b: BodyQuantity): Source | undefined {
  const refs = doc.footnoteRefs.filter((r) => r.span.start >= b.span.end && doc.lines.lineAt(r.span.start) === b.line.line && r.span.start - b.span.end < 40);
  const ref = refs[0];
  if (!ref) return undefined;
  const def = doc.footnoteDefs.find((d) => d.label === ref.label);
  if (!def) return undefined;
  const values = bodyQuantities(doc).filter((x) => x.footnote === def && x.local.kind === 'percent' && isChange(x));
  return {
    values: values.map((v) => {
      const year = /năm\s+(\d{4})\s*:[^;]*$/iu.exec(v.line.plain.slice(v.clause.start, v.local.span.start));
      return { interval: interval(v.local.number), span: v.numberSpan, label: `${year ? year[1] + ': ' : ''}${textOf(doc, v.span)}` };
    }),
    where: { vi: `chú thích (${def.label})`, en: `footnote (${def.label})` },
  };
}

/** The yearly results of the table row for the sentence's indicator. */
function tableSeries(doc: PolicyDocument, b: BodyQuantity): Source | undefined {
  const match = matchRow(doc, indicatorWording(doc, b));
  if (!match) return undefined;
  const { table, row } = match;
  const values: Source['values'] = [];
  for (const column of table.columns.filter((c) => c.meaning === 'result')) {
    const cell = cellAt(row, column);
    if (cell?.value?.kind !== 'percent' || cell.value.comparator !== 'eq') continue;
    values.push({ interval: interval(cell.value.number), span: cell.span, label: `${column.year ?? column.label}: ${textOf(doc, cell.span)}` });
  }
  const ref = cellReference(table, row, undefined);
  return { values, where: ref };
}
