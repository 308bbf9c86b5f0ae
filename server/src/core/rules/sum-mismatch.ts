import { bodyQuantities, formatVn, textOf, type BodyQuantity } from '../consistency/context.js';
import type { PolicyDocument } from '../document/model.js';
import type { Table, TableCell, TableRow } from '../document/tables.js';
import { indicatorWords, similarity } from '../indicators.js';
import { interval, overlaps, sum, type Interval } from '../interval.js';
import { asciiKey, maxOf } from '../text.js';
import type { LocalizedText } from '../types.js';
import { defineRule, type RuleContext } from './rule.js';
import { judge } from '../claims/judge.js';
import { readClaims } from '../claims/reader.js';

export default defineRule({
  id: 'sum-mismatch',
  description: {
    vi: 'Tổng cộng phải bằng tổng các thành phần',
    en: 'Totals must equal the sum of their parts',
  },
  defaultSeverity: 'error',
  tags: ['arithmetic', 'consistency'],
  check(ctx) {
    for (const table of ctx.document.tables) {
      checkTotalRows(ctx, table);
      checkTotalColumn(ctx, table);
    }
    checkStatedTotals(ctx);
    checkInlineBreakdowns(ctx);
  },
});

// Breakdowns written in a sentence (claims/reader.ts): `T …, gồm|bao gồm: A …, B … và C …` must add
// up; `đạt và vượt N/M chỉ tiêu, trong đó K … vượt và L … đạt` too; `T …, trong đó A … và B …` is a
// subset that must not exceed T.
function checkInlineBreakdowns(ctx: RuleContext): void {
  const doc = ctx.document;
  for (const claim of readClaims(doc)) {
    if (claim.relation !== 'breakdown') continue;
    const verdict = judge(claim, ctx.config.tolerance);
    if (!verdict?.contradiction) continue;
    const total = claim.total.figure;
    const decimals = Math.max(total.local.number.decimals, maxOf(claim.parts, (p) => p.figure.local.number.decimals));
    // Parts and total in the unit as written (`61,8 tỷ đồng` + `34,6 tỷ đồng`), multiplier included.
    const k = total.local.multiplier ? (MULTIPLIERS[total.local.multiplier.normalize('NFC').toLowerCase()] ?? 1) : 1;
    // The parts as written add up to an exact figure (`61,8 + 30,2 + 4,4 = 96,4`): say that one.
    const computed = formatVn(claim.parts.reduce((n, p) => n + p.figure.local.number.value, 0) / k, decimals);
    const parts = claim.parts.map((p) => textOf(doc, p.span)).join(' + ');
    const unit = total.local.kind === 'fraction' ? (total.local.denominatorUnit ?? total.local.unit ?? '') : (total.local.unit ?? '');
    const stated = `${textOf(doc, claim.total.span)}${unit ? ' ' + unit : ''}`;
    const message =
      claim.mode === 'exhaustive'
        ? {
            vi: `Các thành phần ${parts} cộng lại là ${computed}${unit ? ' ' + unit : ''}, không phải ${stated} như đã ghi.`,
            en: `The parts ${parts} add up to ${computed}${unit ? ' ' + unit : ''}, not the ${stated} stated.`,
          }
        : {
            vi: `Các thành phần "${claim.cue === 'trong do co' ? 'trong đó có' : 'trong đó'}" ${parts} cộng lại là ${computed}${unit ? ' ' + unit : ''}, vượt tổng ${stated} đã ghi.`,
            en: `The parts ${parts} add up to ${computed}${unit ? ' ' + unit : ''}, more than the total of ${stated} stated.`,
          };
    const fix =
      claim.mode === 'exhaustive' && claim.total.exact && claim.parts.every((p) => p.exact) && !claim.total.denominator
        ? { fix: { span: claim.total.span, text: String(verdict.computed.lo).padStart(stated.length, '0'), title: { vi: `Sửa tổng thành ${verdict.computed.lo}`, en: `Change the total to ${verdict.computed.lo}` } } }
        : {};
    ctx.report(claim.total.span, message, {
      related: claim.parts.map((p) => ({ span: p.figure.span, message: { vi: `Thành phần: ${textOf(doc, p.figure.span)}`, en: `Part: ${textOf(doc, p.figure.span)}` } })),
      ...fix,
    });
  }
}

function numeric(cell: TableCell | undefined): boolean {
  return cell?.value !== undefined && cell.value.kind === 'count' && cell.value.comparator === 'eq';
}

const MULTIPLIERS: Record<string, number> = { nghìn: 1e3, ngàn: 1e3, triệu: 1e6, tỷ: 1e9, tỉ: 1e9 };

/** The number as written, without its multiplier word (`1.308,9 tỷ` → 1308.9). */
function asWritten(n: { lo: number; hi: number }, multiplier: string | undefined): Interval {
  const k = multiplier ? (MULTIPLIERS[multiplier.normalize('NFC').toLowerCase()] ?? 1) : 1;
  return { lo: n.lo / k, hi: n.hi / k };
}

