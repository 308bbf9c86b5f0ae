// The language server's idle collection (server/src/heap.ts): one collection once the process has
// been idle for the given time, none while activity keeps coming, armed again by the next activity.
// Timings here are generous bounds on a timer, not measurements of speed.

import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { test } from 'node:test';
import { collectGarbage, IdleCollector } from '../../server/src/heap.js';

test('collects once after the idle time, not while activity continues', async () => {
  let collections = 0;
  const idle = new IdleCollector(60, () => collections++);
  for (let i = 0; i < 6; i++) {
    idle.activity();
    await sleep(20);
  }
  assert.equal(collections, 0, 'activity every 20 ms postpones a 60 ms idle collection');
  await sleep(200);
  assert.equal(collections, 1);
  await sleep(200);
  assert.equal(collections, 1, 'once per idle period');
  idle.activity();
  await sleep(200);
  assert.equal(collections, 2, 'the next activity arms it again');
  idle.dispose();
});

test('dispose cancels a pending collection', async () => {
  let collections = 0;
  const idle = new IdleCollector(30, () => collections++);
  idle.activity();
  idle.dispose();
  await sleep(120);
  assert.equal(collections, 0);
});

test('collectGarbage runs a real full collection (without --expose-gc on the command line)', async () => {
  assert.equal(typeof (globalThis as { gc?: unknown }).gc, 'undefined');
  const ref = (() => new WeakRef({ big: new Array(1000).fill(0) }))();
  // A WeakRef's target lives until the end of the job that created (or last dereferenced) it.
  await sleep(0);
  collectGarbage();
  assert.equal(ref.deref(), undefined);
});
