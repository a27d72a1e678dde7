import { createCostHarness, type CostHarness } from '../support/cloud-cost';

/**
 * 活动 and event mode through wx-server-sdk over the strict fake: the events collection exists and every query is
 * served by a declared index, as on WeChat Cloud (SQLite answers any query; the simulated mini-program found the
 * list's first sort was one no index serves).
 */
const COMMISSIONER = 'demo-openid-commissioner';

describe('events on WeChat Cloud (strict fake)', () => {
  let h: CostHarness;
  beforeAll(async () => {
    h = await createCostHarness();
  });
  afterAll(() => h.close());

  it('creates, lists and takes an inquiry at an event, every query served by a declared index', async () => {
    const saved = await h.measure('event.save', { name: '长三角投资洽谈会', date: '2026-12-05', place: '云川国际会展中心' }, COMMISSIONER);
    expect(saved.result.ok).toBe(true);
    const eventId = saved.result.ok ? (saved.result.data as { id: string }).id : '';
    await h.measure('event.save', { name: '上月推介会', date: '2026-11-02', place: '区政府' }, COMMISSIONER);
    const listed = await h.measure('event.list', {}, COMMISSIONER);
    expect(listed.result.ok && (listed.result.data as { items: Array<{ name: string }> }).items.map((e) => e.name)).toEqual(['长三角投资洽谈会', '上月推介会']);
    const sent = await h.measure(
      'event.submitInquiry',
      {
        eventId,
        idempotencyKey: 'events-on-cloud-key-0001',
        contact: { name: '李先生', company: '云帆新能源', phone: '13900139000' },
        need: { industry: '新能源', scale: 'undecided' },
        message: '',
        consent: { agreed: true, noticeVersion: '2026-11' },
      },
      COMMISSIONER,
    );
    expect(sent.result).toMatchObject({ ok: true, data: { duplicate: false } });
    expect(h.backend.unindexedQueries).toEqual([]);
  });
});
