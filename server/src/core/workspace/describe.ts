// Names of documents and values for messages: the document's own terms, as written.

import type { DocumentKind, PolicyDocument } from '../document/model.js';
import type { Quantity } from '../numbers.js';
import { quote } from '../rules/describe.js';
import type { LocalizedText } from '../types.js';

const KIND_NAMES: Record<DocumentKind, LocalizedText> = {
  resolution: { vi: 'Nghị quyết', en: 'resolution' },
  plan: { vi: 'Kế hoạch', en: 'plan' },
  decision: { vi: 'Quyết định', en: 'decision' },
  report: { vi: 'Báo cáo', en: 'report' },
  unknown: { vi: 'Văn bản', en: 'document' },
};

/** `Nghị quyết số 22-NQ/TU`, else `Nghị quyết về chuyển đổi số tỉnh Đồng Tháp` (the title's subject). */
export function documentName(document: PolicyDocument): LocalizedText {
  const kind = KIND_NAMES[document.kind];
  if (document.number) return { vi: `${kind.vi} số ${document.number.text}`, en: `${kind.en} ${document.number.text}` };
  const title = document.title?.text;
  if (title) {
    const at = title.search(/(^|\s)về\s/u);
    const subject = quote(at >= 0 ? title.slice(at).trim() : title, 70);
    return { vi: `${kind.vi} ${subject}`, en: `${kind.en} "${subject}"` };
  }
  return { vi: kind.vi.toLowerCase(), en: `the ${kind.en}` };
}

/** The quantity as written, comparator words included (`Trên 55%`, `tối thiểu 7,0%`), without markup. */
export function writtenQuantity(document: PolicyDocument, q: Quantity): string {
  // A workspace summary (summary.ts) keeps its targets' values as written instead of its text.
  const written = (document as { writtenQuantities?: Record<string, string> }).writtenQuantities;
  if (written) {
    const known = written[quantityKey(q)];
    if (known !== undefined) return known;
  }
  const start = Math.min(q.span.start, q.comparatorSpan?.start ?? q.span.start);
  const end = Math.max(q.span.end, q.comparatorSpan?.end ?? q.span.end);
  return clean(document.text.slice(start, end));
}

/** The key of a quantity's written range (with its comparator) in a workspace summary (summary.ts). */
export function quantityKey(q: Pick<Quantity, 'span' | 'comparatorSpan'>): string {
  const start = Math.min(q.span.start, q.comparatorSpan?.start ?? q.span.start);
  const end = Math.max(q.span.end, q.comparatorSpan?.end ?? q.span.end);
  return `${start}:${end}`;
}

export function clean(text: string): string {
  return text
    .replace(/<[^>]+>/g, '')
    .replace(/[*_]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}
