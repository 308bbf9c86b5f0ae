// Targets stated in a table (`STT | Chỉ tiêu | Đơn vị tính | Năm 2025 | Năm 2030 | Ghi chú`) inside
// a goals section: each data row × year column is one target, whose unit comes from the unit
// column (`%`, `Doanh nghiệp`, `Hạng`), whose year is the column's, and whose pillar is the group
// row above it (`I | CHÍNH QUYỀN SỐ`). An empty value cell is still a target (with no value), so
// that `target-value` can point at it.

import { asciiKey } from '../text.js';
import { scanQuantities, type Quantity } from '../numbers.js';
import type { Span } from '../types.js';
import { inheritedPillar, type Inherited, type PillarMention, type Section, type Target } from './model.js';
import { isRankTarget, rankQuantity } from './ranks.js';
import type { Table, TableCell, TableColumn, TableRow } from './tables.js';
import { findPillars, type PillarMatcher } from './vocabulary.js';

/** A column holding targets: it names a year and is not a result (`Kết quả năm 2024`, `Ước 2024`). */
function isTargetColumn(c: TableColumn): boolean {
  if (c.year === undefined) return false;
  if (c.meaning !== 'plan' && c.meaning !== 'plan-year' && c.meaning !== 'result') return false;
  return !/ket qua|thuc hien|uoc|thuc te|dat duoc|so voi/.test(asciiKey(c.label));
}

function isUnitColumn(c: TableColumn): boolean {
  return /^(don vi( tinh)?|dvt)$/.test(asciiKey(c.label).trim());
}

export function tableTargets(table: Table, section: Section, pillars: PillarMatcher[]): Target[] {
  const yearColumns = table.columns.filter(isTargetColumn);
  if (yearColumns.length === 0) return [];
  const unitColumn = table.columns.find(isUnitColumn);
  const headers = table.rows.filter((r) => r.kind === 'header');
  const out: Target[] = [];
  let group: { row: TableRow; pillar?: PillarMention } | undefined;
  for (const row of table.rows) {
    if (row.kind === 'group') {
      group = { row };
      const label = row.cells.map((c) => c.text).filter((t) => t !== '').join(' ');
      const found = findPillars(label, pillars, true);
      const distinct = new Set(found.map((f) => f.definition.id));
      if (distinct.size === 1) {
        const cell = row.cells.find((c) => findPillars(c.text, pillars, true).length > 0) ?? row.cells[0]!;
        group.pillar = { id: found[0]!.definition.id, name: found[0]!.definition.name, span: cell.span };
      }
      continue;
    }
    if (row.kind !== 'data' || !row.indicator) continue;
    const unitText = unitColumn ? (row.cells.find((c) => c.column === unitColumn.index)?.text.trim() ?? '') : table.unit ?? '';
    for (const column of yearColumns) {
      const cell = row.cells.find((c) => c.column === column.index);
      if (!cell) continue;
      const value = cellValue(cell, unitText);
      const header = headers.map((h) => h.cells.find((c) => c.column === column.index)).filter((c): c is TableCell => !!c && c.text !== '').pop();
      const yearSpan: Span = header?.span ?? cell.span;
      const target: Target = {
        span: cell.text === '' ? row.span : cell.span,
        text: `${row.indicator}: ${cell.text || '—'}`,
        indicator: row.indicator,
        quantities: value ? [value] : [],
        section,
        origin: 'table-cell',
        year: { value: column.year!, source: 'column', span: yearSpan },
      };
      if (value) {
        target.value = value;
        target.comparator = value.comparator;
      }
      const pillar: Inherited<PillarMention> | undefined = group?.pillar
        ? { value: group.pillar, source: 'section', span: group.pillar.span }
        : inheritedPillar(section);
      if (pillar) target.pillar = pillar;
      out.push(target);
    }
  }
  return out;
}

/** The cell's value in the row's unit: `100` under `%` is 100 %, `Nhóm 25 tỉnh dẫn đầu` under `Hạng` a rank. */
function cellValue(cell: TableCell, unitText: string): Quantity | undefined {
  const unitKey = asciiKey(unitText).trim();
  const scan = cell.value ? undefined : scanQuantities(cell.text);
  const rank = scan?.excluded.find(isRankTarget);
  if (rank) return rankQuantity(rank, cell.span);
  const q = cell.value;
  if (!q) return undefined;
  if (unitKey === '%' && q.kind === 'count' && !q.unit) {
    const { unit: _u, baseUnit: _b, multiplier: _m, ...rest } = q;
    return { ...rest, kind: 'percent' };
  }
  if (q.kind === 'count' && !q.unit && unitText !== '' && unitKey !== '%') {
    const unit = unitText.normalize('NFC').toLowerCase();
    return { ...q, unit, baseUnit: unit };
  }
  return q;
}
