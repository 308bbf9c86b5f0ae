import { boundInterval, cellAt, cellReference, textOf } from '../consistency/context.js';
import type { TableCell, Verdict } from '../document/tables.js';
import type { Quantity } from '../numbers.js';
import { defineRule } from './rule.js';

/** Whether a result meets a plan: true/false when certain at the stated precision, else undefined. */
export function meets(plan: Quantity, result: Quantity): boolean | undefined {
  const r = boundInterval(result);
  if (!r) return undefined;
  const c = plan.comparator === 'maintain' ? (plan.maintained ?? 'eq') : plan.comparator;
  const v = plan.number.value;
  switch (c) {
    case 'gt':
      return r.lo > v ? true : r.hi <= v ? false : undefined;
    case 'eq': // a target value is reached from below: at least the value
    case 'gte':
      return r.lo >= v ? true : r.hi < v ? false : undefined;
    case 'lt':
      return r.hi < v ? true : r.lo >= v ? false : undefined;
    case 'lte':
      return r.hi <= v ? true : r.lo > v ? false : undefined;
    default:
      return undefined;
  }
}

const NAME: Record<Verdict, { vi: string; en: string }> = {
  met: { vi: 'Đạt', en: 'met (Đạt)' },
  exceeded: { vi: 'Vượt', en: 'exceeded (Vượt)' },
  unmet: { vi: 'Chưa đạt', en: 'not met (Chưa đạt)' },
};

export default defineRule({
  id: 'status-mismatch',
  description: {
    vi: 'Đánh giá Đạt/Vượt/Chưa đạt phải khớp với chỉ tiêu và kết quả của dòng',
    en: "A Đạt/Vượt/Chưa đạt verdict must agree with its row's plan and latest result",
  },
  defaultSeverity: 'error',
  tags: ['consistency'],
  check(ctx) {
    const doc = ctx.document;
    for (const table of doc.tables) {
      const assessment = table.columns.find((c) => c.meaning === 'assessment');
      const plan = table.columns.find((c) => c.meaning === 'plan') ?? table.columns.find((c) => c.meaning === 'plan-year');
      const results = table.columns.filter((c) => c.meaning === 'result');
      if (!assessment || !plan || results.length === 0) continue;
      for (const row of table.rows) {
        if (row.kind !== 'data') continue;
        const verdictCell = cellAt(row, assessment);
        const planCell = cellAt(row, plan);
        if (!verdictCell?.verdict || !planCell?.value) continue;
        let latest: TableCell | undefined;
        let latestColumn = results[0];
        for (const c of results) {
          const cell = cellAt(row, c);
          if (cell?.value) [latest, latestColumn] = [cell, c];
        }
        if (!latest?.value || latest.value.kind !== planCell.value.kind) continue;
        const met = meets(planCell.value, latest.value);
        if (met === undefined) continue;
        const verdict = verdictCell.verdict;
        const claimedMet = verdict !== 'unmet';
        const planText = textOf(doc, planCell.span);
        const resultText = textOf(doc, latest.span);
        const related = [
          { span: planCell.span, message: { vi: `Chỉ tiêu: ${planText}`, en: `Plan: ${planText}` } },
          { span: latest.span, message: { vi: `Kết quả mới nhất (${latestColumn!.label}): ${resultText}`, en: `Latest result (${latestColumn!.label}): ${resultText}` } },
        ];
        const where = cellReference(table, row, assessment);
        if (claimedMet !== met) {
          const should: Verdict = met ? (exceeds(planCell.value, latest.value) ? 'exceeded' : 'met') : 'unmet';
          ctx.report(
            verdictCell.span,
            {
              vi: `${where.vi} đánh giá "${NAME[verdict].vi}" nhưng kết quả ${resultText} so với chỉ tiêu ${planText} là "${NAME[should].vi}".`,
              en: `${where.en} says ${NAME[verdict].en} but the result ${resultText} against the plan ${planText} is ${NAME[should].en}.`,
            },
            {
              severity: 'error',
              related,
              fix: { span: verdictCell.span, text: NAME[should].vi, title: { vi: `Sửa thành "${NAME[should].vi}"`, en: `Change to "${NAME[should].vi}"` } },
            },
          );
        } else if (verdict === 'exceeded' && exceeds(planCell.value, latest.value) === false) {
          ctx.report(
            verdictCell.span,
            {
              vi: `${where.vi} đánh giá "Vượt" nhưng kết quả ${resultText} chỉ bằng chỉ tiêu ${planText}: nên là "Đạt".`,
              en: `${where.en} says exceeded (Vượt) but the result ${resultText} only equals the plan ${planText}: it is met (Đạt).`,
            },
            // Over-claiming a met target is imprecise wording, not a contradiction of the figures.
            { severity: 'warning', related, fix: { span: verdictCell.span, text: 'Đạt', title: { vi: 'Sửa thành "Đạt"', en: 'Change to "Đạt"' } } },
          );
        }
      }
    }
  },
});

/** Strictly beyond the plan's value (a `Vượt`), when certain. */
function exceeds(plan: Quantity, result: Quantity): boolean | undefined {
  const r = boundInterval(result);
  if (!r) return undefined;
  const v = plan.number.value;
  const lowerIsBetter = plan.comparator === 'lt' || plan.comparator === 'lte';
  if (lowerIsBetter) return r.hi < v ? true : r.lo >= v ? false : undefined;
  if (result.comparator === 'gt' || result.comparator === 'gte') return r.lo >= v ? true : undefined;
  return r.lo > v ? true : r.hi <= v ? false : undefined;
}
