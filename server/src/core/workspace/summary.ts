// What the cross-document checks read of a document, without its text and body: a model cut down
// to its kind, number, date, title, references, targets (without their sections) and, for a
// report, the tables that state plans or results, with the cells of their plan columns only (the
// cross-document rule compares plans; the register, which reads results, is built from whole
// models). `vanban check` over many files keeps one per
// document instead of the whole model (a small part of its memory, and cheap to pass between
// threads).
//
// A summary is typed as a PolicyDocument so that linking and the cross-document rule run on it
// unchanged. What it leaves out throws when read (after reviveSummary), so that a rule that starts
// to need more fails loudly instead of differing quietly.

import type { Inherited, PolicyDocument, Target } from '../document/model.js';
import { reportsOnAnother } from './link.js';
import type { Table, TableRow } from '../document/tables.js';
import { quantityKey, writtenQuantity } from './describe.js';

/** The summary's extra field: each target value as written (writtenQuantity), by `start:end`. */
export interface SummaryFields {
  writtenQuantities: Record<string, string>;
}

const INDICATOR_TABLE_MEANINGS = new Set(['plan', 'plan-year', 'result']);
const PLAN_MEANINGS = new Set(['plan', 'plan-year']);

/** Fields of a model that a summary leaves out (see reviveSummary). */
const LEFT_OUT = ['text', 'lines', 'plainLines', 'sections', 'outline', 'footnoteRefs', 'footnoteDefs', 'appendices', 'appendixRefs'] as const;

export function workspaceSummary(document: PolicyDocument): PolicyDocument & SummaryFields {
  return summarise(document, plansOnly);
}

/** A summary whose report tables go through `cut` (which cells their rows keep). */
function summarise(document: PolicyDocument, cut: (table: Table) => Table): PolicyDocument & SummaryFields {
  const writtenQuantities: Record<string, string> = {};
  const targets = document.targets.map((t): Target => {
    if (t.value) writtenQuantities[quantityKey(t.value)] = writtenQuantity(document, t.value);
    // Sections link to the whole outline, and the clause's other quantities are not compared: not kept.
    const { section: _section, quantities: _quantities, year, pillar, ...rest } = t;
    return { ...rest, quantities: [], ...(year ? { year: withoutSection(year) } : {}), ...(pillar ? { pillar: withoutSection(pillar) } : {}) } as unknown as Target;
  });
  // Only a report's tables are compared (with the targets of what it reports on), and of their cells
  // only the plans (resolution-mismatch): result cells are most of a report's tables.
  const tables: Table[] = reportsOnAnother(document) ? document.tables.filter((table) => table.columns.some((c) => INDICATOR_TABLE_MEANINGS.has(c.meaning))).map(cut) : [];
  const summary = {
    kind: document.kind,
    ...(document.kindSpan ? { kindSpan: document.kindSpan } : {}),
    ...(document.number ? { number: document.number } : {}),
    ...(document.date ? { date: document.date } : {}),
    ...(document.title ? { title: document.title } : {}),
    ...(document.place ? { place: document.place } : {}),
    references: document.references,
    ...(document.evaluates ? { evaluates: document.evaluates } : {}),
    targets,
    tables,
    writtenQuantities,
  };
  return summary as unknown as PolicyDocument & SummaryFields;
}

/** A summary back from a worker thread: what it leaves out throws when read. */
export function reviveSummary(summary: PolicyDocument): PolicyDocument {
  return guardLeftOut(summary, WORKER_LEFT_OUT);
}

/**
 * The summary kept of an open report by the language server's workspace index: what linking reads
 * of a report (its kind, number, date, title, references, targets' indicators, and the rows of its
 * plan and result tables) without the table cells. Rules read the whole model instead. What it
 * leaves out throws when read.
 */
export function linkSummary(document: PolicyDocument): PolicyDocument {
  // Copied, strings included: a string cut from the text (a title, an indicator) can be a slice that
  // keeps the whole text alive, which is what the language server lets go of for a dormant document.
  const copy = structuredClone(summarise(document, withoutCells));
  for (const table of copy.tables) for (const row of table.rows) (row as TableRow).cells = LINK_CELLS;
  return guardLeftOut(copy as unknown as PolicyDocument, LINK_LEFT_OUT);
}

/**
 * A copy of `summary` whose left-out fields throw when read: they are accessors on a prototype
 * shared by every summary of that kind (nothing per object), so `{ ...summary }` and JSON leave them
 * out as before.
 */
function guardLeftOut(summary: PolicyDocument, prototype: object): PolicyDocument {
  return Object.assign(Object.create(prototype) as PolicyDocument, summary);
}

function leftOutPrototype(why: string): object {
  const prototype = {};
  for (const field of LEFT_OUT) {
    Object.defineProperty(prototype, field, {
      enumerable: false,
      get() {
        throw new Error(`the ${field} of ${why}`);
      },
    });
  }
  return Object.freeze(prototype);
}

const WORKER_LEFT_OUT = leftOutPrototype('other documents are not kept when many files are checked');
const LINK_LEFT_OUT = leftOutPrototype('an open report are not kept by the workspace index (ask for its model)');
/** Cells of a link summary's rows: any use throws. One array shared by every row. */
const LINK_CELLS = throwingArray('the workspace index does not keep the table cells of an open report') as never;

/**
 * Stands in for an array a summary or a kept model does not hold: any use throws, naming `what`
 * and the property read. One object can serve every place (a getter per object would cost more
 * than what it replaces).
 */
export function throwingArray(what: string): unknown[] {
  return new Proxy([], {
    get(_target, key) {
      throw new Error(`${what} (read ${String(key)})`);
    },
  });
}

function withoutCells(table: Table): Table {
  return { ...table, rows: table.rows.map(({ cells: _cells, ...row }) => row as TableRow) };
}

function plansOnly(table: Table): Table {
  const plans = new Set(table.columns.filter((c) => PLAN_MEANINGS.has(c.meaning)).map((c) => c.index));
  return { ...table, rows: table.rows.map((row) => ({ ...row, cells: row.cells.filter((cell) => plans.has(cell.column)) })) };
}

function withoutSection<T>(inherited: Inherited<T>): Inherited<T> {
  const { section: _section, ...rest } = inherited;
  return rest;
}
