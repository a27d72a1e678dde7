import { pageVisits, type PageVisit } from './support/page-visits';
import { allPages, startWorld, seedPageData, type SimWorld } from './support/sim-world';
import { tapEverything } from './support/tap-sweep';

/**
 * Every page, as its persona, tapped all over (each kind of element up to twice): whatever a user taps, the
 * app raises no console error, breaks no WeChat rule, and only ever opens pages that exist in the build.
 * The user declines every confirmation dialog, so nothing irreversible happens by accident.
 */
let world: SimWorld;
let visits: Record<string, PageVisit>;

beforeAll(async () => {
  world = await startWorld();
  visits = pageVisits(await seedPageData(world, 'weapp-sim-tap-everything-0001'));
}, 120_000);

afterAll(() => world?.uninstall());

/** Pages with nothing tappable in the seeded world; a listed page that offers a tap fails, so the list stays true. */
const NOTHING_TO_TAP = ['admin/audit/index'];

it.each(allPages())('%s survives a tap on everything it shows', async (route) => {
  const visit = visits[route];
  const { app } = world.phone(visit.openid, { modalAnswer: () => ({ confirm: false }) });
  const page = await app.start(route, visit.query);
  const tapped = await tapEverything(app, page, { perKind: 2 });

  // The audit log is read-only: a log that fits one page offers nothing to tap.
  if (NOTHING_TO_TAP.includes(route)) expect(tapped).toBe(0);
  else expect(tapped).toBeGreaterThan(0);
  expect(app.consoleErrors).toEqual([]);
  expect(app.violations).toEqual([]);
  const pages = new Set(allPages());
  expect(app.opened.map((p) => p.route).filter((r) => !pages.has(r))).toEqual([]);
});
