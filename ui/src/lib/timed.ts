/** Runs `work` as a Performance API measure named `name`, so the app benchmark (and the
 * browser's profiler) can split an edit's round trip into its parts. */
export function timed<T>(name: string, work: () => T): T {
  const start = performance.now();
  const done = () => performance.measure(name, { start, end: performance.now() });
  const result = work();
  if (result instanceof Promise) return result.finally(done) as T;
  done();
  return result;
}
