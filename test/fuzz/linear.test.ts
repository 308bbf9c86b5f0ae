// Issue 16, point 3: the inline scanners that replaced backtracking regular expressions (unclosed
// `<!-- vanban-` comments, `[`, `](`, `<sup>` runs) match exactly what the expressions matched, on
// random strings built from the fragments that matter. Seeded (params.ts); more runs: fuzz:long.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { LINK, supAt } from '../../server/src/core/document/plain.js';
import { parseInlineDirectives } from '../../server/src/core/suppress.js';
import { FUZZ_RUNS, FUZZ_SEED } from './params.js';

const params = { seed: FUZZ_SEED, numRuns: FUZZ_RUNS * 4 };

function fragments(parts: string[]): fc.Arbitrary<string> {
  return fc.array(fc.constantFrom(...parts), { maxLength: 40 }).map((p) => p.join(''));
}

test('inline configuration comments are found as /<!--\\s*vanban-([A-Za-z-]*)([\\s\\S]*?)-->/g found them', () => {
  const OLD = /<!--\s*vanban-([A-Za-z-]*)([\s\S]*?)-->/g;
  const text = fragments(['<!--', '<!-- ', 'vanban-', 'disable', 'enable', '-next-line', '-', '--', '->', '-->', '>', ' ', '\n', 'target-year', ',', 'x']);
  fc.assert(
    fc.property(text, (t) => {
      const expected = [...t.matchAll(OLD)].map((m) => ({ start: m.index, end: m.index + m[0].length, name: m[1]! }));
      const { directives, problems } = parseInlineDirectives(t);
      const kinds = new Set(['disable', 'enable', 'disable-next-line', 'disable-file']);
      assert.deepEqual(
        directives.map((d) => ({ start: d.span.start, end: d.span.end, name: d.kind })),
        expected.filter((e) => kinds.has(e.name)),
      );
      assert.equal(problems.length, expected.filter((e) => !kinds.has(e.name)).length);
    }),
    params,
  );
});

test('links match as the expression with two adjacent destination runs did', () => {
  const OLD = /\[([^\]]*)\]\(([^()\s]*(?:\([^()\s]*\))?[^()\s]*)(?:\s+"[^"]*")?\)/y;
  const text = fragments(['[', ']', '(', ')', '](', 'a', 'u', ' ', '"', '\t']);
  fc.assert(
    fc.property(text, (t) => {
      for (let i = 0; i < t.length; i++) {
        OLD.lastIndex = i;
        LINK.lastIndex = i;
        assert.deepEqual(LINK.exec(t)?.slice(0, 3), OLD.exec(t)?.slice(0, 3));
      }
    }),
    params,
  );
});

test('<sup> marks match as /<sup>\\s*([^<]*?)\\s*<\\/sup>/iy did', () => {
  const OLD = /<sup>\s*([^<]*?)\s*<\/sup>/iy;
  const text = fragments(['<sup>', '<SUP>', '</sup>', '</Sup>', '<', ' ', '\u00a0', '(1)', 'a', '\t']);
  fc.assert(
    fc.property(text, (t) => {
      for (let i = 0; i < t.length; i++) {
        OLD.lastIndex = i;
        const old = OLD.exec(t);
        assert.deepEqual(supAt(t, i), old ? [old[0], old[1]] : null);
      }
    }),
    params,
  );
});
