// Locating what a body figure is about: its indicator wording, its year and whether it states a
// level or a change (`tăng 5,2%`).

import type { PolicyDocument } from '../document/model.js';
import { asciiKey } from '../text.js';
import type { BodyQuantity } from './context.js';
import { bodyQuantities, clauseBounds, clauseSubject, periodOf, sectionAt, type Period } from './context.js';

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
