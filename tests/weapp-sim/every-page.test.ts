import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { auditFindings, renderFigures, type RenderFigures } from './support/audit';
import { pageVisits, type PageVisit } from './support/page-visits';
import { undeclaredPrivacyComponents } from './support/render-rules';
import { allPages, appJson, ROOT, startWorld, seedPageData, type SimWorld } from './support/sim-world';

/**
 * Every page of every package of the weapp build, opened cold in the simulated runtime as the persona it is
 * for, answered by the built function bundles: real data on screen, no console error, no failed call, no
 * privacy interface outside the declaration, and a first render WeChat's audits accept.
 * The per-page figures are written for `npm run bench -- --only=render` (tools/bench/weapp-render-bench.ts).
 */
const FIGURES_FILE = process.env.WEAPP_SIM_FIGURES ?? join(ROOT, 'test-output', 'weapp-render.json');

let world: SimWorld;
let visits: Record<string, PageVisit>;
const figures: RenderFigures[] = [];

beforeAll(async () => {
  world = await startWorld();
  visits = pageVisits(await seedPageData(world, 'weapp-sim-every-page-0001'));
}, 120_000);

afterAll(() => {
  world?.uninstall();
  mkdirSync(dirname(FIGURES_FILE), { recursive: true });
  writeFileSync(FIGURES_FILE, `${JSON.stringify(figures, null, 2)}\n`);
});

describe('the weapp build in a simulated mini-program runtime', () => {
  it('knows how to open every page of every package', () => {
    expect(Object.keys(visits).sort()).toEqual(allPages().sort());
    // Privacy interfaces answer only with the check on (base library ≥ 2.32.3 enforces the declaration).
    expect(appJson().__usePrivacyCheck__).toBe(true);
  });

  it.each(allPages())('%s renders real data as its persona, with no console error', async (route) => {
    const visit = visits[route];
    expect(visit).toBeDefined();
    const { app, invocations } = world.phone(visit.openid);
    const page = await app.start(route, visit.query);
    const rendered = page.render();

    for (const text of visit.expectText) expect(rendered.text).toContain(text);
    expect(app.consoleErrors).toEqual([]);
    expect(app.violations).toEqual([]);
    expect(undeclaredPrivacyComponents(rendered.root)).toEqual([]);
    // Every call reached its function as this user, and succeeded.
    expect(invocations.filter((i) => !i.ok)).toEqual([]);
    expect(invocations.every((i) => i.seenOpenid === visit.openid)).toBe(true);
    // The client names its cloud environment (wx.cloud.init documents `env` as required), once.
    const inits = app.calls.filter((c) => c.api === 'cloud.init').map((c) => c.options as { env?: unknown });
    if (invocations.length) expect(inits).toEqual([expect.objectContaining({ env: expect.stringMatching(/\S/) })]);
    expect(world.cloud.serverLog.filter((l) => l.level === 'error' || l.line.includes('"level":"error"'))).toEqual([]);

    const f = renderFigures(route, page.setDataLog, rendered);
    figures.push(f);
    expect(auditFindings(f)).toEqual([]);
  });
});
