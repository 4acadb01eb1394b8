/**
 * Benchmark harness: each `*.bench.ts` file in this folder exports
 * `benchmarks: Benchmark[]`. Results are reported, never asserted: targets
 * are printed beside the measurement so a regression is visible in the table
 * and in the JSON history, not as a flaky test.
 */
export type BenchRow = {
  benchmark: string;
  metric: string;
  value: number;
  unit: string;
  /** Human-readable target, e.g. "≤ 100 ms". */
  target?: string;
  /** Whether the target was met, when it is a simple comparison. */
  met?: boolean;
  notes?: string;
};

export type Benchmark = {
  name: string;
  /** Skipped unless selected by name when true (slow, or needs Chromium / PostgreSQL). */
  optIn?: boolean;
  run(): Promise<BenchRow[]>;
};

export function timeIt<T>(fn: () => T): { ms: number; result: T } {
  const start = performance.now();
  const result = fn();
  return { ms: performance.now() - start, result };
}

export async function timeItAsync<T>(fn: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const start = performance.now();
  const result = await fn();
  return { ms: performance.now() - start, result };
}

export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

/** A skipped measurement (NaN, which comes back from a child process as null) prints as a dash instead of crashing the table. */
export function formatValue(value: number | null): string {
  if (typeof value !== 'number' || !Number.isFinite(value)) return '—';
  return Number.isInteger(value) ? String(value) : value.toFixed(2);
}

export function formatTable(rows: readonly BenchRow[]): string {
  const header = ['benchmark', 'metric', 'value', 'unit', 'target', 'met'];
  const body = rows.map((r) => [
    r.benchmark,
    r.metric,
    formatValue(r.value),
    r.unit,
    r.target ?? '',
    r.met === undefined ? '' : r.met ? 'yes' : 'NO',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ');
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n');
}
