// The line scanner (core/document/blocks.ts) against micromark on documents made of nothing but
// block structure: list markers of every kind at every indentation (spaces and tabs), lazy lines,
// empty items, setext underlines, thematic breaks, ATX headings, indented code with blank and
// whitespace-only lines, the seven kinds of HTML block opened and closed on the same or a later
// line. The fragments are the seeds' own shapes made dense; core.test.ts covers whole documents.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { FUZZ_RUNS, FUZZ_SEED } from './params.js';
import { blockSummary } from './markdown-summary.js';

const indent = fc.oneof(
  { weight: 4, arbitrary: fc.constant('') },
  { weight: 4, arbitrary: fc.integer({ min: 1, max: 7 }).map((n) => ' '.repeat(n)) },
  { weight: 2, arbitrary: fc.constantFrom('\t', '\t\t', ' \t', '  \t', '   \t ', '\t  ') },
);

const marker = fc.constantFrom('- ', '-', '* ', '+ ', '-   ', '-     ', '-\t', '1. ', '1.', '2. ', '1) ', '3) ', '10. ', '01. ', '123456789. ', '1234567890. ', '- - ', '1. - ', '-\t\t', '*\t');

const text = fc.constantFrom('Chuyển đổi số', 'tỷ lệ 80%', 'a', 'b c', '2.1. Mục tiêu', 'IV- TỔ CHỨC', '**Về kinh tế số**', '[^1]: chú thích', 'x | y');

const leaf = fc.oneof(
  { weight: 6, arbitrary: text },
  { weight: 1, arbitrary: fc.constantFrom('# H', '###### H', '####### no', '#no', '#', '## H ##') },
  { weight: 2, arbitrary: fc.constantFrom('---', '===', '--', '= =', '- - -', '***', '* * *', '___', '_ _ _', '--- x', '==  ') },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      '<div>', '</div>', '<div/>', '<div/', '<DIV class="x">', '<p>', '<table><tr><td>1</td></tr></table>',
      '<b>', '</b>', '<b>text</b>', '<sup>(2)</sup>', '<span a=1 b=\'2\' c="3">', '<a href=x=y>', '<x-y z:w.v="q"/>', '<a b c>', '<a "b">',
      '<!-- c -->', '<!--', '-->', '<!-->', '<!--->', '<?php', '?>', '<?>', '<!DOCTYPE html>', '<!X', '>', '<![CDATA[', ']]>', ']]]>',
      '<script>', '</script>', '<pre>x</pre>', '<style', '</STYLE>', '<textarea>', '<pre/>',
    ),
  },
  { weight: 1, arbitrary: fc.constantFrom('[a]: /u', '[a]: /u "t"', '[a]:') },
  { weight: 1, arbitrary: fc.constantFrom('| a | b |', '|---|---|', '| 1 | 2 |') },
);

const line = fc.oneof(
  { weight: 5, arbitrary: fc.tuple(indent, leaf).map(([i, l]) => i + l) },
  { weight: 4, arbitrary: fc.tuple(indent, marker, fc.option(leaf, { nil: '' })).map(([i, m, l]) => i + m + l) },
  { weight: 2, arbitrary: fc.constantFrom('', '', '  ', '    ', '\t', '      ') },
);

const structured = fc
  .tuple(fc.array(line, { minLength: 1, maxLength: 24 }), fc.constantFrom('\n', '\r\n', '\r'), fc.boolean())
  .map(([lines, eol, bom]) => (bom ? '\ufeff' : '') + lines.join(eol));

test('the line scanner reads block structure exactly as micromark does', () => {
  let scanned = 0;
  let total = 0;
  fc.assert(
    fc.property(structured, (doc) => {
      const { fast, reference, parser } = blockSummary(doc);
      total++;
      if (parser === 'lines') scanned++;
      assert.deepEqual(fast, reference);
    }),
    { seed: FUZZ_SEED, numRuns: FUZZ_RUNS * 4 },
  );
  // The comparison means something only if most documents were read by the scanner, not micromark.
  assert.ok(scanned >= total * 0.6, `the scanner read ${scanned} of ${total} documents`);
});

test('documents the scanner does not model are handed to micromark', () => {
  for (const doc of ['> quote\n- a', 'a\n```\ncode\n```', '[a]: /u\n===', '- a\n  > b']) {
    const { fast, reference, parser } = blockSummary(doc);
    assert.equal(parser, 'micromark', JSON.stringify(doc));
    assert.deepEqual(fast, reference);
  }
});
