import type { Lead } from '../../domain/lead/lead.schema';
import type { LeadEvent } from '../../domain/lead/lead-event.schema';
import { COLLECTIONS } from '../../cloudfunctions/_lib/store/collections';
import { createTestBackend, leadInput, OPENID, type TestBackend } from '../support/test-backend';

type Board = { own: { raw: number; items: Array<{ kind: string; points: number; leadId?: string }> } | null; duplicatesRemoved: number };
type Standing = { known: boolean; reports: number; holder: { isThisLead: boolean; leadId: string | null; unitName: string | null; awarded: boolean } | null; dispute: { status: string; reason: string; decision: { reason: string } | null } | null; canDispute: boolean };

const CODE = '91330106MA2B3C4D5D';

/**
 * 首报 and its disputes: 投资促进局 reports 云帆 first and its 签约 is confirmed; 科技局 reports the same company
 * (same credit code) an hour later and its 签约 is confirmed too. 科技局 disputes; the district admin decides.
 */
describe('首报 disputes on SQLite', () => {
  let b: TestBackend;
  let first: string;
  let later: string;
  const rev = async (id: string) => (await b.store.get<Lead>(COLLECTIONS.leads.name, id))?._rev ?? -1;
  const submit = async (cardId: string, company: string, phone: string) =>
    (await b.ok<{ leadId: string }>('lead.submit', leadInput({ contact: { name: '测试', company, phone }, source: { channel: 'chat', cardId } }), OPENID.investorA)).leadId;
  const signAndConfirm = async (leadId: string, openid: string) => {
    for (const to of ['contacted', 'negotiating', 'signed']) await b.ok('lead.transition', { leadId, to, rev: await rev(leadId) }, openid);
    await b.ok('lead.confirmStage', { leadId, stage: 'signed', note: '已核验', date: '2026-11-30', rev: await rev(leadId) }, OPENID.investLeader);
  };
  const events = async (leadId: string) => b.store.find<LeadEvent>(COLLECTIONS.leadEvents.name, { where: { leadId }, orderBy: [{ field: 'at', direction: 'asc' }, { field: '_id', direction: 'asc' }], limit: 50 });
  const board = (openid: string) => b.ok<Board>('report.arena', { kind: 'quarter', key: '2026-Q4' }, openid);

  beforeAll(async () => {
    b = await createTestBackend();
    b.deps.intakeLimits = { perInvestorPer10Min: 100, perInvestorPerDay: 100, perDistrictPerMinute: 100 };
    first = await submit('card-staff-head', '云帆智能科技有限公司', '13900139001');
    await b.ok('lead.setFacts', { leadId: first, creditCode: CODE, investmentWan: 35_000, rev: await rev(first) }, OPENID.head);
    await signAndConfirm(first, OPENID.head);
    b.clock.advanceHours(1);
    later = await submit('card-staff-tech', '云帆智能科技（集团）有限公司', '13900139002');
    await b.ok('lead.setFacts', { leadId: later, creditCode: CODE, investmentWan: 35_000, rev: await rev(later) }, OPENID.tech);
    await signAndConfirm(later, OPENID.tech);
  });
  afterAll(() => b.close());

  it('tells the later reporter which unit holds the first report, without opening another unit’s lead', async () => {
    const mine = await b.ok<Standing>('lead.firstReport', { leadId: later }, OPENID.tech);
    expect(mine).toMatchObject({ known: true, reports: 2, canDispute: true, dispute: null });
    expect(mine.holder).toMatchObject({ isThisLead: false, leadId: null, unitName: '临江区投资促进局', awarded: false });
    const holder = await b.ok<Standing>('lead.firstReport', { leadId: first }, OPENID.head);
    expect(holder).toMatchObject({ known: true, canDispute: false, holder: { isThisLead: true, leadId: first } });
    expect(await b.call('lead.raiseDispute', { leadId: first, reason: '我们先报的', rev: await rev(first) }, OPENID.head)).toMatchObject({ ok: false, error: { code: 'FIRST_REPORT.NOT_DUPLICATE' } });
    // Before a decision the board counts the project once, for the first report.
    expect((await board(OPENID.tech)).own?.items.map((i) => i.kind)).toEqual(['response']);
    expect((await board(OPENID.head)).own?.items.find((i) => i.kind === 'stage')).toMatchObject({ leadId: first, points: 20 });
  });

  it('knows nothing to match before staff state a code or a name, and refuses a dispute then', async () => {
    const bare = await submit('card-staff-tech', '无名公司', '13900139009');
    expect(await b.ok<Standing>('lead.firstReport', { leadId: bare }, OPENID.tech)).toMatchObject({ known: false, reports: 0, holder: null, canDispute: false });
    expect(await b.call('lead.raiseDispute', { leadId: bare, reason: '理由', rev: await rev(bare) }, OPENID.tech)).toMatchObject({ ok: false, error: { code: 'FIRST_REPORT.UNKNOWN_PROJECT' } });
  });

  it('records a dispute with its reason on the lead, in both threads and the audit log; once only', async () => {
    const before = await rev(later);
    expect(await b.call('lead.raiseDispute', { leadId: later, reason: '企业最早通过科技局对接，见 10 月 8 日会议纪要', rev: before + 5 }, OPENID.tech)).toMatchObject({ ok: false, error: { code: 'LEAD.CONCURRENT_UPDATE' } });
    const raised = await b.ok<{ rev: number; dispute: { status: string; holderUnitName: string } }>('lead.raiseDispute', { leadId: later, reason: '企业最早通过科技局对接，见 10 月 8 日会议纪要', rev: before }, OPENID.tech);
    expect(raised).toMatchObject({ rev: before + 1, dispute: { status: 'open', holderUnitName: '临江区投资促进局' } });
    expect((await events(later)).at(-1)).toMatchObject({ type: 'first_report_disputed', text: expect.stringContaining('10 月 8 日会议纪要') });
    expect((await events(first)).at(-1)).toMatchObject({ type: 'first_report_disputed', text: expect.stringContaining('临江区科学技术局') });
    const audit = await b.store.find<{ _id: string; action: string; staffId: string }>(COLLECTIONS.audit.name, { where: { leadId: later }, limit: 20 });
    expect(audit.filter((a) => a.action === 'first_report_disputed')).toEqual([expect.objectContaining({ staffId: 'staff-tech' })]);
    expect(await b.call('lead.raiseDispute', { leadId: later, reason: '再申诉', rev: await rev(later) }, OPENID.tech)).toMatchObject({ ok: false, error: { code: 'FIRST_REPORT.DISPUTE_EXISTS' } });
    expect(await b.ok<Standing>('lead.firstReport', { leadId: later }, OPENID.tech)).toMatchObject({ canDispute: false, dispute: { status: 'open' } });
  });

  it('the district admin decides with a reason; the board follows the decision', async () => {
    expect(await b.call('report.disputes', { status: 'open' }, OPENID.investLeader)).toMatchObject({ ok: false, error: { code: 'AUTH.FORBIDDEN' } });
    const open = await b.ok<{ items: Array<{ leadId: string; rev: number; unitName: string; holderUnitName: string; holderLeadId: string }> }>('report.disputes', { status: 'open' }, OPENID.admin);
    expect(open.items).toEqual([expect.objectContaining({ leadId: later, unitName: '临江区科学技术局', holderUnitName: '临江区投资促进局', holderLeadId: first })]);
    const input = { leadId: later, decision: 'upheld', reason: '会议纪要证明科技局首先对接', rev: open.items[0].rev };
    expect(await b.call('report.decideDispute', input, OPENID.investLeader)).toMatchObject({ ok: false, error: { code: 'AUTH.FORBIDDEN' } });
    expect(await b.ok('report.decideDispute', input, OPENID.admin)).toMatchObject({ dispute: { status: 'upheld', decision: { reason: '会议纪要证明科技局首先对接' } } });
    expect(await b.call('report.decideDispute', { ...input, rev: await rev(later) }, OPENID.admin)).toMatchObject({ ok: false, error: { code: 'FIRST_REPORT.NO_OPEN_DISPUTE' } });

    const tech = await board(OPENID.tech);
    expect(tech.own?.items.find((i) => i.kind === 'stage')).toMatchObject({ leadId: later, points: 20 });
    expect((await board(OPENID.head)).own?.items.map((i) => i.kind)).toEqual(['response']);
    expect(tech.duplicatesRemoved).toBe(1);
    expect(await b.ok<Standing>('lead.firstReport', { leadId: later }, OPENID.tech)).toMatchObject({ holder: { isThisLead: true, awarded: true }, dispute: { status: 'upheld' } });
    expect(await b.ok<Standing>('lead.firstReport', { leadId: first }, OPENID.head)).toMatchObject({ holder: { isThisLead: false, unitName: '临江区科学技术局', awarded: true } });
    expect((await events(first)).at(-1)).toMatchObject({ type: 'first_report_decided', text: expect.stringContaining('改记申诉方') });
    const audit = await b.store.find<{ _id: string; action: string; staffId: string }>(COLLECTIONS.audit.name, { where: { leadId: later }, limit: 20 });
    expect(audit.filter((a) => a.action === 'first_report_decided')).toEqual([expect.objectContaining({ staffId: 'staff-admin' })]);
    expect((await b.ok<{ items: unknown[] }>('report.disputes', { status: 'open' }, OPENID.admin)).items).toEqual([]);
    expect((await b.ok<{ items: unknown[] }>('report.disputes', { status: 'upheld' }, OPENID.admin)).items).toHaveLength(1);
  });
});

describe('首报 decisions from outside the district', () => {
  it('the city admin (reads every district, writes nothing) and another district’s admin meet the lead as missing', async () => {
    const b = await createTestBackend();
    try {
      const { leadId } = await b.ok<{ leadId: string }>('lead.submit', leadInput(), OPENID.investorA);
      const input = { leadId, decision: 'upheld', reason: '越权裁定', rev: 0 };
      expect(await b.call('report.decideDispute', input, OPENID.cityAdmin)).toMatchObject({ ok: false, error: { code: 'LEAD.NOT_FOUND' } });
      expect(await b.call('report.decideDispute', input, OPENID.wangshanAdmin)).toMatchObject({ ok: false, error: { code: 'LEAD.NOT_FOUND' } });
      expect(await b.call('report.disputes', { status: 'open' }, OPENID.cityAdmin)).toMatchObject({ ok: false, error: { code: 'AUTH.FORBIDDEN' } });
    } finally {
      await b.close();
    }
  });
});
