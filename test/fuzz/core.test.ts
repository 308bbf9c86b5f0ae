// Properties of the core on random seed-like documents (test/fuzz/documents.ts): the analysis never
// throws and no rule fails, every finding lies inside the document, applying every fix changes the
// text only inside the fixes' ranges, and the line-based pipe tables equal micromark's. Seeded, so
// a failure reproduces: fast-check prints the seed and the shrunk counterexample. More runs:
// `npm run fuzz:long`.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { analyze, applyFixes } from '../../server/src/core/engine.js';
import type { Fix } from '../../server/src/core/types.js';
import { documentArbitrary } from './documents.js';
import { blockSummary } from './markdown-summary.js';
import { FUZZ_RUNS, FUZZ_SEED } from './params.js';

const params = { seed: FUZZ_SEED, numRuns: FUZZ_RUNS };

export function checkAnalysis(text: string): void {
  const analysis = analyze(text);
  assert.deepEqual(analysis.failures, [], 'no rule fails');
  for (const f of analysis.findings) {
    assert.ok(f.span.start >= 0 && f.span.start <= f.span.end && f.span.end <= text.length, `${f.ruleId} span ${f.span.start}-${f.span.end} in ${text.length}`);
    if (f.fix) assert.ok(f.fix.span.start >= 0 && f.fix.span.start <= f.fix.span.end && f.fix.span.end <= text.length, `${f.ruleId} fix span`);
    for (const r of f.related ?? []) {
      if (r.documentId === undefined) assert.ok(r.span.start >= 0 && r.span.start <= r.span.end && r.span.end <= text.length, `${f.ruleId} related span`);
    }
  }
  const fixes = analysis.findings.flatMap((f) => (f.fix ? [f.fix] : []));
  const { text: fixed, applied } = applyFixes(text, fixes);
  assertOnlyInside(text, fixed, applied);
  // The fixed text is a document like any other.
  assert.deepEqual(analyze(fixed).failures, []);
}

/** Outside the applied fixes' ranges, the fixed text is the original, piece for piece. */
function assertOnlyInside(original: string, fixed: string, applied: Fix[]): void {
  const sorted = [...applied].sort((a, b) => a.span.start - b.span.start);
  let inOriginal = 0;
  let inFixed = 0;
  for (const fix of sorted) {
    assert.ok(fix.span.start >= inOriginal, 'applied fixes do not overlap');
    const kept = original.slice(inOriginal, fix.span.start);
    assert.equal(fixed.slice(inFixed, inFixed + kept.length), kept, 'text before a fix is unchanged');
    inFixed += kept.length;
    assert.equal(fixed.slice(inFixed, inFixed + fix.text.length), fix.text, 'the fix text is in place');
    inFixed += fix.text.length;
    inOriginal = fix.span.end;
  }
  assert.equal(fixed.slice(inFixed), original.slice(inOriginal), 'text after the last fix is unchanged');
}

test('the analysis of a random document never throws, fails no rule, and keeps findings and fixes inside the document', () => {
  fc.assert(fc.property(documentArbitrary, (text) => checkAnalysis(text)), params);
});

test('pipe tables recognised from lines equal the GFM table extension on random documents', () => {
  fc.assert(
    fc.property(documentArbitrary, (text) => {
      const { fast, reference } = blockSummary(text);
      assert.deepEqual(fast, reference);
    }),
    { ...params, numRuns: FUZZ_RUNS * 2 },
  );
});

test('arbitrary strings (any characters, any length) are analysed without a failure', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => checkAnalysis(text)),
    params,
  );
});
