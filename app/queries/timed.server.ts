/** Runs a read model and reports its duration as a Server-Timing header ("query;dur=12.3"), which the benchmark reads. */
export async function timed<T>(read: () => Promise<T>): Promise<{ value: T; headers: { "Server-Timing": string } }> {
  const started = performance.now();
  const value = await read();
  return { value, headers: { "Server-Timing": `query;dur=${(performance.now() - started).toFixed(1)}` } };
}
