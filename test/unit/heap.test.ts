// The language server's idle collection (server/src/heap.ts): one collection once the process has
// been idle for the given time, none while activity keeps coming, armed again by the next activity.
// Timings here are generous bounds on a timer, not measurements of speed.

import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { test } from 'node:test';
import { collectGarbage, IdleCollector } from '../../server/src/heap.js';

test('after the idle time: a young-generation collection, then a full one; none while activity continues', async () => {
  const collections: string[] = [];
  const idle = new IdleCollector({ idleMs: 60, settleMs: 60 }, (kind) => collections.push(kind));
  for (let i = 0; i < 6; i++) {
    idle.activity();
    await sleep(20);
  }
  assert.deepEqual(collections, [], 'activity every 20 ms postpones a 60 ms idle collection');
  await sleep(300);
  assert.deepEqual(collections, ['minor', 'major']);
  await sleep(200);
  assert.deepEqual(collections, ['minor', 'major'], 'once per idle period');
  idle.activity();
  await sleep(300);
  assert.deepEqual(collections, ['minor', 'major', 'minor', 'major'], 'the next activity arms it again');
  idle.dispose();
});

test('activity between the two collections cancels the full one', async () => {
  const collections: string[] = [];
  const idle = new IdleCollector({ idleMs: 100, settleMs: 300 }, (kind) => collections.push(kind));
  idle.activity();
  await sleep(150);
  assert.deepEqual(collections, ['minor']);
  // The full collection was due at 400 ms; this activity moves the next pair to 250 and 550 ms.
  idle.activity();
  await sleep(330);
  assert.deepEqual(collections, ['minor', 'minor'], 'the full collection due at 400 ms was cancelled');
  await sleep(200);
  assert.deepEqual(collections, ['minor', 'minor', 'major']);
  idle.dispose();
});

test('dispose cancels a pending collection', async () => {
  const collections: string[] = [];
  const idle = new IdleCollector({ idleMs: 30, settleMs: 30 }, (kind) => collections.push(kind));
  idle.activity();
  idle.dispose();
  await sleep(120);
  assert.deepEqual(collections, []);
});

test('collectGarbage runs a real full collection (without --expose-gc on the command line)', async () => {
  assert.equal(typeof (globalThis as { gc?: unknown }).gc, 'undefined');
  const ref = (() => new WeakRef({ big: new Array(1000).fill(0) }))();
  // A WeakRef's target lives until the end of the job that created (or last dereferenced) it.
  await sleep(0);
  collectGarbage();
  assert.equal(ref.deref(), undefined);
});
