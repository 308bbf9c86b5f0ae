// Linking among many near-identical documents (a province's archive holds copies and drafts of
// each resolution): the per-document facts and the memo of indicator scores that make linking
// near-linear must give exactly the outcome of comparing every pair afresh.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { linkDocuments, linkReport, type LinkOutcome, type WorkspaceDocument } from '../../server/src/core/workspace/index.js';
import { doc, fixtureDoc, fixtureText, HA_LAM_REPORT, HA_LAM_RESOLUTION, LONG_DIEN_REPORT, LONG_DIEN_RESOLUTION } from './support.js';

const COPIES = 60;

function copies(name: string, count: number, edit: (text: string, i: number) => string = (t) => t): WorkspaceDocument[] {
  return Array.from({ length: count }, (_, i) => doc(`ban-sao-${i}/${name}`, edit(fixtureText(name), i)));
}

describe('linking among many identical candidates', () => {
  it('overlap with many identical resolutions: ambiguous, every copy a candidate, in order', () => {
    const resolutions = copies(HA_LAM_RESOLUTION, COPIES);
    const report = fixtureDoc(HA_LAM_REPORT);
    const outcome = linkReport(report, [report, ...resolutions]);
    assert.equal(outcome.status, 'ambiguous');
    if (outcome.status === 'ambiguous') {
      assert.equal(outcome.reason, 'overlap');
      assert.deepEqual(outcome.candidates, resolutions.map((r) => r.id));
      assert.match(outcome.message.en, new RegExp(`match ${COPIES} documents`));
    }
  });

  it('each of many identical reports gets the outcome it gets alone, with the same evidence', () => {
    const resolution = fixtureDoc(HA_LAM_RESOLUTION);
    const alone = linkReport(fixtureDoc(HA_LAM_REPORT), [resolution]);
    assert.equal(alone.status, 'linked');
    const reports = copies(HA_LAM_REPORT, COPIES);
    // Other provinces' copies: same indicators, another subject, so never candidates.
    const others = copies(HA_LAM_RESOLUTION, COPIES, (t, i) => t.replace('về chuyển đổi số tỉnh Hà Lam', `về chuyển đổi số tỉnh Khác ${i}`));
    const outcomes = linkDocuments([...others, resolution, ...reports]);
    assert.equal(outcomes.length, COPIES);
    outcomes.forEach((o, i) => assert.deepEqual(o, { ...alone, report: reports[i]!.id }));
  });

  it('copies whose digits differ keep their own wordings in the evidence', () => {
    // The pairs name the wordings of the resolution actually linked, not of the copy whose
    // scores were computed first.
    const resolution = doc(HA_LAM_RESOLUTION, fixtureText(HA_LAM_RESOLUTION));
    const report = fixtureDoc(HA_LAM_REPORT);
    const first = linkReport(report, [report, resolution]);
    const variant = doc('variant.md', fixtureText(HA_LAM_RESOLUTION).replace(/(\d+)%/g, (_, n) => `${Number(n) + 1}%`));
    const second = linkReport(report, [report, variant]);
    assert.equal(first.status, 'linked');
    assert.equal(second.status, 'linked');
    assert.deepEqual(stripIds(second), stripIds(first));
  });

  it('many copies carrying the cited number: ambiguous by number, every copy a candidate', () => {
    const resolutions = copies(LONG_DIEN_RESOLUTION, COPIES);
    const outcome = linkReport(fixtureDoc(LONG_DIEN_REPORT), [fixtureDoc(HA_LAM_RESOLUTION), ...resolutions]);
    assert.equal(outcome.status, 'ambiguous');
    if (outcome.status === 'ambiguous') {
      assert.equal(outcome.reason, 'number');
      assert.deepEqual(outcome.candidates, resolutions.map((r) => r.id));
    }
  });

  it('the same documents give the same outcomes however often they are linked', () => {
    const documents = [...copies(HA_LAM_RESOLUTION, 5), ...copies(HA_LAM_REPORT, 5), fixtureDoc(LONG_DIEN_RESOLUTION), fixtureDoc(LONG_DIEN_REPORT)];
    const once = linkDocuments(documents);
    assert.deepEqual(linkDocuments(documents), once);
    assert.deepEqual(linkDocuments([...documents].reverse()).sort(byReport), [...once].sort(byReport).map((o) => (o.status === 'ambiguous' ? { ...o, candidates: [...o.candidates].reverse() } : o)));
  });
});

function byReport(a: LinkOutcome, b: LinkOutcome): number {
  return a.report.localeCompare(b.report);
}

function stripIds(o: LinkOutcome): unknown {
  return o.status === 'linked' ? { ...o, resolution: '' } : o;
}
