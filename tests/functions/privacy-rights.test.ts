import type { Lead } from '../../domain/lead/lead.schema';
import type { LeadEvent } from '../../domain/lead/lead-event.schema';
import { ANONYMISED_NAME, ERASED_TEXT, NEVER_DUE } from '../../domain/privacy/anonymisation.rules';
import type { PrivacyRequest } from '../../domain/privacy/privacy-request.schema';
import { leadContribution, sumContributions } from '../../domain/report/lead-rollup.rules';
import { rollupId, type RollupDoc } from '../../cloudfunctions/_lib/repositories/rollup.repository';
import { COLLECTIONS } from '../../cloudfunctions/_lib/store/collections';
import { runSlaTick } from '../../cloudfunctions/sla-timer/run-sla-tick';
import type { OutgoingMessage } from '../../cloudfunctions/_lib/deps';
import { createTestBackend, leadInput, OPENID, type TestBackend } from '../support/test-backend';

const getLead = async (b: TestBackend, id: string) => (await b.store.get<Lead>(COLLECTIONS.leads.name, id)) as Lead;
const requests = (b: TestBackend) => b.store.find<PrivacyRequest>(COLLECTIONS.privacyRequests.name, { orderBy: [{ field: '_id', direction: 'asc' }], limit: 100 });
const eventsOf = (b: TestBackend, leadId: string) =>
  b.store.find<LeadEvent>(COLLECTIONS.leadEvents.name, { where: { leadId }, orderBy: [{ field: 'at', direction: 'asc' }, { field: '_id', direction: 'asc' }], limit: 200 });
const auditActions = async (b: TestBackend) =>
  (await b.store.find<{ _id: string; action: string }>(COLLECTIONS.audit.name, { where: { districtId: 'demo-linjiang' }, orderBy: [{ field: 'at', direction: 'asc' }, { field: '_id', direction: 'asc' }], limit: 200 })).map((e) => e.action);

/** Every roll-up row with its non-zero counters: what the dashboards read. */
const storedRows = async (b: TestBackend) => {
  const docs = await b.store.find<RollupDoc>(COLLECTIONS.rollups.name, { orderBy: [{ field: '_id', direction: 'asc' }], limit: 1000 });
  return Object.fromEntries(docs.map((d) => [d._id, Object.fromEntries(Object.entries(d.c).filter(([, n]) => n !== 0))]).filter(([, c]) => Object.keys(c as object).length > 0));
};
/** The same figures counted from scratch from every lead as it is now. */
const recount = async (b: TestBackend) => {
  const leads = await b.store.find<Lead>(COLLECTIONS.leads.name, { orderBy: [{ field: '_id', direction: 'asc' }], limit: 1000 });
  return Object.fromEntries([...sumContributions(leads.flatMap(leadContribution)).values()].map((row) => [rollupId(row.key), row.counters]));
};

