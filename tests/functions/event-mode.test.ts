import type { Lead } from '../../domain/lead/lead.schema';
import { COLLECTIONS } from '../../cloudfunctions/_lib/store/collections';
import { createTestBackend, leadInput, OPENID, type TestBackend } from '../support/test-backend';

type Saved = { id: string };
type Sent = { leadId: string; duplicate: boolean; promiseHours: number };

const fair = { name: '2026 长三角投资洽谈会', date: '2026-12-05', place: '云川国际会展中心 A 馆' };

/** An event-mode inquiry: the short form the commissioner fills in with the investor. */
const inquiry = (eventId: string, overrides: Record<string, unknown> = {}) => {
  const { idempotencyKey, contact, need, message, consent } = leadInput();
  return { eventId, idempotencyKey, contact, need, message, consent, ...overrides };
};

describe('events and event mode', () => {
  let b: TestBackend;
  beforeEach(async () => {
    b = await createTestBackend();
  });
  afterEach(() => b.close());

  const leads = () => b.store.find<Lead>(COLLECTIONS.leads.name, { limit: 1000 });

  it('staff create an event in their own district and see it listed, upcoming first; only its creator or an admin edits it', async () => {
    const { id } = await b.ok<Saved>('event.save', fair, OPENID.commissioner);
    await b.ok<Saved>('event.save', { name: '上月推介会', date: '2026-11-02', place: '区政府三楼' }, OPENID.tech);
    const seen = await b.ok<{ items: Array<{ id: string; name: string; mayEdit: boolean }> }>('event.list', {}, OPENID.tech);
    expect(seen.items.map((e) => e.name)).toEqual(['2026 长三角投资洽谈会', '上月推介会']);
    expect(seen.items.map((e) => e.mayEdit)).toEqual([false, true]);

    const other = await b.call('event.save', { id, ...fair, place: '别处' }, OPENID.tech);
    expect(other).toMatchObject({ ok: false, error: { code: 'AUTH.FORBIDDEN' } });
    await b.ok('event.save', { id, ...fair, place: '云川国际会展中心 B 馆' }, OPENID.admin);
    const stored = await b.store.get<{ _id: string; place: string; districtId: string }>(COLLECTIONS.events.name, id);
    expect(stored).toMatchObject({ place: '云川国际会展中心 B 馆', districtId: 'demo-linjiang' });
  });

  it('another district’s admin neither sees nor edits the event', async () => {
    const { id } = await b.ok<Saved>('event.save', fair, OPENID.commissioner);
    expect((await b.ok<{ items: unknown[] }>('event.list', {}, OPENID.wangshanAdmin)).items).toEqual([]);
    expect(await b.call('event.save', { id, ...fair }, OPENID.wangshanAdmin)).toMatchObject({ ok: false, error: { code: 'EVENT.NOT_FOUND' } });
  });

  it('bad event fields are refused with a typed error and nothing is written', async () => {
    for (const bad of [{ ...fair, date: '2026-13-01' }, { ...fair, name: '' }, { ...fair, place: 'x'.repeat(61) }]) {
      expect(await b.call('event.save', bad, OPENID.commissioner)).toMatchObject({ ok: false, error: { code: 'VALIDATION.INVALID_INPUT' } });
    }
    expect(await b.store.count(COLLECTIONS.events.name)).toBe(0);
  });

  it('an inquiry taken at the event is a lead of channel event, credited to the commissioner, who is not notified of it', async () => {
    const { id } = await b.ok<Saved>('event.save', fair, OPENID.commissioner);
    const sent = await b.ok<Sent>('event.submitInquiry', inquiry(id), OPENID.commissioner);
    expect(sent).toMatchObject({ duplicate: false, promiseHours: 8 });
    const [lead] = await leads();
    expect(lead).toMatchObject({
      _id: sent.leadId,
      districtId: 'demo-linjiang',
      source: { channel: 'event', eventId: id },
      credit: { staffId: 'staff-commissioner', unitId: 'unit-invest' },
      handling: { unitId: 'unit-invest', staffId: 'staff-commissioner' },
      submitter: { openid: null },
      contact: { phone: '13900139000' },
    });
    const outbox = await b.store.find<{ _id: string; message: { toOpenid: string } }>(COLLECTIONS.outbox.name, { limit: 10 });
    expect(outbox.map((o) => o.message.toOpenid)).not.toContain(OPENID.commissioner);
    // The commissioner's own 我的咨询 does not list what they took down for someone else.
    expect((await b.ok<{ items: unknown[] }>('lead.mine', {}, OPENID.commissioner)).items).toEqual([]);
  });

  it('the event shows as its own channel in the dashboard’s breakdown', async () => {
    const { id } = await b.ok<Saved>('event.save', fair, OPENID.commissioner);
    await b.ok('event.submitInquiry', inquiry(id), OPENID.commissioner);
    const board = await b.ok<{ figures: { byChannel: Array<{ key: string; label: string; count: number }> } }>('report.dashboard', { scope: 'district', period: { kind: 'month' } }, OPENID.admin);
    expect(board.figures.byChannel).toContainEqual({ key: 'event', label: '活动现场', count: 1 });
  });

  it('a queued inquiry sent again (even many times at once) makes one lead', async () => {
    const { id } = await b.ok<Saved>('event.save', fair, OPENID.commissioner);
    const input = inquiry(id);
    const results = await Promise.all(Array.from({ length: 20 }, () => b.call<Sent>('event.submitInquiry', input, OPENID.commissioner)));
    expect(results.every((r) => r.ok)).toBe(true);
    expect(results.filter((r) => r.ok && !r.data.duplicate)).toHaveLength(1);
    const again = await b.ok<Sent>('event.submitInquiry', input, OPENID.commissioner);
    expect(again.duplicate).toBe(true);
    expect(await b.store.count(COLLECTIONS.leads.name)).toBe(1);
    expect(await b.store.count(COLLECTIONS.leadEvents.name)).toBe(1);
  });

  it('a colleague replaying another commissioner’s key, or an investor reusing an event key, is refused', async () => {
    const { id } = await b.ok<Saved>('event.save', fair, OPENID.commissioner);
    const input = inquiry(id);
    await b.ok('event.submitInquiry', input, OPENID.commissioner);
    expect(await b.call('event.submitInquiry', input, OPENID.tech)).toMatchObject({ ok: false, error: { code: 'LEAD.IDEMPOTENCY_CONFLICT' } });
    const asInvestor = leadInput({ idempotencyKey: input.idempotencyKey, contact: input.contact, need: input.need, message: input.message, source: { channel: 'direct' } });
    expect(await b.call('lead.submit', asInvestor, null)).toMatchObject({ ok: false });
    expect(await b.call('lead.submit', asInvestor, OPENID.investorA)).toMatchObject({ ok: false, error: { code: 'LEAD.IDEMPOTENCY_CONFLICT' } });
    expect(await b.store.count(COLLECTIONS.leads.name)).toBe(1);
  });

  it('refuses a forged event id, another district’s staff, an investor and a missing consent, writing nothing', async () => {
    const { id } = await b.ok<Saved>('event.save', fair, OPENID.commissioner);
    expect(await b.call('event.submitInquiry', inquiry('evt_forged0000000000'), OPENID.commissioner)).toMatchObject({ ok: false, error: { code: 'EVENT.NOT_FOUND' } });
    expect(await b.call('event.submitInquiry', inquiry(id), OPENID.wangshanAdmin)).toMatchObject({ ok: false, error: { code: 'EVENT.NOT_FOUND' } });
    expect(await b.call('event.submitInquiry', inquiry(id), OPENID.investorA)).toMatchObject({ ok: false, error: { code: 'AUTH.FORBIDDEN' } });
    expect(await b.call('event.submitInquiry', inquiry(id), null)).toMatchObject({ ok: false });
    expect(await b.call('event.submitInquiry', inquiry(id, { consent: { agreed: false, noticeVersion: '2026-11' } }), OPENID.commissioner)).toMatchObject({ ok: false, error: { code: 'VALIDATION.INVALID_INPUT' } });
    expect(await b.call('event.submitInquiry', inquiry(id, { consent: { agreed: true, noticeVersion: '2020-01' } }), OPENID.commissioner)).toMatchObject({ ok: false, error: { code: 'LEAD.CONSENT_REQUIRED' } });
    expect(await b.store.count(COLLECTIONS.leads.name)).toBe(0);
  });

  it('an investor cannot pass an inquiry off as an event one through lead.submit', async () => {
    const { id } = await b.ok<Saved>('event.save', fair, OPENID.commissioner);
    expect(await b.call('lead.submit', leadInput({ source: { channel: 'event', eventId: id } }), OPENID.investorA)).toMatchObject({ ok: false, error: { code: 'VALIDATION.INVALID_INPUT' } });
    expect(await b.store.count(COLLECTIONS.leads.name)).toBe(0);
  });

  it('a commissioner at a fair is not held to an investor’s 5-per-10-minutes limit', async () => {
    const { id } = await b.ok<Saved>('event.save', fair, OPENID.commissioner);
    for (let i = 0; i < 8; i += 1) await b.ok('event.submitInquiry', inquiry(id), OPENID.commissioner);
    expect(await b.store.count(COLLECTIONS.leads.name)).toBe(8);
  });
});
