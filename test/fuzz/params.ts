// Fuzzing parameters shared by the property tests and the long run: seeded, so a failure
// reproduces (VANBAN_FUZZ_SEED), with a fixed number of cases in CI (VANBAN_FUZZ_RUNS).
export const FUZZ_SEED = Number(process.env.VANBAN_FUZZ_SEED ?? 20240601);
export const FUZZ_RUNS = Number(process.env.VANBAN_FUZZ_RUNS ?? 150);
