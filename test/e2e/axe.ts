import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { repo } from './support';

export type AxeViolation = { id: string; impact: string | null; help: string; nodes: Array<{ target: string[]; failureSummary?: string | undefined }> };

/**
 * Runs axe-core in the page (injected from node_modules; @axe-core/playwright
 * needs a newer Node) and returns the serious and critical violations, with
 * where they are, so a failing test says what to fix.
 */
export async function seriousViolations(page: Page, include?: string): Promise<AxeViolation[]> {
  // Page functions run in the browser; this file compiles without the DOM lib, hence globalThis.
  if (!(await page.evaluate(() => 'axe' in globalThis))) {
    // Evaluated through the DevTools protocol: the app's CSP (script-src 'self') rightly refuses an injected <script>.
    await page.evaluate(readFileSync(path.join(repo, 'node_modules/axe-core/axe.min.js'), 'utf8'));
  }
  const violations = await page.evaluate(async (selector) => {
    const page = globalThis as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: AxeViolation[] }> }; document: unknown };
    const result = await page.axe.run(selector ? { include: [selector] } : page.document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => ({ target: n.target, failureSummary: n.failureSummary })) }));
  }, include ?? null);
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}
