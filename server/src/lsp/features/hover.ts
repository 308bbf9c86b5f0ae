// Hover: what the core understood of the target, number or verdict cell under the cursor.

import { MarkupKind, type Hover, type Position } from 'vscode-languageserver';
import type { PolicyDocument, Target } from '../../core/document/model.js';
import type { TableCell, TableRow, Table } from '../../core/document/tables.js';
import { scanQuantities, type Quantity } from '../../core/numbers.js';
import { sourceSpan } from '../../core/document/model.js';
import type { Finding, Locale, Span } from '../../core/types.js';
import type { Analysis } from '../../core/engine.js';
import { toRange } from '../convert.js';
import { boundInterval, cellAt, cellReference } from '../../core/consistency/context.js';
import { figureAt, locateFigure } from '../../core/consistency/figures.js';
import { overlaps as overlapsInterval } from '../../core/interval.js';
import { comparatorLabel, formatNumber, t, ui, verdictLabel } from '../messages.js';
import { contains, overlaps, sectionName, targetAt } from './targets.js';

export function hover(analysis: Analysis, position: Position, locale: Locale): Hover | null {
  const document = analysis.document;
  const offset = document.lines.offset(position.line, position.character);

  const target = targetAt(document, offset);
  if (target) {
    const quantity = target.quantities.find((q) => contains(q.span, offset));
    const parts = [targetMarkdown(document, target, locale)];
    if (quantity) parts.push(quantityMarkdown(document, quantity, locale));
    return markdown(parts.join('\n\n---\n\n'), toRange(document.lines, target.span));
  }

  const cell = verdictCellAt(document, offset);
  if (cell) return markdown(verdictMarkdown(analysis, cell.table, cell.row, cell.cell, locale), toRange(document.lines, cell.cell.span));

  const quantity = quantityAt(document, offset);
  if (quantity) {
    const parts = [quantityMarkdown(document, quantity, locale)];
    const cell = matchedCellMarkdown(document, offset, locale);
    if (cell) parts.push(cell);
    return markdown(parts.join('\n'), toRange(document.lines, quantity.span));
  }
  return null;
}

function markdown(value: string, range: Hover['range']): Hover {
  return range ? { contents: { kind: MarkupKind.Markdown, value }, range } : { contents: { kind: MarkupKind.Markdown, value } };
}

type InheritedSource = NonNullable<Target['year']>['source'];

function targetMarkdown(document: PolicyDocument, target: Target, locale: Locale): string {
  const missing = t(ui.missing, locale);
  const lines = [`**${t(ui.target, locale)}** — ${escape(target.text)}`, ''];
  lines.push(`- ${t(ui.indicator, locale)}: ${escape(target.indicator) || missing}`);
  lines.push(`- ${t(ui.value, locale)}: ${target.value ? quantityShort(document, target.value, locale) : missing}`);
  if (target.comparator) lines.push(`- ${t(ui.comparator, locale)}: ${t(comparatorLabel(target.comparator), locale)}`);
  const origin = (source: InheritedSource, section: Target['section'] | undefined) =>
    source === 'document'
      ? t(ui.fromDocumentTitle, locale)
      : source === 'column'
        ? t(ui.fromTableColumn, locale)
        : source === 'clause' || !section
          ? t(ui.statedInClause, locale)
          : t(ui.inheritedFrom(sectionName(section), document.lines.lineAt(section.headSpan.start) + 1), locale);
  lines.push(
    `- ${t(ui.year, locale)}: ${target.year ? `${target.year.value} — ${origin(target.year.source, target.year.section)}` : missing}`,
  );
  lines.push(
    `- ${t(ui.pillar, locale)}: ${
      target.pillar ? `${target.pillar.value.name} — ${origin(target.pillar.source, target.pillar.section)}` : missing
    }`,
  );
  return lines.join('\n');
}

function quantityShort(document: PolicyDocument, quantity: Quantity, locale: Locale): string {
  const written = document.text.slice(quantity.span.start, quantity.span.end);
  return `\`${written}\` (${valueText(quantity, locale)})`;
}

function valueText(quantity: Quantity, locale: Locale): string {
  const n = quantity.number;
  if (quantity.kind === 'percent') return `${formatNumber(n.value, locale)} %`;
  const unit = quantity.unit ? ` ${quantity.unit}` : '';
  if (quantity.kind === 'fraction' && quantity.denominator) {
    return `${formatNumber(n.value, locale)}/${formatNumber(quantity.denominator.value, locale)}${unit}`;
  }
  return `${formatNumber(n.value, locale)}${unit}`;
}

