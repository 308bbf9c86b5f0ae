// What the cross-document checks read of a document, without its text and body: a model cut down
// to its kind, number, date, title, references, targets (without their sections) and, for a
// report, the tables that state plans or results. `vanban check` over many files keeps one per
// document instead of the whole model (a small part of its memory, and cheap to pass between
// threads).
//
// A summary is typed as a PolicyDocument so that linking and the cross-document rule run on it
// unchanged. What it leaves out throws when read (after reviveSummary), so that a rule that starts
// to need more fails loudly instead of differing quietly.

import type { Inherited, PolicyDocument, Target } from '../document/model.js';
import type { Table } from '../document/tables.js';
import { quantityKey, writtenQuantity } from './describe.js';

/** The summary's extra field: each target value as written (writtenQuantity), by `start:end`. */
export interface SummaryFields {
  writtenQuantities: Record<string, string>;
}

const INDICATOR_TABLE_MEANINGS = new Set(['plan', 'plan-year', 'result']);

/** Fields of a model that a summary leaves out (see reviveSummary). */
const LEFT_OUT = ['text', 'lines', 'plainLines', 'sections', 'outline', 'footnoteRefs', 'footnoteDefs', 'appendices', 'appendixRefs'] as const;

export function workspaceSummary(document: PolicyDocument): PolicyDocument & SummaryFields {
  const writtenQuantities: Record<string, string> = {};
  const targets = document.targets.map((t): Target => {
    if (t.value) writtenQuantities[quantityKey(t.value)] = writtenQuantity(document, t.value);
    // Sections link to the whole outline, and the clause's other quantities are not compared: not kept.
    const { section: _section, quantities: _quantities, year, pillar, ...rest } = t;
    return { ...rest, quantities: [], ...(year ? { year: withoutSection(year) } : {}), ...(pillar ? { pillar: withoutSection(pillar) } : {}) } as unknown as Target;
  });
  // Only a report's tables are compared (with the targets of what it reports on).
  const tables: Table[] = document.kind === 'report' ? document.tables.filter((table) => table.columns.some((c) => INDICATOR_TABLE_MEANINGS.has(c.meaning))) : [];
  const summary = {
    kind: document.kind,
    ...(document.kindSpan ? { kindSpan: document.kindSpan } : {}),
    ...(document.number ? { number: document.number } : {}),
    ...(document.date ? { date: document.date } : {}),
    ...(document.title ? { title: document.title } : {}),
    references: document.references,
    targets,
    tables,
    writtenQuantities,
  };
  return summary as unknown as PolicyDocument & SummaryFields;
}

/** A summary back from a worker thread: what it leaves out throws when read. */
export function reviveSummary(summary: PolicyDocument): PolicyDocument {
  for (const field of LEFT_OUT) {
    Object.defineProperty(summary, field, {
      enumerable: false,
      get() {
        throw new Error(`the ${field} of another document are not kept when many files are checked`);
      },
    });
  }
  return summary;
}

function withoutSection<T>(inherited: Inherited<T>): Inherited<T> {
  const { section: _section, ...rest } = inherited;
  return rest;
}