describe('personal data rights (PIPL)', () => {
  let b: TestBackend;
  beforeEach(async () => {
    b = await createTestBackend();
    b.deps.intakeLimits = { perInvestorPer10Min: 1000, perInvestorPerDay: 1000, perDistrictPerMinute: 1000 };
  });
  afterEach(() => b.close());

  it('withdrawing consent stops contact at once: no reveal, no reply, no reminders; asked twice it is one request', async () => {
    const { leadId } = await b.ok<{ leadId: string }>('lead.submit', leadInput(), OPENID.investorA);
    const first = await b.ok<{ requests: Array<{ id: string; status: string; dueAt: string }>; created: boolean }>('privacy.request', { kind: 'withdraw_consent', leadId }, OPENID.investorA);
    expect(first.created).toBe(true);
    expect(first.requests).toHaveLength(1);
    // The district's stated period: 15 days by default.
    expect(first.requests[0]).toMatchObject({ status: 'pending', dueAt: '2026-12-15T02:00:00.000Z' });
    const again = await b.ok<{ requests: Array<{ id: string }>; created: boolean }>('privacy.request', { kind: 'withdraw_consent', leadId }, OPENID.investorA);
    expect(again).toMatchObject({ created: false, requests: [{ id: first.requests[0].id }] });
    expect(await requests(b)).toHaveLength(1);

    const mine = await b.ok<{ items: Array<{ id: string; consentWithdrawn: boolean }> }>('lead.mine', {}, OPENID.investorA);
    expect(mine.items.find((l) => l.id === leadId)?.consentWithdrawn).toBe(true);
    const detail = await b.ok<{ lead: { privacyState?: string } }>('lead.detail', { leadId }, OPENID.head);
    expect(detail.lead.privacyState).toBe('consent_withdrawn');
    const reveal = await b.call('lead.revealContact', { leadId }, OPENID.head);
    expect(reveal).toMatchObject({ ok: false, error: { code: 'PRIVACY.CONSENT_WITHDRAWN' } });
    const reply = await b.call('lead.reply', { leadId, text: '您好' }, OPENID.head);
    expect(reply).toMatchObject({ ok: false, error: { code: 'PRIVACY.CONSENT_WITHDRAWN' } });

    // Well past 3× the promise: the ladder never reminds anyone to contact this investor.
    b.clock.advanceHours(24 * 7);
    const report = await runSlaTick(b.deps);
    expect(report).toMatchObject({ reminded: 0, leaderCopied: 0, reassigned: 0 });
    expect((await getLead(b, leadId)).sla).toMatchObject({ escalation: 0, nextEscalationAt: NEVER_DUE });
    expect((await eventsOf(b, leadId)).map((e) => e.type)).toEqual(['created']);
    expect(await auditActions(b)).toContain('privacy.consent_withdrawn');
  });

  it('an investor cannot ask about someone else’s inquiry, and a caller without identity not at all', async () => {
    const { leadId } = await b.ok<{ leadId: string }>('lead.submit', leadInput(), OPENID.investorA);
    expect(await b.call('privacy.request', { kind: 'erase', leadId }, OPENID.investorB)).toMatchObject({ ok: false, error: { code: 'LEAD.NOT_FOUND' } });
    expect(await b.call('privacy.request', { kind: 'withdraw_consent' }, OPENID.investorB)).toMatchObject({ ok: false, error: { code: 'PRIVACY.NOTHING_TO_REQUEST' } });
    expect(await b.call('privacy.request', { kind: 'erase' }, null)).toMatchObject({ ok: false });
    expect(await requests(b)).toHaveLength(0);
    expect((await getLead(b, leadId)).privacy).toBeUndefined();
  });

  it('erasing all my inquiries: the admin sees it (overdue marked) and answers; personal fields go, the counts stay', async () => {
    const one = await b.ok<{ leadId: string }>('lead.submit', leadInput(), OPENID.investorA);
    const two = await b.ok<{ leadId: string }>('lead.submit', leadInput({ contact: { name: '王女士', company: '星河生物', phone: '13900139001', email: 'wang@example.com', wechatId: 'wang_x' } }), OPENID.investorA);
    const rev = async (id: string) => (await getLead(b, id))._rev;
    await b.ok('lead.transition', { leadId: one.leadId, to: 'contacted', rev: await rev(one.leadId) }, OPENID.head);
    await b.ok('lead.note', { leadId: one.leadId, text: '李先生说下周来看楼，手机 13900139000。' }, OPENID.head);
    await b.ok('lead.reply', { leadId: one.leadId, text: '李先生您好，欢迎来访。' }, OPENID.head);
    const rowsBefore = await storedRows(b);
    expect(Object.keys(rowsBefore).length).toBeGreaterThan(0);

    const asked = await b.ok<{ requests: Array<{ id: string; leadCount: number; scope: string }> }>('privacy.request', { kind: 'erase' }, OPENID.investorA);
    expect(asked.requests).toEqual([expect.objectContaining({ leadCount: 2, scope: 'all' })]);
    const requestId = asked.requests[0].id;
    // Nothing is erased before the district answers.
    expect((await getLead(b, two.leadId)).contact.name).toBe('王女士');

    b.clock.advanceHours(24 * 16);
    const list = await b.ok<{ items: Array<{ id: string; overdue: boolean; status: string; leads: Array<{ id: string; industry: string }> }>; pending: number; overdue: number; answerDays: number }>('admin.privacy.list', {}, OPENID.admin);
    expect(list).toMatchObject({ pending: 1, overdue: 1, answerDays: 15 });
    expect(list.items[0]).toMatchObject({ id: requestId, status: 'pending', overdue: true });
    expect(list.items[0].leads.map((l) => l.id).sort()).toEqual([one.leadId, two.leadId].sort());
    // The office's list carries no personal data.
    expect(JSON.stringify(list)).not.toMatch(/李先生|王女士|13900139|wang@/);

    // Another district's admin meets it as missing; the unit leader and the city admin may not answer.
    expect(await b.call('admin.privacy.answer', { requestId, decision: 'done', note: '' }, OPENID.wangshanAdmin)).toMatchObject({ ok: false, error: { code: 'PRIVACY.REQUEST_NOT_FOUND' } });
    expect(await b.call('admin.privacy.answer', { requestId, decision: 'done', note: '' }, OPENID.cityAdmin)).toMatchObject({ ok: false, error: { code: 'AUTH.FORBIDDEN' } });
    expect(await b.call('admin.privacy.answer', { requestId, decision: 'done', note: '' }, OPENID.investLeader)).toMatchObject({ ok: false, error: { code: 'AUTH.FORBIDDEN' } });
    // Refusing needs a reason the investor will read.
    expect(await b.call('admin.privacy.answer', { requestId, decision: 'refused', note: '  ' }, OPENID.admin)).toMatchObject({ ok: false, error: { code: 'ADMIN.INVALID_VALUE' } });
    expect((await requests(b))[0].status).toBe('pending');

    const answered = await b.ok<{ status: string; anonymised: number }>('admin.privacy.answer', { requestId, decision: 'done', note: '已删除' }, OPENID.admin);
    expect(answered).toEqual({ requestId, status: 'done', anonymised: 2 });
    expect(await b.call('admin.privacy.answer', { requestId, decision: 'done', note: '' }, OPENID.admin)).toMatchObject({ ok: false, error: { code: 'PRIVACY.ALREADY_ANSWERED' } });

    for (const id of [one.leadId, two.leadId]) {
      const lead = await getLead(b, id);
      expect(lead.contact).toEqual({ name: ANONYMISED_NAME, company: lead.contact.company, phone: '' });
      expect(lead).toMatchObject({ message: '', fingerprint: '', submitter: { openid: null } });
      expect(lead.privacy).toMatchObject({ anonymisedFor: 'request' });
    }
    // The lead stays what the statistics count: stage, units, channel, industry, dates.
    const first = await getLead(b, one.leadId);
    expect(first).toMatchObject({ status: 'contacted', handling: { unitId: 'unit-invest' }, need: { industry: '人工智能' }, source: { channel: 'chat' } });
    const thread = await eventsOf(b, one.leadId);
    expect(JSON.stringify(thread)).not.toMatch(/李先生|13900139000/);
    expect(thread.filter((e) => e.type === 'note' || e.type === 'reply').map((e) => e.text)).toEqual([ERASED_TEXT, ERASED_TEXT]);
    // Roll-ups unchanged, and still equal to a recount over the anonymised leads.
    expect(await storedRows(b)).toEqual(rowsBefore);
    expect(await storedRows(b)).toEqual(await recount(b));

    // The openid link is cut: 我的咨询 no longer lists them; the request shows as done.
    expect((await b.ok<{ items: unknown[] }>('lead.mine', {}, OPENID.investorA)).items).toHaveLength(0);
    const status = await b.ok<{ items: Array<{ id: string; status: string; answerNote: string | null }> }>('privacy.mine', {}, OPENID.investorA);
    expect(status.items).toEqual([expect.objectContaining({ id: requestId, status: 'done', answerNote: '已删除' })]);
    expect((await b.ok<{ items: unknown[] }>('privacy.mine', {}, OPENID.investorB)).items).toHaveLength(0);
    // Staff see an anonymised lead without contact; revealing is refused.
    const detail = await b.ok<{ lead: { contactName: string; phoneMasked: string | null; privacyState?: string } }>('lead.detail', { leadId: one.leadId }, OPENID.head);
    expect(detail.lead).toMatchObject({ contactName: ANONYMISED_NAME, phoneMasked: null, privacyState: 'anonymised' });
    expect(await b.call('lead.revealContact', { leadId: one.leadId }, OPENID.head)).toMatchObject({ ok: false, error: { code: 'PRIVACY.ERASED' } });
    expect(await auditActions(b)).toEqual(expect.arrayContaining(['privacy.erase_requested', 'lead.anonymise', 'privacy.answer']));
  });

  it('a refused request leaves the inquiry as it was and tells the investor why', async () => {
    const { leadId } = await b.ok<{ leadId: string }>('lead.submit', leadInput(), OPENID.investorA);
    const { requests: [r] } = await b.ok<{ requests: Array<{ id: string }> }>('privacy.request', { kind: 'erase', leadId }, OPENID.investorA);
    await b.ok('admin.privacy.answer', { requestId: r.id, decision: 'refused', note: '该项目已签约，合同资料依法需保存' }, OPENID.admin);
    expect((await getLead(b, leadId)).contact.name).toBe('李先生');
    const status = await b.ok<{ items: Array<{ status: string; answerNote: string }> }>('privacy.mine', {}, OPENID.investorA);
    expect(status.items[0]).toMatchObject({ status: 'refused', answerNote: '该项目已签约，合同资料依法需保存' });
  });

  it('the retention timer anonymises closed inquiries past the stated period, and only those', async () => {
    const closed = await b.ok<{ leadId: string }>('lead.submit', leadInput(), OPENID.investorA);
    const open = await b.ok<{ leadId: string }>('lead.submit', leadInput(), OPENID.investorB);
    const rev = async (id: string) => (await getLead(b, id))._rev;
    await b.ok('lead.transition', { leadId: closed.leadId, to: 'invalid', reason: '重复咨询', rev: await rev(closed.leadId) }, OPENID.head);
    await b.ok('lead.transition', { leadId: open.leadId, to: 'contacted', rev: await rev(open.leadId) }, OPENID.head);
    const rowsBefore = await storedRows(b);

    b.clock.advanceHours(24 * 729);
    expect((await runSlaTick(b.deps)).retentionAnonymised).toBe(0);
    b.clock.advanceHours(24 * 2);
    // A recently closed one is kept: its period has just begun.
    const late = await b.ok<{ leadId: string }>('lead.submit', leadInput(), OPENID.investorA);
    await b.ok('lead.transition', { leadId: late.leadId, to: 'invalid', reason: '重复咨询', rev: await rev(late.leadId) }, OPENID.head);
    const rowsWithLate = await storedRows(b);
    expect((await runSlaTick(b.deps)).retentionAnonymised).toBe(1);
    expect(await getLead(b, closed.leadId)).toMatchObject({ contact: { name: ANONYMISED_NAME, phone: '' }, privacy: { anonymisedFor: 'retention' }, status: 'invalid' });
    expect((await getLead(b, open.leadId)).contact.name).toBe('李先生');
    expect((await getLead(b, late.leadId)).contact.name).toBe('李先生');
    expect(rowsWithLate).not.toEqual(rowsBefore);
    expect(await storedRows(b)).toEqual(rowsWithLate);
    expect(await storedRows(b)).toEqual(await recount(b));
    // Done once: the next tick finds nothing.
    expect((await runSlaTick(b.deps)).retentionAnonymised).toBe(0);
    expect(await auditActions(b)).toContain('lead.anonymise');
  });

  it('the retention timer follows the district setting and is bounded per tick', async () => {
    await b.store.update(COLLECTIONS.districts.name, 'demo-linjiang', { set: { privacy: { answerDays: 10, retentionDays: 30 } } });
    const ids: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      const { leadId } = await b.ok<{ leadId: string }>('lead.submit', leadInput(), OPENID.investorA);
      await b.ok('lead.transition', { leadId, to: 'invalid', reason: '重复咨询', rev: (await getLead(b, leadId))._rev }, OPENID.head);
      ids.push(leadId);
    }
    b.clock.advanceHours(24 * 31);
    const { anonymiseExpiredLeads } = await import('../../cloudfunctions/sla-timer/retention-purge');
    expect(await anonymiseExpiredLeads(b.deps, b.clock.now, () => false, 2)).toBe(2);
    expect(await anonymiseExpiredLeads(b.deps, b.clock.now, () => false, 2)).toBe(1);
    for (const id of ids) expect((await getLead(b, id)).privacy?.anonymisedAt).toBeTruthy();
    // The notice states the same periods the backend keeps.
    const notice = await b.ok<{ body: string }>('lead.privacyNotice', { districtId: 'demo-linjiang' }, null);
    expect(notice.body).toContain('保存 30 天');
    expect(notice.body).toContain('10 日内');
  });

  it('the default notice states 2 years and 15 days', async () => {
    const notice = await b.ok<{ body: string }>('lead.privacyNotice', { districtId: 'demo-linjiang' }, null);
    expect(notice.body).toContain('保存 2 年');
    expect(notice.body).toContain('15 日内');
    expect(notice.body).toContain('撤回同意');
  });
});