function quantityMarkdown(document: PolicyDocument, quantity: Quantity, locale: Locale): string {
  const n = quantity.number;
  const written = document.text.slice(quantity.span.start, quantity.span.end);
  const pct = quantity.kind === 'percent' ? ' %' : '';
  const lines = [`**${t(ui.number, locale)}** \`${written}\``, ''];
  lines.push(`- ${t(ui.value, locale)}: ${valueText(quantity, locale)}`);
  lines.push(`- ${t(ui.precision, locale)}: [${formatNumber(n.lo, locale, 9)}; ${formatNumber(n.hi, locale, 9)}]${pct}`);
  if (quantity.kind === 'fraction' && quantity.denominator) {
    const d = quantity.denominator;
    const ratio = (n.value / d.value) * 100;
    const lo = (n.lo / d.hi) * 100;
    const hi = (n.hi / d.lo) * 100;
    lines.push(
      `- ${t(ui.fraction, locale)}: ${formatNumber(ratio, locale, 4)} % [${formatNumber(lo, locale, 4)}; ${formatNumber(hi, locale, 4)}]`,
    );
  }
  if (quantity.comparator !== 'eq') lines.push(`- ${t(ui.comparator, locale)}: ${t(comparatorLabel(quantity.comparator), locale)}`);
  return lines.join('\n');
}

/** In a report: the appendix cell the figure was matched to (indicator, year, column), if certain. */
function matchedCellMarkdown(document: PolicyDocument, offset: number, locale: Locale): string | undefined {
  const figure = figureAt(document, offset);
  if (!figure) return undefined;
  const located = locateFigure(document, figure);
  if (!located) return undefined;
  const cell = cellAt(located.row, located.column);
  if (!cell?.value) return undefined;
  const stated = boundInterval(figure.local);
  const recorded = boundInterval(cell.value);
  const verdict = stated && recorded ? (overlapsInterval(stated, recorded) ? ui.agrees : ui.disagrees) : undefined;
  const ref = cellReference(located.table, located.row, located.column);
  return `- ${t(ui.matchedCell, locale)}: ${escape(t(ref, locale))}: \`${escape(cell.text)}\`${verdict ? ` — ${t(verdict, locale)}` : ''}`;
}

interface CellHit {
  table: Table;
  row: TableRow;
  cell: TableCell;
}

function verdictCellAt(document: PolicyDocument, offset: number): CellHit | undefined {
  for (const table of document.tables) {
    if (!contains(table.span, offset)) continue;
    for (const row of table.rows) {
      if (!contains(row.span, offset)) continue;
      const cell = row.cells.find((c) => c.verdict !== undefined && contains(c.span, offset));
      if (cell) return { table, row, cell };
    }
  }
  return undefined;
}

function verdictMarkdown(analysis: Analysis, table: Table, row: TableRow, cell: TableCell, locale: Locale): string {
  const lines = [`**${t(ui.verdictCell, locale)}** — ${t(verdictLabel(cell.verdict!), locale)}`, ''];
  if (row.indicator) lines.push(`- ${t(ui.row, locale)}${row.label ? ` ${row.label}` : ''}: ${escape(row.indicator)}`);
  const plan = row.cells.find((c) => table.columns[c.column]?.meaning === 'plan' && c.text.trim() !== '');
  if (plan) lines.push(`- ${t(ui.plan, locale)} (${escape(table.columns[plan.column]!.label)}): ${escape(plan.text)}`);
  const latest = row.cells
    .filter((c) => table.columns[c.column]?.meaning === 'result' && c.text.trim() !== '')
    .sort((a, b) => (table.columns[b.column]?.year ?? 0) - (table.columns[a.column]?.year ?? 0))[0];
  if (latest) lines.push(`- ${t(ui.latestResult, locale)} (${escape(table.columns[latest.column]!.label)}): ${escape(latest.text)}`);
  const here = findingsOver(analysis.findings, row.span);
  lines.push('');
  if (here.length === 0) lines.push(t(ui.consistent, locale));
  else {
    lines.push(`**${t(ui.findingsHere, locale)}**`, '');
    for (const f of here) lines.push(`- ${escape(t(f.message, locale))} (\`${f.ruleId}\`)`);
  }
  return lines.join('\n');
}

function findingsOver(findings: Finding[], span: Span): Finding[] {
  return findings.filter((f) => overlaps(f.span, span));
}

/** A quantity at the offset: in a target, in a table cell, else scanned from the line's plain text. */
function quantityAt(document: PolicyDocument, offset: number): Quantity | undefined {
  for (const table of document.tables) {
    if (!contains(table.span, offset)) continue;
    for (const row of table.rows) {
      for (const cell of row.cells) if (cell.value && contains(cell.value.span, offset)) return cell.value;
    }
  }
  const line = document.plainLines.find((l) => contains(l.span, offset));
  if (!line) return undefined;
  for (const q of scanQuantities(line.plain).quantities) {
    const mapped = remap(q, (s) => sourceSpan(line, s.start, s.end));
    if (contains(mapped.span, offset)) return mapped;
  }
  return undefined;
}

/** The scanner reports offsets into the plain text; hover needs source offsets. */
function remap(q: Quantity, map: (s: Span) => Span): Quantity {
  const out: Quantity = { ...q, span: map(q.span), numberSpan: map(q.numberSpan) };
  if (q.denominatorSpan) out.denominatorSpan = map(q.denominatorSpan);
  if (q.comparatorSpan) out.comparatorSpan = map(q.comparatorSpan);
  return out;
}

function escape(text: string): string {
  return text.replace(/([\\`*_[\]<>|])/g, '\\$1');
}
