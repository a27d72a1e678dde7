import type { Lead } from '../../domain/lead/lead.schema';
import { COLLECTIONS } from '../../cloudfunctions/_lib/store/collections';
import { createTestBackend, leadInput, OPENID, type TestBackend } from '../support/test-backend';

type Detail = { lead: { id: string; status: string; phoneMasked: string; overdue: boolean }; rev: number; allowedNext: string[]; canAct: boolean; events: Array<{ type: string; text: string | null }> };

describe('staff workspace', () => {
  let b: TestBackend;
  let leadId: string;
  beforeEach(async () => {
    b = await createTestBackend();
    ({ leadId } = await b.ok<{ leadId: string }>('lead.submit', leadInput(), OPENID.investorA));
  });
  afterEach(() => b.close());

  it('the handler sees it in “mine” with counts; the phone is masked', async () => {
    const inbox = await b.ok<{ items: Array<{ id: string; phoneMasked: string }>; counts: Record<string, number> }>('lead.inbox', { tab: 'mine' }, OPENID.head);
    expect(inbox.items.map((i) => i.id)).toEqual([leadId]);
    expect(inbox.items[0].phoneMasked).toBe('139****9000');
    expect(JSON.stringify(inbox)).not.toContain('13900139000');
    expect(inbox.counts).toEqual({ mine: 1, unit: 1, pool: 0, referred: 1, participating: 0 });
  });

  it('revealing the contact is audited', async () => {
    const contact = await b.ok<{ phone: string }>('lead.revealContact', { leadId }, OPENID.head);
    expect(contact.phone).toBe('13900139000');
    const audit = await b.store.find<{ _id: string; staffId: string; leadId: string; action: string }>(COLLECTIONS.audit.name, { limit: 10 });
    expect(audit).toEqual([expect.objectContaining({ staffId: 'staff-head', leadId, action: 'contact_revealed' })]);
  });

  it('replies reach the investor’s 我的咨询, stop the SLA clock and keep the promise', async () => {
    b.clock.advanceHours(2);
    await b.ok('lead.reply', { leadId, text: '您好，我是林致远，明天上午给您电话详谈。' }, OPENID.head);
    const mine = await b.ok<{ items: Array<{ replies: Array<{ staffName: string; text: string }>; promiseKept: boolean; firstRespondedAt: string }> }>('lead.mine', {}, OPENID.investorA);
    expect(mine.items[0].replies).toEqual([expect.objectContaining({ staffName: '林致远', text: '您好，我是林致远，明天上午给您电话详谈。' })]);
    expect(mine.items[0].promiseKept).toBe(true);
    const outbox = await b.store.find<{ _id: string; message: { toOpenid: string; kind: string } }>(COLLECTIONS.outbox.name, { where: { 'message.kind': 'lead_reply' }, limit: 5 });
    expect(outbox.map((o) => o.message.toOpenid)).toEqual([OPENID.investorA]);
  });

  it('moves through the status machine with optimistic concurrency', async () => {
    let d = await b.ok<Detail>('lead.detail', { leadId }, OPENID.head);
    expect(d.allowedNext).toEqual(['contacted', 'invalid']);
    expect(await b.call('lead.transition', { leadId, to: 'signed', rev: d.rev }, OPENID.head)).toMatchObject({ ok: false, error: { code: 'LEAD.INVALID_TRANSITION' } });
    const moved = await b.ok<{ rev: number }>('lead.transition', { leadId, to: 'contacted', rev: d.rev }, OPENID.head);
    expect(await b.call('lead.transition', { leadId, to: 'site_visit', rev: d.rev }, OPENID.head)).toMatchObject({ ok: false, error: { code: 'LEAD.CONCURRENT_UPDATE' } });
    await b.ok('lead.transition', { leadId, to: 'site_visit', rev: moved.rev }, OPENID.head);
    d = await b.ok<Detail>('lead.detail', { leadId }, OPENID.head);
    expect(d.lead.status).toBe('site_visit');
    expect(d.events.map((e) => e.type)).toEqual(['created', 'status_changed', 'status_changed']);
    expect(await b.call('lead.transition', { leadId, to: 'invalid', rev: d.rev }, OPENID.head)).toMatchObject({ ok: false, error: { fields: ['reason'] } });
  });

  it('hands off to another unit: the receiver can act, credit stays, referrer sees the outcome only', async () => {
    const d = await b.ok<Detail>('lead.detail', { leadId }, OPENID.head);
    await b.ok('lead.assign', { leadId, toUnitId: 'unit-tech', toStaffId: 'staff-tech', note: '人工智能方向', rev: d.rev }, OPENID.head);
    const lead = await b.store.get<Lead>(COLLECTIONS.leads.name, leadId);
    expect(lead?.handling).toEqual({ unitId: 'unit-tech', staffId: 'staff-tech' });
    expect(lead?.credit.staffId).toBe('staff-head');
    const techView = await b.ok<Detail>('lead.detail', { leadId }, OPENID.tech);
    expect(techView.canAct).toBe(true);
    const headView = await b.ok<Detail>('lead.detail', { leadId }, OPENID.head);
    expect(headView.canAct).toBe(false);
    expect(await b.call('lead.revealContact', { leadId }, OPENID.head)).toMatchObject({ ok: false, error: { code: 'AUTH.FORBIDDEN' } });
    const outbox = await b.store.find<{ _id: string; message: { toOpenid: string; kind: string } }>(COLLECTIONS.outbox.name, { where: { 'message.kind': 'lead_assigned' }, limit: 5 });
    expect(outbox.map((o) => o.message.toOpenid)).toEqual([OPENID.tech]);
    // The referrer finds it under 我推荐的 and follows the outcome there.
    const referred = await b.ok<{ items: Array<{ id: string; handlerName: string | null }>; counts: Record<string, number> }>('lead.inbox', { tab: 'referred' }, OPENID.head);
    expect(referred.items).toEqual([expect.objectContaining({ id: leadId, handlerName: '王书恒' })]);
    expect(referred.counts).toMatchObject({ mine: 0, referred: 1 });
  });

  type FullDetail = Omit<Detail, 'events' | 'lead'> & {
    view: string;
    message: string | null;
    lead: Detail['lead'] & { contactName: string | null; phoneMasked: string | null; company: string };
    events: Array<{ type: string; actorName: string; text: string | null }>;
  };

  /** The head works the lead (reveal, reply, note, call, 已联系), then hands it to 科技局 · 王书恒 with a note. */
  const workThenHandOn = async () => {
    await b.ok('lead.revealContact', { leadId }, OPENID.head);
    await b.ok('lead.reply', { leadId, text: '您好，我是林致远，已收到您的咨询。' }, OPENID.head);
    await b.ok('lead.note', { leadId, text: '对方预算偏紧，需重点讲人才政策' }, OPENID.head);
    await b.ok('lead.note', { leadId, kind: 'call_logged', text: '电话沟通，约下周见面' }, OPENID.head);
    let d = await b.ok<Detail>('lead.detail', { leadId }, OPENID.head);
    await b.ok('lead.transition', { leadId, to: 'contacted', rev: d.rev }, OPENID.head);
    d = await b.ok<Detail>('lead.detail', { leadId }, OPENID.head);
    await b.ok('lead.assign', { leadId, toUnitId: 'unit-tech', toStaffId: 'staff-tech', note: '老板姓李，周三下午方便', rev: d.rev }, OPENID.head);
    await b.ok('lead.note', { leadId, text: '科技局接手：准备楼宇清单' }, OPENID.tech);
    await b.ok('lead.reply', { leadId, text: '您好，我是科技局王书恒，接手您的咨询。' }, OPENID.tech);
    d = await b.ok<Detail>('lead.detail', { leadId }, OPENID.tech);
    await b.ok('lead.assign', { leadId, toUnitId: 'unit-commerce', toStaffId: 'staff-commerce', note: '外资背景，李总希望周五联系', rev: d.rev }, OPENID.tech);
    d = await b.ok<Detail>('lead.detail', { leadId }, OPENID.commerce);
    await b.ok('lead.transition', { leadId, to: 'invalid', reason: '李总电话停机，无法联系', rev: d.rev }, OPENID.commerce);
  };

  it('a referrer sees the company, the need and the outcome — not the person, the message or the working notes', async () => {
    await workThenHandOn();
    const seen = await b.ok<FullDetail>('lead.detail', { leadId }, OPENID.head);
    expect(seen).toMatchObject({ view: 'referrer', canAct: false, allowedNext: [], message: null });
    expect(seen.lead).toMatchObject({ contactName: null, phoneMasked: null, company: '云帆智能科技有限公司', status: 'invalid', handlerName: '赵一鸣' });
    // The outcome, rebuilt without reasons or hand-off notes; the referrer's own entries as written; nothing else.
    expect(seen.events.map((e) => [e.type, e.actorName, e.text])).toEqual([
      ['created', '投资者', null],
      ['contact_revealed', '林致远', null],
      ['reply', '林致远', '您好，我是林致远，已收到您的咨询。'],
      ['note', '林致远', '对方预算偏紧，需重点讲人才政策'],
      ['call_logged', '林致远', '电话沟通，约下周见面'],
      ['status_changed', '林致远', '新线索 → 已联系'],
      ['assigned', '林致远', '转交给 临江区科学技术局 · 王书恒：老板姓李，周三下午方便'],
      ['assigned', '王书恒', '转交给 临江区商务局 · 赵一鸣'],
      ['status_changed', '赵一鸣', '已联系 → 无效'],
    ]);
    const text = JSON.stringify(seen);
    for (const secret of ['李先生', '139', '计划在长三角', '科技局接手', '接手您的咨询', '外资背景', '周五联系', '电话停机']) expect(text).not.toContain(secret);
    // The same under 我推荐的.
    const referred = await b.ok<{ items: Array<Record<string, unknown>> }>('lead.inbox', { tab: 'referred' }, OPENID.head);
    expect(referred.items).toEqual([expect.objectContaining({ id: leadId, contactName: null, phoneMasked: null, company: '云帆智能科技有限公司' })]);
    expect(JSON.stringify(referred)).not.toContain('李先生');
    // And nothing to act with.
    for (const [action, input] of [
      ['lead.revealContact', { leadId }],
      ['lead.reply', { leadId, text: '再跟进一下' }],
      ['lead.note', { leadId, text: '再跟进一下' }],
      ['lead.transition', { leadId, to: 'contacted', rev: seen.rev }],
      ['lead.assign', { leadId, toUnitId: 'unit-invest', note: '', rev: seen.rev }],
    ] as const) {
      expect(await b.call(action, input, OPENID.head)).toMatchObject({ ok: false, error: { code: 'AUTH.FORBIDDEN' } });
    }
  });

  it('the new handler sees the whole history, the referrer’s reply and the hand-off note included', async () => {
    await workThenHandOn();
    const seen = await b.ok<FullDetail>('lead.detail', { leadId }, OPENID.commerce);
    expect(seen).toMatchObject({ view: 'handler', message: leadInput().message, lead: { contactName: '李先生', phoneMasked: '139****9000' } });
    const texts = seen.events.map((e) => e.text ?? '');
    expect(texts).toEqual(expect.arrayContaining(['您好，我是林致远，已收到您的咨询。', '科技局接手：准备楼宇清单', expect.stringContaining('老板姓李'), expect.stringContaining('外资背景'), expect.stringContaining('电话停机')]));
    expect(seen.events).toHaveLength(11);
  });

  it('a colleague of the handling unit sees the case read-only: no reveal, reply, note, transition or assign on another’s lead', async () => {
    // 周若岚 is in 投资促进局 with the handler 林致远 and is not the unit's leader.
    const seen = await b.ok<FullDetail>('lead.detail', { leadId }, OPENID.commissioner);
    expect(seen).toMatchObject({ view: 'colleague', canAct: false, allowedNext: [], lead: { contactName: '李先生', phoneMasked: '139****9000' } });
    const unit = await b.ok<{ items: Array<{ id: string }> }>('lead.inbox', { tab: 'unit' }, OPENID.commissioner);
    expect(unit.items.map((i) => i.id)).toEqual([leadId]);
    for (const [action, input] of [
      ['lead.revealContact', { leadId }],
      ['lead.reply', { leadId, text: '我来回复' }],
      ['lead.note', { leadId, text: '我来跟进' }],
      ['lead.transition', { leadId, to: 'contacted', rev: seen.rev }],
      ['lead.assign', { leadId, toUnitId: 'unit-invest', toStaffId: 'staff-commissioner', note: '', rev: seen.rev }],
    ] as const) {
      expect(await b.call(action, input, OPENID.commissioner)).toMatchObject({ ok: false, error: { code: 'AUTH.FORBIDDEN' } });
    }
    expect(await b.store.count(COLLECTIONS.audit.name)).toBe(0);
    expect(await b.store.count(COLLECTIONS.leadEvents.name, { leadId })).toBe(1);
    // The unit's leader may act on it (and so reassign it when its handler cannot).
    expect(await b.ok<FullDetail>('lead.detail', { leadId }, OPENID.investLeader)).toMatchObject({ view: 'handler', canAct: true });
    await b.ok('lead.assign', { leadId, toUnitId: 'unit-invest', toStaffId: 'staff-commissioner', note: '', rev: seen.rev }, OPENID.investLeader);
    expect(await b.ok<FullDetail>('lead.detail', { leadId }, OPENID.commissioner)).toMatchObject({ view: 'handler', canAct: true });
  });

  it('other units, investors and anonymous callers cannot read or change the lead', async () => {
    expect(await b.call('lead.detail', { leadId }, OPENID.commerce)).toMatchObject({ ok: false, error: { code: 'LEAD.NOT_FOUND' } });
    expect(await b.call('lead.revealContact', { leadId }, OPENID.park)).toMatchObject({ ok: false, error: { code: 'LEAD.NOT_FOUND' } });
    expect(await b.call('lead.detail', { leadId }, OPENID.investorA)).toMatchObject({ ok: false, error: { code: 'AUTH.FORBIDDEN' } });
    expect(await b.call('lead.inbox', { tab: 'mine' }, null)).toMatchObject({ ok: false, error: { code: 'AUTH.SIGN_IN_REQUIRED' } });
    const inbox = await b.ok<{ counts: Record<string, number> }>('lead.inbox', { tab: 'unit' }, OPENID.commerce);
    expect(inbox.counts).toEqual({ mine: 0, unit: 0, pool: 0, referred: 0, participating: 0 });
  });

  it('a revoked staff member loses access at once', async () => {
    await b.store.update(COLLECTIONS.staff.name, 'staff-head', { set: { status: 'revoked' } });
    expect(await b.call('lead.inbox', { tab: 'mine' }, OPENID.head)).toMatchObject({ ok: false, error: { code: 'AUTH.STAFF_REVOKED' } });
  });

  it('binds an invited staff account to a WeChat identity once', async () => {
    const newcomer = 'demo-openid-newcomer';
    expect(await b.call('staff.bindInvite', { inviteCode: 'WRONG000' }, newcomer)).toMatchObject({ ok: false, error: { code: 'AUTH.INVITE_INVALID' } });
    expect(await b.ok('staff.bindInvite', { inviteCode: 'DEMO2026' }, newcomer)).toEqual({ staffId: 'staff-invited', name: '何以宁' });
    expect(await b.ok('session.whoami', {}, newcomer)).toMatchObject({ kind: 'staff' });
    expect(await b.call('staff.bindInvite', { inviteCode: 'DEMO2026' }, 'demo-openid-other')).toMatchObject({ ok: false, error: { code: 'AUTH.INVITE_INVALID' } });
  });

  it('the inbox pages by key without duplicates', async () => {
    for (let i = 0; i < 4; i += 1) {
      b.clock.advanceHours(0.3);
      await b.ok('lead.submit', leadInput(), OPENID.investorB);
    }
    const ids: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: Array<{ id: string }>; nextCursor: string | null } = await b.ok('lead.inbox', { tab: 'mine', limit: 2, ...(cursor ? { cursor } : {}) }, OPENID.head);
      ids.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(ids).toHaveLength(5);
    expect(new Set(ids).size).toBe(5);
  });
});
