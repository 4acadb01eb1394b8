import { execFileSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gateFindings, parseJustificationFile, type Finding } from './electronegativity-gate';

/**
 * `npm run scan:electron` (run by .ci/run): builds the desktop bundles and
 * scans what ships — main, preload and the renderer's index.html with its
 * CSP — with electronegativity, then applies the justification gate.
 *
 * Why the built JavaScript and not electron/*.ts: the scanner's parsers
 * (TypeScript 4.2, Babel) predate syntax this code uses (`satisfies`), and
 * the bundle is what Electron runs. The Electron-releases check is skipped:
 * it needs github.com, and Electron updates are Dependabot's job, not a
 * static scan's.
 */
const root = path.resolve(import.meta.dirname, '../..');
const require = createRequire(import.meta.url);

type Issue = {
  id: string;
  severity: { name: string };
  confidence: { name: string };
  file: string;
  location: { line: number };
  sample?: string;
};
type Scanner = (options: Record<string, unknown>) => Promise<{ issues: Issue[]; errors: Array<{ file: string; message: string }> }>;

async function main(): Promise<number> {
  const work = await mkdtemp(path.join(tmpdir(), 'tierdesk-scan-'));
  try {
    const built = path.join(work, 'built');
    execFileSync(path.join(root, 'node_modules/.bin/electron-vite'), ['build', '--outDir', built], { cwd: root, stdio: 'inherit' });
    const input = path.join(work, 'app');
    await mkdir(path.join(input, 'renderer'), { recursive: true });
    await cp(path.join(built, 'main'), path.join(input, 'main'), { recursive: true });
    await cp(path.join(built, 'preload'), path.join(input, 'preload'), { recursive: true });
    await cp(path.join(built, 'renderer/index.html'), path.join(input, 'renderer/index.html'));
    // package.json tells the scanner which Electron version the checks apply to.
    await cp(path.join(root, 'package.json'), path.join(input, 'package.json'));

    const scan = require('@doyensec/electronegativity') as Scanner;
    const result = await scan({
      input,
      isSarif: false,
      customScan: [],
      excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],
      isRelative: true,
      isVerbose: false,
      parserPlugins: [],
    });
    const findings: Finding[] = result.issues.map((i) => ({
      check: i.id,
      severity: i.severity.name,
      confidence: i.confidence.name,
      file: i.file.split(path.sep).join('/'),
      line: i.location.line,
      sample: i.sample ?? '',
    }));
    const file = parseJustificationFile(JSON.parse(await readFile(path.join(root, 'build/electronegativity-justifications.json'), 'utf8')));
    const gate = gateFindings(findings, file.justifications);

    console.log(`electronegativity: ${findings.length} findings, ${gate.gated.length} HIGH/MEDIUM, ${gate.gated.length - gate.unjustified.length} justified`);
    for (const f of findings) console.log(`  ${f.severity.padEnd(13)} ${f.check.padEnd(30)} ${f.file}:${f.line}  ${f.sample.trim().slice(0, 90)}`);
    for (const e of result.errors) console.error(`could not parse ${e.file}: ${e.message}`);
    for (const f of gate.unjustified) console.error(`UNJUSTIFIED ${f.severity} ${f.check} at ${f.file}:${f.line}: ${f.sample.trim().slice(0, 120)}`);
    for (const j of gate.unused) console.error(`STALE justification (matches no finding): ${j.check} ${j.file} "${j.sample}"`);
    // A file the scanner could not parse was not scanned: that fails too.
    return gate.unjustified.length || gate.unused.length || result.errors.length ? 1 : 0;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

process.exitCode = await main();
