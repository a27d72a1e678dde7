import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RenderFigures } from '../../tests/weapp-sim/support/audit';
import { ensureBuilds } from '../../tests/weapp-sim/support/sim-builds';
import { AUDIT_LIMITS } from '../../tests/weapp-sim/support/wechat-rules';

/**
 * Figure 7: each page's first render in the simulated mini-program runtime (tests/weapp-sim): the weapp build
 * run against the built function bundles over the fake cloud database with the demo district, each page as
 * its persona. The figures come from the suite's own every-page run (jest: the fake database patches the SDK
 * through jest's module registry), which also fails if a page breaks WeChat's audit limits.
 */
export const benchWeappRender = async (root: string): Promise<RenderFigures[]> => {
  await ensureBuilds(root);
  const dir = mkdtempSync(join(tmpdir(), 'weapp-render-'));
  const file = join(dir, 'figures.json');
  try {
    const run = spawnSync(
      process.execPath,
      [join(root, 'node_modules/jest/bin/jest.js'), '--config', join(root, 'tests/weapp-sim/jest.config.js'), '--maxWorkers=1', join(root, 'tests/weapp-sim/every-page.test.ts')],
      { cwd: root, encoding: 'utf8', env: { ...process.env, WEAPP_SIM_FIGURES: file } },
    );
    if (run.status !== 0) throw new Error(`the every-page run failed:\n${run.stdout}\n${run.stderr}`);
    return JSON.parse(readFileSync(file, 'utf8')) as RenderFigures[];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};

const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;

export const printWeappRender = (rows: RenderFigures[]): void => {
  const header = `  ${'page'.padEnd(28)}${'setData calls'.padStart(14)}${'bytes (all)'.padStart(13)}${'largest'.padStart(11)}${'nodes'.padStart(8)}${'depth'.padStart(7)}`;
  console.log(header);
  for (const r of rows) {
    console.log(`  ${r.page.padEnd(28)}${String(r.setDataCalls).padStart(14)}${kb(r.setDataBytes).padStart(13)}${kb(r.largestSetDataBytes).padStart(11)}${String(r.nodes).padStart(8)}${String(r.depth).padStart(7)}`);
  }
  const largest = rows.reduce((m, r) => Math.max(m, r.largestSetDataBytes), 0);
  const nodes = rows.reduce((m, r) => Math.max(m, r.nodes), 0);
  const depth = rows.reduce((m, r) => Math.max(m, r.depth), 0);
  console.log(
    `  worst page: largest setData ${kb(largest)} of ${kb(AUDIT_LIMITS.setDataBytes)} (${((100 * largest) / AUDIT_LIMITS.setDataBytes).toFixed(1)} %), ${nodes} of < ${AUDIT_LIMITS.nodes} nodes, depth ${depth} of < ${AUDIT_LIMITS.depth}`,
  );
};
