// Locating what a body figure is about: its indicator wording, its year and whether it states a
// level or a change (`tăng 5,2%`).

import type { PolicyDocument, Section } from '../document/model.js';
import type { Table, TableColumn, TableRow } from '../document/tables.js';
import { asciiKey } from '../text.js';
import type { BodyQuantity } from './context.js';
import { bodyQuantities, cellAt, clauseBounds, clauseSubject, matchRow, periodOf, sectionAt, type Period } from './context.js';

/** The wording of the indicator a figure is about. A footnote's figures are about the sentence
 *  that carries its mark. */
export function indicatorWording(doc: PolicyDocument, b: BodyQuantity): string {
  if (b.footnote) {
    const ref = doc.footnoteRefs.find((r) => r.label === b.footnote!.label);
    if (ref) {
      const line = doc.plainLines[doc.lines.lineAt(ref.span.start)]!;
      const at = Math.max(0, line.map.findIndex((o) => o >= ref.span.start));
      const clause = clauseBounds(line.plain).find((c) => at >= c.start && at <= c.end) ?? { start: 0, end: line.plain.length };
      return stripLabel(line.plain.slice(clause.start, Math.min(clause.end, at > 0 ? at : clause.end)));
    }
    return '';
  }
  return stripLabel(clauseSubject(b));
}

/** Drops a short label before a colon (`Kinh tế số: Trên 58% doanh nghiệp …`). */
function stripLabel(text: string): string {
  const colon = text.indexOf(':');
  if (colon > 0 && text.slice(0, colon).trim().split(/\s+/).length <= 5) return text.slice(colon + 1);
  return text;
}

/** A year label before the figure in its clause (`Năm 2021: 101 triệu đồng (tăng 5,2%)`). */
export function explicitYear(b: BodyQuantity): number | undefined {
  // A year right after the figure is its own (`ước đạt 6,8% năm 2024, tăng từ 4,5% năm 2022`): it
  // wins over a year stated earlier in the clause, which belongs to another figure.
  const after = b.line.plain.slice(b.local.span.end, Math.min(b.clause.end, b.local.span.end + 16));
  const own = /^\s*(?:vào\s+|trong\s+)?năm\s+((?:19|20)\d\d)(?!\s*[-–]\s*\d)(?!\d)/iu.exec(after.normalize('NFC'));
  if (own) return Number(own[1]);
  const before = b.line.plain.slice(b.clause.start, b.local.span.start);
  const years = [...before.matchAll(/năm\s+((?:19|20)\d\d)(?!\s*[-–]\s*\d)/giu)];
  const last = years[years.length - 1];
  return last ? Number(last[1]) : undefined;
}

/** A change rather than a level: `tăng 5,2%`, `giảm 3%`. */
export function isChange(b: BodyQuantity): boolean {
  const before = asciiKey(b.line.plain.slice(Math.max(b.clause.start, b.local.span.start - 40), b.local.span.start));
  return /\b(tang|giam)\s*(toi thieu|tren|duoi|khoang)?\s*$/.test(before.trim());
}

/** Compared with a base other than the previous year (`so với đầu nhiệm kỳ`): not checkable. */
export function comparedWithBase(b: BodyQuantity): boolean {
  const after = asciiKey(b.line.plain.slice(b.local.span.end, Math.min(b.clause.end, b.local.span.end + 30)));
  return /^\s*\)?\s*so voi/.test(after);
}

export function periodOfFigure(doc: PolicyDocument, b: BodyQuantity): Period | undefined {
  let offset = b.span.start;
  if (b.footnote) {
    const ref = doc.footnoteRefs.find((r) => r.label === b.footnote!.label);
    if (!ref) return undefined;
    offset = ref.span.start;
  }
  return periodOf(sectionAt(doc, offset));
}

export function figures(doc: PolicyDocument): BodyQuantity[] {
  return bodyQuantities(doc);
}

export interface Located {
  table: Table;
  row: TableRow;
  column: TableColumn;
  year: number;
}

/** The appendix cell a body figure speaks of — only when indicator, year and column are certain. */
export function locateFigure(doc: PolicyDocument, b: BodyQuantity): Located | undefined {
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


/** The body figure at a source offset, if any. */
export function figureAt(doc: PolicyDocument, offset: number): BodyQuantity | undefined {
  return bodyQuantities(doc).find((b) => b.span.start <= offset && offset < b.span.end);
}
