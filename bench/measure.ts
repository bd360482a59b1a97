// Timing helpers shared by the benchmarks. The machine may be shared, so each figure comes as wall and CPU time.

/** CPU time of the process (user + system, all threads, GC helpers included), in ms. */
function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/** The value of one call with its wall and CPU milliseconds. */
export function timed<T>(f: () => T): { value: T; wall: number; cpu: number } {
  const c = cpuMs();
  const t = performance.now();
  const value = f();
  return { value, wall: performance.now() - t, cpu: cpuMs() - c };
}

/** The middle value (the upper one of the two middles for an even count). */
export function median(xs: readonly number[]): number {
  return [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
}