function mid(i: Interval): number {
  return (i.lo + i.hi) / 2;
}

const reportedCells = new WeakMap<RuleContext, Set<TableCell>>();

function reportTotal(ctx: RuleContext, cell: TableCell, parts: TableCell[], computed: Interval, what: LocalizedText): void {
  // A grand total can fail as the sum of its column and of its row: one finding is enough.
  const seen = reportedCells.get(ctx) ?? new Set<TableCell>();
  reportedCells.set(ctx, seen);
  if (seen.has(cell)) return;
  seen.add(cell);
  const doc = ctx.document;
  const decimals = Math.max(cell.value!.number.decimals, maxOf(parts, (p) => p.value!.number.decimals));
  const expected = formatVn(mid(computed), decimals);
  const stated = textOf(doc, cell.value!.numberSpan);
  ctx.report(
    cell.value!.numberSpan,
    {
      vi: `${what.vi} ghi ${stated} nhưng tổng các thành phần là ${expected} (${parts.map((p) => textOf(doc, p.value!.numberSpan)).join(' + ')}).`,
      en: `${what.en} states ${stated} but its parts add up to ${expected} (${parts.map((p) => textOf(doc, p.value!.numberSpan)).join(' + ')}).`,
    },
    {
      related: parts.map((p) => ({ span: p.span, message: { vi: `Thành phần: ${textOf(doc, p.span)}`, en: `Part: ${textOf(doc, p.span)}` } })),
      fix: { span: cell.value!.numberSpan, text: expected, title: { vi: `Sửa tổng thành ${expected}`, en: `Change the total to ${expected}` } },
    },
  );
}

/** A `Tổng cộng` row against the data rows above it, column by column. */
function checkTotalRows(ctx: RuleContext, table: Table): void {
  let parts: TableRow[] = [];
  for (const row of table.rows) {
    if (row.kind === 'data') parts.push(row);
    if (row.kind !== 'total') continue;
    for (const cell of row.cells) {
      if (!numeric(cell)) continue;
      const column = table.columns[cell.column];
      if (column?.meaning === 'index') continue;
      const partCells = parts.map((r) => r.cells.find((c) => c.column === cell.column)).filter((c): c is TableCell => c !== undefined && c.text !== '');
      if (partCells.length < 2 || !partCells.every(numeric)) continue;
      const computed = sum(partCells.map((c) => interval(c.value!.number)));
      if (overlaps(computed, interval(cell.value!.number))) continue;
      const label = column?.label ? ` "${column.label}"` : '';
      reportTotal(ctx, cell, partCells, computed, { vi: `Dòng tổng cộng, cột${label}`, en: `The total row, column${label},` });
    }
    parts = [];
  }
}

/** A `Tổng` column against the row's other numeric cells. */
function checkTotalColumn(ctx: RuleContext, table: Table): void {
  const total = table.columns.find((c) => c.meaning === 'total');
  if (!total) return;
  const partColumns = table.columns.filter(
    (c) => c.index !== total.index && (c.meaning === 'other' || c.meaning === 'result') && c.label !== '' && !/^(nam|stt|tt)$/.test(asciiKey(c.label)),
  );
  for (const row of table.rows) {
    if (row.kind !== 'data' && row.kind !== 'total') continue;
    const cell = row.cells.find((c) => c.column === total.index);
    if (!numeric(cell)) continue;
    const parts = partColumns.map((c) => row.cells.find((x) => x.column === c.index)).filter((c): c is TableCell => c !== undefined && c.text !== '');
    if (parts.length < 2 || !parts.every(numeric)) continue;
    const computed = sum(parts.map((c) => interval(c.value!.number)));
    if (overlaps(computed, interval(cell!.value!.number))) continue;
    const label = row.label ?? (row.kind === 'total' ? 'Tổng cộng' : '');
    reportTotal(ctx, cell!, parts, computed, { vi: `Cột "${total.label}" của dòng ${label}`, en: `Column "${total.label}" of row ${label}` });
  }
}

interface Breakdown {
  total: BodyQuantity;
  parts: { item: BodyQuantity; label: string }[];
}

