import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { formatTable, type Benchmark, type BenchRow } from './harness';

// Usage: npm run bench [-- name-filter ...]   (BENCH_JSON=path to choose the JSON file)
//
// Each benchmark runs in its own Node process: run one after another in one
// process, a benchmark inherited the heap and the JIT state the previous ones
// left (the clocks benchmark measured ~40% slower after the 100k pulls).
const here = path.dirname(fileURLToPath(import.meta.url));
const CHILD_FLAG = '--one-benchmark';

async function loadBenchmarks(): Promise<Benchmark[]> {
  const files = readdirSync(here)
    .filter((f) => f.endsWith('.bench.ts'))
    .sort();
  const all: Benchmark[] = [];
  for (const file of files) {
    const mod = (await import(pathToFileURL(path.join(here, file)).href)) as { benchmarks: Benchmark[] };
    all.push(...mod.benchmarks);
  }
  return all;
}

/** Child: runs the one named benchmark and writes its rows to `out`. */
async function runOne(name: string, out: string): Promise<void> {
  const benchmark = (await loadBenchmarks()).find((b) => b.name === name);
  if (!benchmark) throw new Error(`no benchmark named ${name}`);
  let rows: BenchRow[];
  try {
    rows = await benchmark.run();
  } catch (error) {
    rows = [{ benchmark: name, metric: 'error', value: NaN, unit: '', notes: String(error) }];
    process.exitCode = 1;
  }
  writeFileSync(out, JSON.stringify(rows));
}

function runInChild(name: string, dir: string): Promise<BenchRow[]> {
  const out = path.join(dir, `${name}.json`);
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), CHILD_FLAG, name, out], { stdio: 'inherit' });
    child.on('exit', (code) => {
      try {
        resolve(JSON.parse(readFileSync(out, 'utf8')) as BenchRow[]);
      } catch {
        resolve([{ benchmark: name, metric: 'error', value: NaN, unit: '', notes: `benchmark process exited with ${code} before writing results` }]);
      }
    });
  });
}

async function main(): Promise<void> {
  const filters = process.argv.slice(2);
  const selected = (await loadBenchmarks()).filter((b) => (filters.length ? filters.some((f) => b.name.includes(f)) : !b.optIn));
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tierdesk-bench-rows-'));
  const rows: BenchRow[] = [];
  try {
    for (const b of selected) {
      process.stderr.write(`bench: ${b.name} …\n`);
      const result = await runInChild(b.name, dir);
      if (result.some((r) => r.metric === 'error')) process.exitCode = 1;
      rows.push(...result);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  console.log(formatTable(rows));
  const out = process.env.BENCH_JSON ?? path.join(here, '../../bench-results/latest.json');
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(
    out,
    JSON.stringify({ at: new Date().toISOString(), machine: { cpus: os.cpus().length, node: process.version }, rows }, null, 2),
  );
  console.log(`\nwrote ${out}`);
}

if (process.argv[2] === CHILD_FLAG) await runOne(process.argv[3]!, process.argv[4]!);
else await main();
