// The language server's frame reader (issue 16, point 12): whatever the chunking, valid frames are
// delivered in order, and a frame with a wrong Content-Length costs at most that frame.
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { test } from 'node:test';
import fc from 'fast-check';
import { FramedReader } from '../../server/src/lsp/transport.js';
import { FUZZ_RUNS, FUZZ_SEED } from '../fuzz/params.js';

type Frame = { body: Buffer; length: number };

function frame(message: unknown, delta = 0): Frame {
  const body = Buffer.from(JSON.stringify(message), 'utf8');
  return { body, length: body.length + delta };
}

function read(frames: Frame[], cuts: number[]): unknown[] {
  const bytes = Buffer.concat(frames.flatMap((f) => [Buffer.from(`Content-Length: ${f.length}\r\n\r\n`), f.body]));
  const stream = new PassThrough();
  const got: unknown[] = [];
  new FramedReader(stream, () => undefined).listen((m) => got.push(m));
  let at = 0;
  for (const cut of [...cuts.map((c) => Math.floor(c * bytes.length)), bytes.length].sort((a, b) => a - b)) {
    if (cut > at) stream.emit('data', bytes.subarray(at, cut));
    at = Math.max(at, cut);
  }
  return got;
}

/** As JSON.parse gives them back (fast-check builds some objects without a prototype). */
const plain = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

const messages = fc.array(
  fc.record({ jsonrpc: fc.constant('2.0'), id: fc.nat(), method: fc.constantFrom('a', 'textDocument/hover'), params: fc.record({ text: fc.string({ unit: 'grapheme' }) }) }),
  { minLength: 1, maxLength: 6 },
);
const cuts = fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 12 });

test('valid frames are delivered in order however the bytes are split', () => {
  fc.assert(
    fc.property(messages, cuts, (ms, cs) => assert.deepEqual(read(ms.map((m) => frame(m)), cs), plain(ms))),
    { seed: FUZZ_SEED, numRuns: FUZZ_RUNS * 2 },
  );
});

test('too short a Content-Length loses that frame only', () => {
  fc.assert(
    fc.property(messages, messages, cuts, fc.integer({ min: 1, max: 8 }), (before, after, cs, short) => {
      const bad = frame({ jsonrpc: '2.0', id: -1, method: 'bad', params: {} }, -short);
      assert.deepEqual(read([...before.map((m) => frame(m)), bad, ...after.map((m) => frame(m))], cs), plain([...before, ...after]));
    }),
    { seed: FUZZ_SEED, numRuns: FUZZ_RUNS * 2 },
  );
});

test('too long a Content-Length is recovered at the next header', () => {
  fc.assert(
    fc.property(messages, messages, cuts, fc.integer({ min: 1, max: 100_000 }), (before, after, cs, extra) => {
      const long = { jsonrpc: '2.0', id: -1, method: 'long', params: {} };
      const got = read([...before.map((m) => frame(m)), frame(long, extra), ...after.map((m) => frame(m))], cs);
      assert.deepEqual(got, plain([...before, long, ...after]));
    }),
    { seed: FUZZ_SEED, numRuns: FUZZ_RUNS * 2 },
  );
});