/** Investor-facing messages fail while `down` is set; staff messages always go through. */
const investorOutage = () => {
  const n = {
    down: true,
    sentToInvestor: 0,
    async send(message: OutgoingMessage) {
      if (message.kind !== 'lead_reply') return { ok: true as const };
      if (n.down) return { ok: false as const, code: 'system_busy' };
      n.sentToInvestor += 1;
      return { ok: true as const };
    },
  };
  return n;
};

type Outbox = { _id: string; status: string; attempts: number; lastError: string | null; leadId: string | null; message: { kind: string; toOpenid: string; fields: Record<string, string> } };
const replyEntries = async (b: TestBackend, leadId: string) =>
  (await b.store.find<Outbox>(COLLECTIONS.outbox.name, { where: { leadId }, orderBy: [{ field: 'createdAt', direction: 'asc' }], limit: 50 })).filter((e) => e.message.kind === 'lead_reply');
const dropAudits = (b: TestBackend) =>
  b.store.find<{ _id: string; action: string; target: { id: string }; after: { reason: string }; staffId: string | null }>(COLLECTIONS.audit.name, { where: { districtId: 'demo-linjiang' }, orderBy: [{ field: 'at', direction: 'asc' }], limit: 200 }).then((all) => all.filter((e) => e.action === 'notification.drop'));

