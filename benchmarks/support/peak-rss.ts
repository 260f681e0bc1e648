/**
 * The highest resident set size of this process while `run` runs, sampled every `everyMs`.
 * With the embedded database it includes PGlite's memory (it runs in this process).
 */
export async function withPeakRss<T>(
  run: () => Promise<T>,
  everyMs = 100,
): Promise<{ result: T; peakRss: number }> {
  let peakRss = process.memoryUsage().rss;
  const sample = () => (peakRss = Math.max(peakRss, process.memoryUsage().rss));
  const timer = setInterval(sample, everyMs);
  try {
    const result = await run();
    sample();
    return { result, peakRss };
  } finally {
    clearInterval(timer);
  }
}
