// The long fuzz run: the property tests of test/fuzz with many more cases and a fresh seed each
// time (printed, so a failure reproduces with VANBAN_FUZZ_SEED=… npm test -- fuzz); then the
// one-megabyte pathological inputs (long-lines.test.ts), each under a hang watchdog.
//
//   npm run fuzz:long                    10,000 cases per property, random seed
//   VANBAN_FUZZ_RUNS=50000 VANBAN_FUZZ_SEED=42 node scripts/fuzz-long.mjs
import { spawnSync } from 'node:child_process';

const seed = process.env.VANBAN_FUZZ_SEED ?? String(Math.floor(Math.random() * 2 ** 31));
const runs = process.env.VANBAN_FUZZ_RUNS ?? '10000';
console.log(`fuzz:long: seed ${seed}, ${runs} runs per property`);
const result = spawnSync(process.execPath, ['--test', '--test-concurrency=1', 'out/test/fuzz/core.test.js', 'out/test/fuzz/blocks.test.js', 'out/test/fuzz/linear.test.js', 'out/test/fuzz/long-lines.test.js'], {
  stdio: 'inherit',
  env: { ...process.env, VANBAN_FUZZ_SEED: seed, VANBAN_FUZZ_RUNS: runs },
});
if (result.status !== 0) console.log(`fuzz:long: failed with seed ${seed}; reproduce with VANBAN_FUZZ_SEED=${seed} VANBAN_FUZZ_RUNS=${runs} node scripts/fuzz-long.mjs`);
process.exit(result.status ?? 1);