describe('a reply notification that failed before the investor withdrew', () => {
  let b: TestBackend;
  let notifier: ReturnType<typeof investorOutage>;
  beforeEach(async () => {
    notifier = investorOutage();
    b = await createTestBackend({ notifier });
  });
  afterEach(() => b.close());

  const failedReply = async () => {
    const { leadId } = await b.ok<{ leadId: string }>('lead.submit', leadInput(), OPENID.investorA);
    await b.ok('lead.reply', { leadId, text: '李先生您好，欢迎来访。' }, OPENID.head);
    expect(await replyEntries(b, leadId)).toEqual([expect.objectContaining({ status: 'failed', attempts: 1 })]);
    notifier.down = false;
    return leadId;
  };

  it('without a withdrawal the timer retries it and it is sent', async () => {
    const leadId = await failedReply();
    expect(await runSlaTick(b.deps)).toMatchObject({ notificationsRetried: 1, notificationsDropped: 0 });
    expect(notifier.sentToInvestor).toBe(1);
    expect(await replyEntries(b, leadId)).toEqual([expect.objectContaining({ status: 'sent', attempts: 2 })]);
    expect(await dropAudits(b)).toEqual([]);
  });

  it('consent withdrawn since: the timer drops it, audited, never sends it, and erases its text and recipient', async () => {
    const leadId = await failedReply();
    await b.ok('privacy.request', { kind: 'withdraw_consent', leadId }, OPENID.investorA);
    expect(await runSlaTick(b.deps)).toMatchObject({ notificationsRetried: 0, notificationsDropped: 1 });
    expect(notifier.sentToInvestor).toBe(0);
    const [entry] = await replyEntries(b, leadId);
    expect(entry).toMatchObject({ status: 'dropped', lastError: 'consent_withdrawn', attempts: 1, message: { toOpenid: '', fields: {} } });
    expect(await dropAudits(b)).toEqual([expect.objectContaining({ target: expect.objectContaining({ id: leadId }), after: { status: 'dropped', reason: 'consent_withdrawn' }, staffId: null })]);
    // Dropped for good: later ticks neither send it nor audit it again.
    expect(await runSlaTick(b.deps)).toMatchObject({ notificationsRetried: 0, notificationsDropped: 0 });
    expect(notifier.sentToInvestor).toBe(0);
    expect(await dropAudits(b)).toHaveLength(1);
  });

  it('erased since (deletion answered): dropped as erased, never sent', async () => {
    const leadId = await failedReply();
    const asked = await b.ok<{ requests: Array<{ id: string }> }>('privacy.request', { kind: 'erase' }, OPENID.investorA);
    await b.ok('admin.privacy.answer', { requestId: asked.requests[0].id, decision: 'done', note: '已删除' }, OPENID.admin);
    expect(await runSlaTick(b.deps)).toMatchObject({ notificationsRetried: 0, notificationsDropped: 1 });
    expect(notifier.sentToInvestor).toBe(0);
    expect((await replyEntries(b, leadId))[0]).toMatchObject({ status: 'dropped', lastError: 'erased' });
    expect((await dropAudits(b)).map((a) => a.after.reason)).toEqual(['erased']);
  });
});

