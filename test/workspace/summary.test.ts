// The link summary the language server's index keeps of an open report (core/workspace/summary.ts
// linkSummary): linking with it gives exactly the outcome linking with the whole model gives, as
// the report being linked and as one of the other documents; what it leaves out throws with a
// message that says so; and it is a copy, sharing no object with the model.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { linkReport, linkSummary, type WorkspaceDocument } from '../../server/src/core/workspace/index.js';
import { SEEDS, SEEDS_ABSENT } from '../helpers.js';
import { allFixtures, seedDoc } from './support.js';

const summarised = (d: WorkspaceDocument): WorkspaceDocument => ({ id: d.id, document: linkSummary(d.document) });

describe('link summaries of reports', () => {
  it('link every fixture report exactly as its model does, as the report and among the others', () => {
    const all = allFixtures();
    const reports = all.filter((d) => d.document.kind === 'report');
    assert.ok(reports.length >= 3);
    const others = all.map((d) => (d.document.kind === 'report' ? summarised(d) : d));
    for (const report of reports) {
      const expected = linkReport(report, all);
      assert.deepEqual(linkReport(summarised(report), all), expected, report.id);
      assert.deepEqual(linkReport(report, others), expected, report.id);
    }
  });

  it('link the seed report exactly as its model does', (t) => {
    const report = seedDoc(SEEDS.dongThapReport);
    const resolution = seedDoc(SEEDS.dongThapResolution);
    if (!report || !resolution) return t.skip(SEEDS_ABSENT);
    const expected = linkReport(report, [report, resolution]);
    assert.equal(expected.status, 'linked');
    assert.deepEqual(linkReport(summarised(report), [summarised(report), resolution]), expected);
  });

  it('throw, naming what was left out, when a left-out part is read', () => {
    const report = allFixtures().find((d) => d.document.kind === 'report')!;
    const summary = linkSummary(report.document);
    for (const field of ['text', 'lines', 'plainLines', 'sections', 'outline', 'appendices'] as const) {
      assert.throws(() => summary[field], new RegExp(`the ${field} of an open report are not kept by the workspace index`));
    }
    const row = summary.tables.flatMap((table) => table.rows)[0];
    assert.ok(row, 'the fixture report has an indicator table');
    assert.throws(() => row.cells.length, /does not keep the table cells of an open report/);
    // Left-out parts are not own properties: spreading or serialising a summary reads none of them.
    assert.doesNotThrow(() => JSON.stringify({ ...summary, tables: [] }));
  });

  it('share no object with the model (so that the model and its text can go)', () => {
    const report = allFixtures().find((d) => d.document.kind === 'report' && d.document.references.length > 0)!;
    const summary = linkSummary(report.document);
    const objects = (root: object): Set<object> => {
      const seen = new Set<object>();
      const stack: unknown[] = [root];
      while (stack.length > 0) {
        const value = stack.pop();
        if (typeof value !== 'object' || value === null || seen.has(value)) continue;
        seen.add(value);
        for (const key of Object.keys(value)) stack.push((value as Record<string, unknown>)[key]);
      }
      return seen;
    };
    const model = objects(report.document);
    const shared = [...objects(summary)].filter((o) => model.has(o));
    assert.deepEqual(shared, []);
    assert.deepEqual(
      summary.references.map((r) => r.number),
      report.document.references.map((r) => r.number),
    );
  });
});