/** `Tổng kinh phí: 1.308,9 tỷ đồng. Trong đó: - A: 185,38 tỷ đồng …` */
function statedTotals(doc: PolicyDocument): Breakdown[] {
  const body = bodyQuantities(doc);
  const out: Breakdown[] = [];
  for (let i = 0; i < body.length; i++) {
    const b = body[i]!;
    if (b.local.kind !== 'count' || !b.local.unit) continue;
    const before = asciiKey(b.line.plain.slice(b.clause.start, b.local.span.start));
    if (!/\btong\b[^:]*:\s*$/.test(before)) continue;
    if (!/trong do\s*:?\s*$/.test(asciiKey(b.line.plain.slice(b.local.span.end)))) continue;
    const parts: Breakdown['parts'] = [];
    // The breakdown: the following list items, each `label: value unit`, up to the first other line.
    for (let l = b.line.line + 1; l < doc.plainLines.length; l++) {
      const line = doc.plainLines[l]!;
      if (line.plain.length === 0) {
        if (parts.length > 0) break;
        continue;
      }
      if (!line.bullet) break;
      const items = body.filter((x) => x.line === line);
      if (items.length !== 1 || items[0]!.local.unit !== b.local.unit || items[0]!.local.kind !== 'count') break;
      const colon = line.plain.indexOf(':');
      parts.push({ item: items[0]!, label: colon > 0 ? line.plain.slice(0, colon) : '' });
    }
    if (parts.length >= 2) out.push({ total: b, parts });
  }
  return out;
}

function checkStatedTotals(ctx: RuleContext): void {
  const doc = ctx.document;
  for (const { total, parts } of statedTotals(doc)) {
    const computed = sum(parts.map((p) => interval(p.item.local.number)));
    const stated = interval(total.local.number);
    if (!overlaps(computed, stated)) {
      const decimals = Math.max(total.local.number.decimals, maxOf(parts, (p) => p.item.local.number.decimals));
      const expected = formatVn(mid(computed), decimals);
      ctx.report(
        total.numberSpan,
        {
          vi: `Tổng ghi ${textOf(doc, total.numberSpan)} nhưng các khoản "Trong đó" cộng lại là ${expected}.`,
          en: `The total states ${textOf(doc, total.numberSpan)} but the items listed under "Trong đó" add up to ${expected}.`,
        },
        { related: parts.map((p) => ({ span: p.item.span, message: { vi: `Khoản: ${p.label.trim()}`, en: `Item: ${p.label.trim()}` } })) },
      );
    }
    checkAgainstAppendix(ctx, total, parts);
  }
}

/** The body's total and items against the appendix table they summarise (`Chi tiết Phụ lục 04`). */
function checkAgainstAppendix(ctx: RuleContext, total: BodyQuantity, parts: Breakdown['parts']): void {
  const doc = ctx.document;
  const sectionRefs = doc.appendixRefs.filter((r) => r.span.start > total.span.start && r.span.start - total.span.start < 2000);
  const ref = sectionRefs[0];
  if (!ref) return;
  const table = doc.tables.find((t) => t.appendix === ref.number && t.rows.some((r) => r.kind === 'total'));
  if (!table) return;
  const totalRow = table.rows.find((r) => r.kind === 'total')!;
  const totalCol = table.columns.find((c) => c.meaning === 'total');
  const app = String(table.appendix).padStart(2, '0');
  // The table's figures are in the unit of its `Đơn vị tính` line; compare the body's figures
  // written in that same unit, number for number, and say nothing when the units differ.
  const unit = table.unit?.normalize('NFC').toLowerCase().trim();
  const compare = (b: BodyQuantity, cells: TableCell[], what: string): void => {
    if (cells.length === 0 || !cells.every(numeric)) return;
    if (!unit || b.local.unit?.normalize('NFC').toLowerCase() !== unit) return;
    const written = asWritten(b.local.number, b.local.multiplier);
    const recorded = sum(cells.map((c) => interval(c.value!.number)));
    if (overlaps(written, recorded)) return;
    const decimals = maxOf(cells, (c) => c.value!.number.decimals, 0);
    const value = formatVn(mid(recorded), decimals);
    ctx.report(
      b.numberSpan,
      {
        vi: `Văn bản ghi ${what} là ${textOf(doc, b.numberSpan)} nhưng dòng tổng cộng của Phụ lục ${app} ghi ${value}.`,
        en: `The text gives ${what} as ${textOf(doc, b.numberSpan)} but the total row of appendix ${app} has ${value}.`,
      },
      { related: cells.map((c) => ({ span: c.span, message: { vi: `Phụ lục ${app}: ${textOf(doc, c.span)}`, en: `Appendix ${app}: ${textOf(doc, c.span)}` } })) },
    );
  };
  if (totalCol) {
    const cell = totalRow.cells.find((c) => c.column === totalCol.index);
    if (cell) compare(total, [cell], 'tổng');
  }
  for (const p of parts) {
    // The item's label names a column (or a spanning group of columns: `Vốn xã hội hoá › …`).
    const words = indicatorWords(p.label);
    const heads = table.columns.filter((c) => c.meaning !== 'total' && c.meaning !== 'index' && similarity(words, indicatorWords(c.label.split(' › ')[0]!)) >= 0.8);
    if (heads.length === 0) continue;
    const cells = heads.map((c) => totalRow.cells.find((x) => x.column === c.index)).filter((c): c is TableCell => c !== undefined);
    compare(p.item, cells, `"${p.label.trim()}"`);
  }
}
