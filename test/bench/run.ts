import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { formatTable, type Benchmark, type BenchRow } from './harness';

// Usage: npm run bench [-- name-filter ...]   (BENCH_JSON=path to choose the JSON file)
const here = path.dirname(fileURLToPath(import.meta.url));
const filters = process.argv.slice(2);

const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .sort();
const selected: Benchmark[] = [];
for (const file of files) {
  const mod = (await import(pathToFileURL(path.join(here, file)).href)) as { benchmarks: Benchmark[] };
  for (const b of mod.benchmarks) {
    const named = filters.some((f) => b.name.includes(f));
    if (filters.length ? named : !b.optIn) selected.push(b);
  }
}

const rows: BenchRow[] = [];
for (const b of selected) {
  process.stderr.write(`bench: ${b.name} …\n`);
  try {
    rows.push(...(await b.run()));
  } catch (error) {
    rows.push({ benchmark: b.name, metric: 'error', value: NaN, unit: '', notes: String(error) });
    process.exitCode = 1;
  }
}

console.log(formatTable(rows));
const out = process.env.BENCH_JSON ?? path.join(here, '../../bench-results/latest.json');
mkdirSync(path.dirname(out), { recursive: true });
writeFileSync(
  out,
  JSON.stringify(
    { at: new Date().toISOString(), machine: { cpus: os.cpus().length, node: process.version }, rows },
    null,
    2,
  ),
);
console.log(`\nwrote ${out}`);