describe('the district’s privacy periods (office setting)', () => {
  let b: TestBackend;
  beforeEach(async () => {
    b = await createTestBackend();
  });
  afterEach(() => b.close());

  it('the admin changes them: the notice states the new periods under a new version, audited; bad values write nothing', async () => {
    const before = await b.ok<{ version: string }>('lead.privacyNotice', { districtId: 'demo-linjiang' }, null);
    expect(await b.call('admin.privacy.settings', { answerDays: 0, retentionDays: 730 }, OPENID.admin)).toMatchObject({ ok: false, error: { code: 'VALIDATION.INVALID_INPUT' } });
    expect(await b.call('admin.privacy.settings', { answerDays: 10, retentionDays: 365 }, OPENID.cityAdmin)).toMatchObject({ ok: false, error: { code: 'AUTH.FORBIDDEN' } });
    expect((await b.ok<{ version: string }>('lead.privacyNotice', { districtId: 'demo-linjiang' }, null)).version).toBe(before.version);

    const saved = await b.ok<{ noticeVersion: string }>('admin.privacy.settings', { answerDays: 10, retentionDays: 365 }, OPENID.admin);
    expect(saved).toEqual({ answerDays: 10, retentionDays: 365, noticeVersion: 'p202611301000' });
    const notice = await b.ok<{ version: string; body: string }>('lead.privacyNotice', { districtId: 'demo-linjiang' }, null);
    expect(notice.version).toBe('p202611301000');
    expect(notice.body).toContain('保存 1 年');
    expect(notice.body).toContain('10 日内');
    // An inquiry agreeing to the old text is asked to agree again.
    expect(await b.call('lead.submit', leadInput({ consent: { agreed: true, noticeVersion: before.version } }), OPENID.investorA)).toMatchObject({ ok: false, error: { code: 'LEAD.CONSENT_REQUIRED' } });
    await b.ok('lead.submit', leadInput({ consent: { agreed: true, noticeVersion: notice.version } }), OPENID.investorA);
    // Saving the same again keeps the version.
    expect((await b.ok<{ noticeVersion: string }>('admin.privacy.settings', { answerDays: 10, retentionDays: 365 }, OPENID.admin)).noticeVersion).toBe('p202611301000');
    expect(await auditActions(b)).toContain('privacy.settings');
    const list = await b.ok<{ answerDays: number; retentionDays: number }>('admin.privacy.list', {}, OPENID.admin);
    expect(list).toMatchObject({ answerDays: 10, retentionDays: 365 });
  });
});

