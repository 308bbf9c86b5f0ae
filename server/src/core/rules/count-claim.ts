import { bodyQuantities, cellAt, textOf } from '../consistency/context.js';
import type { Table } from '../document/tables.js';
import { asciiKey } from '../text.js';
import { defineRule, type RuleContext } from './rule.js';
import { judge } from '../claims/judge.js';
import { readClaims } from '../claims/reader.js';

type Group = 'met' | 'unmet';

export default defineRule({
  id: 'count-claim',
  description: {
    vi: 'Số chỉ tiêu đạt/chưa đạt phải khớp với cột đánh giá của phụ lục',
    en: 'Counts of met/unmet targets must agree with the appendix assessment column',
  },
  defaultSeverity: 'error',
  tags: ['consistency'],
  check(ctx) {
    const doc = ctx.document;
    checkCountPairs(ctx);
    const tables = doc.tables
      .map((table) => ({ table, verdicts: verdictsOf(table) }))
      .filter((t) => t.verdicts.total > 0);
    if (tables.length === 0) return;
    for (const b of bodyQuantities(doc)) {
      const q = b.local;
      if (q.kind !== 'fraction' || !q.denominator) continue;
      const after = asciiKey(b.line.plain.slice(q.span.end, q.span.end + 12));
      if (!/^\s*chi tieu/.test(after)) continue;
      // The verdict right after the count wins (`còn 03/14 chỉ tiêu chưa đạt`); else the last one before it.
      const group =
        groupAfter(asciiKey(b.line.plain.slice(q.span.end, Math.min(b.clause.end, q.span.end + 40)))) ??
        groupBefore(asciiKey(b.line.plain.slice(b.clause.start, q.span.start)));
      if (!group) continue;
      const m = q.denominator.value;
      const candidates = tables.filter((t) => t.verdicts.total === m);
      if (candidates.length !== 1) {
        if (tables.length === 1 && candidates.length === 0) {
          const t = tables[0]!;
          ctx.report(b.numberSpan, {
            vi: `Văn bản tính trên ${m} chỉ tiêu nhưng bảng đánh giá ở Phụ lục ${t.table.appendix ?? ''} có ${t.verdicts.total} chỉ tiêu được đánh giá.`,
            en: `The text counts out of ${m} targets but the assessment table (appendix ${t.table.appendix ?? ''}) assesses ${t.verdicts.total}.`,
          });
        }
        continue;
      }
      const { table, verdicts } = candidates[0]!;
      const actual = group === 'met' ? verdicts.met : verdicts.unmet;
      const stated = q.number.value;
      if (stated === actual) continue;
      const numberText = q.number.text;
      const replacement = String(actual).padStart(numberText.length, '0');
      const label = group === 'met' ? { vi: 'đạt và vượt', en: 'met or exceeded' } : { vi: 'chưa đạt', en: 'not met' };
      const app = table.appendix !== undefined ? String(table.appendix).padStart(2, '0') : '';
      const numberSpan = { start: b.numberSpan.start, end: b.numberSpan.start + numberText.length };
      ctx.report(
        numberSpan,
        {
          vi: `Văn bản ghi ${textOf(doc, b.numberSpan)} chỉ tiêu ${label.vi} nhưng cột đánh giá của Phụ lục ${app} có ${actual}/${m} chỉ tiêu ${label.vi}.`,
          en: `The text says ${textOf(doc, b.numberSpan)} targets ${label.en} but the assessment column of appendix ${app} has ${actual}/${m} ${label.en}.`,
        },
        {
          related: verdicts.cells
            .filter((c) => (group === 'met') === (c.verdict !== 'unmet'))
            .slice(0, 20)
            .map((c) => ({ span: c.span, message: { vi: `Đánh giá: ${textOf(doc, c.span)}`, en: `Verdict: ${textOf(doc, c.span)}` } })),
          fix: { span: numberSpan, text: replacement, title: { vi: `Sửa thành ${replacement}`, en: `Change to ${replacement}` } },
        },
      );
    }
  },
});

/** A verdict phrase right after `N/M chỉ tiêu`: `03/14 chỉ tiêu chưa đạt`, `11/17 chỉ tiêu đạt và vượt`. */
function groupAfter(text: string): Group | undefined {
  const m = /^\s*chi tieu\s*(?:da\s*|con\s*)?(chua dat|khong dat|gan dat|dat|vuot|hoan thanh)\b/.exec(text);
  if (!m) return undefined;
  return m[1] === 'dat' || m[1] === 'vuot' || m[1] === 'hoan thanh' ? 'met' : 'unmet';
}

/** The last verdict phrase before the count in its clause: "đạt và vượt 11/17", "chưa đạt 06/17". */
function groupBefore(text: string): Group | undefined {
  // "gần đạt và có khả năng đạt": any not-met phrase makes the group the not-met one.
  if (/\b(chua dat|khong dat|gan dat|kho dat)\b/.test(text)) return 'unmet';
  return /\b(dat|vuot)\b/.test(text) ? 'met' : undefined;
}

function verdictsOf(table: Table): { total: number; met: number; unmet: number; cells: import('../document/tables.js').TableCell[] } {
  const column = table.columns.find((c) => c.meaning === 'assessment');
  const cells = [];
  if (column) {
    for (const row of table.rows) {
      if (row.kind !== 'data') continue;
      const cell = cellAt(row, column);
      if (cell?.verdict) cells.push(cell);
    }
  }
  const unmet = cells.filter((c) => c.verdict === 'unmet').length;
  return { total: cells.length, met: cells.length - unmet, unmet, cells };
}

// `N/M chỉ tiêu đạt …, K/M chưa đạt` and `N/M chỉ tiêu …; K chỉ tiêu còn lại` (claims/reader.ts):
// the met and the unmet counts are exact and must make up the total.
function checkCountPairs(ctx: RuleContext): void {
  const doc = ctx.document;
  for (const claim of readClaims(doc)) {
    if (claim.relation !== 'count') continue;
    const verdict = judge(claim);
    if (!verdict?.contradiction) continue;
    const met = textOf(doc, claim.met.span);
    const unmet = textOf(doc, claim.unmet.span);
    const total = textOf(doc, claim.total.span);
    const rest = claim.total.value.lo - claim.met.value.lo;
    const replacement = rest >= 0 ? String(rest).padStart(unmet.length, '0') : undefined;
    ctx.report(
      claim.unmet.span,
      {
        vi: `${met} chỉ tiêu đạt và ${unmet} chỉ tiêu chưa đạt cộng lại là ${verdict.computed.lo}, không phải tổng ${total} chỉ tiêu đã ghi.`,
        en: `${met} targets met and ${unmet} not met add up to ${verdict.computed.lo}, not the ${total} targets stated.`,
      },
      {
        related: [
          { span: claim.met.span, message: { vi: `Đạt: ${met}`, en: `Met: ${met}` } },
          { span: claim.total.span, message: { vi: `Tổng: ${total}`, en: `Total: ${total}` } },
        ],
        ...(replacement !== undefined
          ? { fix: { span: claim.unmet.span, text: replacement, title: { vi: `Sửa thành ${replacement}`, en: `Change to ${replacement}` } } }
          : {}),
      },
    );
  }
}
