import axe from 'axe-core';
import type { Page } from 'playwright-core';

export type AxeFinding = { id: string; impact: string | null; help: string; targets: string[] };

/** Runs axe-core in the page and returns the serious and critical violations. */
export async function findSeriousA11yViolations(page: Page): Promise<AxeFinding[]> {
  // Evaluated through the DevTools protocol rather than as an inline <script>: the app's CSP
  // (rightly) refuses inline scripts, and the test must not weaken it.
  await page.evaluate(axe.source);
  const violations = await page.evaluate(async () => {
    const runner = (globalThis as unknown as { axe: { run: () => Promise<{ violations: unknown[] }> } }).axe;
    const result = await runner.run();
    return result.violations as {
      id: string;
      impact?: string | null;
      help: string;
      nodes: { target: unknown[] }[];
    }[];
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      id: v.id,
      impact: v.impact ?? null,
      help: v.help,
      targets: v.nodes.map((n) => n.target.map(String).join(' ')),
    }));
}
