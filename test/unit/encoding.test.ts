// Reading documents: the native UTF-8 check (Buffer's isUtf8) and our byte loop, which says where a
// file stops being UTF-8, must accept exactly the same inputs.

import assert from 'node:assert/strict';
import { isUtf8 } from 'node:buffer';
import { test } from 'node:test';
import fc from 'fast-check';
import { decodeDocument, firstInvalidUtf8 } from '../../server/src/io/encoding.js';

// Bytes around every boundary of UTF-8: lead bytes, continuation bytes, overlong and surrogate leads.
const interesting = fc.constantFrom(0x00, 0x0a, 0x41, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xc1, 0xc2, 0xdf, 0xe0, 0xed, 0xef, 0xf0, 0xf4, 0xf5, 0xff);
const bytes = fc.array(fc.oneof(interesting, fc.integer({ min: 0, max: 255 })), { maxLength: 12 }).map((b) => Uint8Array.from(b));

test('the byte loop accepts exactly what the native UTF-8 check accepts', () => {
  fc.assert(
    fc.property(bytes, (b) => assert.equal(firstInvalidUtf8(b) === -1, isUtf8(b))),
    { seed: 20240601, numRuns: 20000 },
  );
});

test('an invalid byte is reported at its line, a valid text decodes', () => {
  const bad = decodeDocument(Buffer.from([0x61, 0x0a, 0x62, 0x0a, 0xc3, 0x28]));
  assert.deepEqual(bad, { kind: 'invalid-utf8', byteOffset: 4, line: 3 });
  const good = decodeDocument(Buffer.from('Nghị quyết\n', 'utf8'));
  assert.deepEqual(good, { text: 'Nghị quyết\n', encoding: 'utf8' });
});
