// A report's plan column (`KH 5 năm 2021 - 2025`, `KH năm 2025`) against the targets of the
// resolution it reports on (domain guide §6, last row). Needs the workspace: checked alone, a
// report is not compared with anything.

import type { PolicyDocument } from '../document/model.js';
import type { TableColumn } from '../document/tables.js';
import { clean, documentName, writtenQuantity } from '../workspace/describe.js';
import { plansLess, restatement, statementOf, targetStatement, type Statement } from '../workspace/compare.js';
import { indicatorRows, targetOfRow } from '../workspace/indicators.js';
import { linkReport, reportsOnAnother } from '../workspace/link.js';
import type { Span } from '../types.js';
import { quote } from './describe.js';
import { defineRule } from './rule.js';

export default defineRule({
  id: 'resolution-mismatch',
  description: {
    vi: 'Cột kế hoạch của báo cáo phải khớp chỉ tiêu của nghị quyết được báo cáo',
    en: "A report's plan column must agree with the targets of the resolution it reports on",
  },
  defaultSeverity: 'warning',
  tags: ['consistency', 'references'],
  appliesTo: ['report', 'plan'],
  check(ctx) {
    const workspace = ctx.workspace;
    if (!workspace) return;
    const report = ctx.document;
    if (!reportsOnAnother(report)) return;
    const outcome = linkReport({ id: workspace.id, document: report }, workspace.documents, workspace.links ?? [], { pillars: ctx.config.pillars });
    if (outcome.status === 'ambiguous') {
      ctx.report(anchor(report), outcome.message, { severity: 'information' });
      return;
    }
    if (outcome.status !== 'linked') return;
    const resolution = workspace.documents.find((d) => d.id === outcome.resolution)!.document;
    const name = documentName(resolution);
    const rows = indicatorRows(report, ctx.config.pillars);
    const tables = [...new Set(rows.map((r) => r.table))];
    for (const table of tables) {
      const tableRows = rows.filter((r) => r.table === table);
      for (const column of table.columns) {
        if ((column.meaning !== 'plan' && column.meaning !== 'plan-year') || column.year === undefined) continue;
        const targets = resolution.targets.filter((t) => t.year?.value === column.year && t.value && targetStatement(t));
        if (targets.length === 0) continue;
        for (const row of tableRows) {
          const cell = row.row.cells.find((c) => c.column === column.index);
          const plan = cell?.value ? statementOf(cell.value) : undefined;
          if (!cell || !plan) continue;
          const target = targetOfRow(row, targets, tableRows);
          if (!target) continue;
          const wanted = targetStatement(target)!;
          // A plan evaluating an earlier plan restates that plan's targets in its `Kế hoạch năm 2024`
          // column; a report's annual-plan column may exceed the resolution's, never fall short.
          const problem =
            column.meaning === 'plan' || report.kind === 'plan' ? restatement(plan, wanted) : plansLess(plan, wanted, target.text) ? 'less' : undefined;
          if (problem === undefined || problem === 'same') continue;
          const planText = clean(cell.text);
          const targetText = writtenQuantity(resolution, target.value!);
          const columnName = columnTitle(column);
          const indicator = quote(row.indicator, 60);
          const detail =
            problem === 'comparator'
              ? { vi: ` (khác cách so sánh: ${sign(plan)} so với ${sign(wanted)})`, en: ` (different comparison: ${sign(plan)} against ${sign(wanted)})` }
              : problem === 'less'
                ? { vi: ', thấp hơn chỉ tiêu', en: ', short of the target' }
                : { vi: '', en: '' };
          ctx.report(
            cell.span,
            {
              vi: `Cột "${columnName}" ghi "${planText}" cho chỉ tiêu "${indicator}", nhưng chỉ tiêu năm ${column.year} của ${name.vi} là "${targetText}"${detail.vi}.`,
              en: `Column "${columnName}" states "${planText}" for "${indicator}", but the ${column.year} target of ${name.en} is "${targetText}"${detail.en}.`,
            },
            {
              related: [
                {
                  documentId: outcome.resolution,
                  span: target.span,
                  message: {
                    vi: `Chỉ tiêu năm ${column.year} của ${name.vi}: "${quote(target.text)}"`,
                    en: `The ${column.year} target of ${name.en}: "${quote(target.text)}"`,
                  },
                },
              ],
            },
          );
        }
      }
    }
  },
});

const SIGNS: Record<Statement['bound'], string> = { gt: '>', gte: '≥', lt: '<', lte: '≤', eq: '=' };

function sign(s: Statement): string {
  return SIGNS[s.bound];
}

/** The last header of the column's path (`KH 5 năm 2021 - 2025`). */
function columnTitle(column: TableColumn): string {
  return column.label.split(' › ').at(-1)!.trim();
}

/** Where a note about the report as a whole goes: its citation of the resolution, else its title. */
function anchor(document: PolicyDocument): Span {
  return document.references[0]?.span ?? document.title?.span ?? document.kindSpan ?? { start: 0, end: 0 };
}
