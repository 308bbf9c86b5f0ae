// The median time of `fn` over `runs` runs, after up to three warm-up runs: shared by the in-process
// benchmarks.
export function median(runs, fn) {
  const warm = Math.min(3, runs);
  for (let i = 0; i < warm; i++) fn();
  const times = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    fn();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}
