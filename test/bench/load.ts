import autocannon from 'autocannon';

export type LoadResult = {
  requests: number;
  seconds: number;
  rps: number;
  /** Latencies in milliseconds, from every answer (autocannon's own histogram keeps whole milliseconds). */
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  /** Every 2xx latency, sorted, in milliseconds. */
  latencies: Float64Array;
};

/** Where a target's sequence of bodies goes on from, so rounds do not replay the same ones. */
export type Cursor = { next: number };

export function percentile(sorted: Float64Array | number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const at = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[at];
}

/**
 * Posts JSON bodies (taken in turn) to one URL with a fixed number of connections for a fixed time.
 * Bounded by `seconds`; every latency is kept to read p50 and p99 to the microsecond.
 */
export async function loadTest(options: { url: string; bodies: readonly string[]; cursor?: Cursor; connections: number; seconds: number }): Promise<LoadResult> {
  const cursor = options.cursor ?? { next: 0 };
  const latencies: number[] = [];
  const started = performance.now();
  let finish: (r: autocannon.Result) => void = () => {};
  let failed: (e: Error) => void = () => {};
  const done = new Promise<autocannon.Result>((ok, fail) => {
    finish = ok;
    failed = fail;
  });
  const instance = autocannon({
    url: options.url,
    connections: options.connections,
    duration: options.seconds,
    timeout: 10,
    requests: [
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        setupRequest: (req) => ({ ...req, body: options.bodies[cursor.next++ % options.bodies.length] }),
      },
    ],
  }, (err, result) => (err ? failed(err) : finish(result)));
  instance.on('response', (_client: unknown, status: number, _bytes: number, ms: number) => {
    if (status >= 200 && status < 300) latencies.push(ms);
  });
  const result = await done;
  const seconds = (performance.now() - started) / 1000;
  const sorted = Float64Array.from(latencies).sort();
  return {
    requests: result.requests.total,
    seconds,
    rps: latencies.length / seconds,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    latencies: sorted,
  };
}

/** Several rounds of one target as one: requests over time, percentiles over every latency. */
export function pooled(rounds: readonly LoadResult[]): Omit<LoadResult, 'latencies'> {
  const n = rounds.reduce((s, r) => s + r.latencies.length, 0);
  const all = new Float64Array(n);
  let at = 0;
  for (const r of rounds) {
    all.set(r.latencies, at);
    at += r.latencies.length;
  }
  all.sort();
  const seconds = rounds.reduce((s, r) => s + r.seconds, 0);
  return {
    requests: rounds.reduce((s, r) => s + r.requests, 0),
    seconds,
    rps: n / seconds,
    p50: percentile(all, 50),
    p99: percentile(all, 99),
    errors: rounds.reduce((s, r) => s + r.errors, 0),
    non2xx: rounds.reduce((s, r) => s + r.non2xx, 0),
  };
}