describe('a web visitor’s rights over their browser’s inquiries', () => {
  let b: TestBackend;
  beforeEach(async () => {
    b = await createTestBackend();
  });
  afterEach(() => b.close());

  it('withdraws consent for the inquiry of this browser; another browser finds nothing', async () => {
    const { runAction } = await import('../../cloudfunctions/_lib/action-runner');
    const { ALL_ACTIONS } = await import('../../tools/local-cloud/all-actions');
    const { solveChallenge } = await import('../../domain/lead/web-challenge.rules');
    b.deps.intakeLimits = { ...b.deps.intakeLimits, webChallengeBits: 4 };
    const as = (visitor: string, action: string, input: unknown) =>
      runAction(ALL_ACTIONS, b.deps, { openid: null, appid: null, origin: 'test', requestId: 'web', visitor, clientIp: '203.0.113.9' }, { action, input });
    const issued = await as('browser-one', 'lead.challenge', {});
    if (!issued.ok) throw new Error(issued.error.code);
    const { challenge, bits } = issued.data as { challenge: string; bits: number };
    const submitted = await as('browser-one', 'lead.submit', leadInput({ proof: { challenge, nonce: solveChallenge(challenge, bits).nonce } }));
    if (!submitted.ok) throw new Error(submitted.error.code);
    const { leadId } = submitted.data as { leadId: string };
    expect(await as('browser-two', 'privacy.request', { kind: 'withdraw_consent', leadId })).toMatchObject({ ok: false, error: { code: 'LEAD.NOT_FOUND' } });
    expect(await as('browser-one', 'privacy.request', { kind: 'withdraw_consent' })).toMatchObject({ ok: true, data: { created: true } });
    expect((await getLead(b, leadId)).privacy?.consentWithdrawnAt).toBeTruthy();
    expect(await as('browser-two', 'privacy.mine', {})).toMatchObject({ ok: true, data: { items: [] } });
    expect(await as('browser-one', 'privacy.mine', {})).toMatchObject({ ok: true, data: { items: [{ kind: 'withdraw_consent', scope: 'all', status: 'pending' }] } });
  });
});
