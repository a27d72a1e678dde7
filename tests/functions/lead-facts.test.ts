import type { Lead } from '../../domain/lead/lead.schema';
import { COLLECTIONS } from '../../cloudfunctions/_lib/store/collections';
import { createTestBackend, leadInput, OPENID, type TestBackend } from '../support/test-backend';

const VALID_CODE = '91330106MA2B3C4D5D';
const BAD_CHECKSUM = '91330106MA2B3C4D50';

type Detail = {
  rev: number;
  facts: Record<string, unknown> | null;
  confirmations: Record<string, { staffName: string; note: string; date: string }>;
  canConfirm: boolean;
  events: Array<{ type: string; actorName: string; text: string | null }>;
};

describe('what a lead carries: company facts and the bureau’s stage confirmations', () => {
  let b: TestBackend;
  let leadId: string;
  const rev = async () => (await b.store.get<Lead>(COLLECTIONS.leads.name, leadId))?._rev ?? -1;
  const audit = () => b.store.find<{ _id: string; action: string; staffId: string }>(COLLECTIONS.audit.name, { where: { leadId }, limit: 20 });

  beforeEach(async () => {
    b = await createTestBackend();
    ({ leadId } = await b.ok<{ leadId: string }>('lead.submit', leadInput(), OPENID.investorA));
  });
  afterEach(() => b.close());

  /** The head (handler, 投资促进局) walks the lead to 签约 himself. */
  const toSigned = async () => {
    for (const to of ['contacted', 'negotiating', 'signed']) await b.ok('lead.transition', { leadId, to, rev: await rev() }, OPENID.head);
  };

  it('sets the facts: tier from the amount, origin from the code’s region digits, audited and in the thread', async () => {
    const r = await b.ok<{ facts: Record<string, unknown>; warnings: unknown[] }>(
      'lead.setFacts',
      { leadId, creditCode: ' 91330106-MA2B3C4D5D ', investmentWan: 35_000, originCity: '杭州', eventId: 'expo-2026', rev: await rev() },
      OPENID.head,
    );
    expect(r.warnings).toEqual([]);
    expect(r.facts).toMatchObject({
      creditCode: VALID_CODE,
      creditCodeChecksumOk: true,
      companyName: '云帆智能科技有限公司',
      companyKey: '云帆智能科技',
      investmentWan: 35_000,
      investmentTier: '3e-10e',
      originRegion: '330106',
      originCity: '杭州',
      originSource: 'credit_code',
      eventId: 'expo-2026',
      updatedBy: 'staff-head',
    });
    const d = await b.ok<Detail>('lead.detail', { leadId }, OPENID.head);
    expect(d.facts).toEqual(r.facts);
    expect(d.events.at(-1)).toMatchObject({ type: 'facts_set', actorName: '林致远' });
    expect(d.events.at(-1)?.text).toContain('3–10亿元');
    expect(await audit()).toEqual([expect.objectContaining({ action: 'facts_set', staffId: 'staff-head' })]);
  });

  it('a failed checksum warns and keeps the code; a malformed code is refused and writes nothing', async () => {
    const r = await b.ok<{ facts: Record<string, unknown>; warnings: Array<{ code: string; message: string }> }>('lead.setFacts', { leadId, creditCode: BAD_CHECKSUM, rev: await rev() }, OPENID.head);
    expect(r.facts).toMatchObject({ creditCode: BAD_CHECKSUM, creditCodeChecksumOk: false, originRegion: '330106', investmentTier: null });
    expect(r.warnings).toEqual([{ code: 'CREDIT_CODE.CHECKSUM', message: expect.stringContaining('D') }]);

    const before = await b.store.get<Lead>(COLLECTIONS.leads.name, leadId);
    expect(await b.call('lead.setFacts', { leadId, creditCode: '9133010', rev: await rev() }, OPENID.head)).toMatchObject({ ok: false, error: { code: 'LEAD.CREDIT_CODE_MALFORMED', fields: ['creditCode'] } });
    expect(await b.call('lead.setFacts', { leadId, creditCode: '91330106MA2B3C4DIO', rev: await rev() }, OPENID.head)).toMatchObject({ ok: false, error: { code: 'LEAD.CREDIT_CODE_MALFORMED' } });
    expect(await b.call('lead.setFacts', { leadId, investmentWan: -1, rev: await rev() }, OPENID.head)).toMatchObject({ ok: false, error: { code: 'VALIDATION.INVALID_INPUT' } });
    expect(await b.store.get<Lead>(COLLECTIONS.leads.name, leadId)).toEqual(before);
    expect(await audit()).toHaveLength(1);
  });

  it('without a code the origin is the stated city; a stale rev is refused', async () => {
    const r = await b.ok<{ facts: Record<string, unknown> }>('lead.setFacts', { leadId, originCity: '上海', companyName: '云帆智能（集团）有限公司', rev: await rev() }, OPENID.head);
    expect(r.facts).toMatchObject({ creditCode: null, originRegion: null, originCity: '上海', originSource: 'stated_city', companyKey: '云帆智能集团' });
    expect(await b.call('lead.setFacts', { leadId, originCity: '南京', rev: 0 }, OPENID.head)).toMatchObject({ ok: false, error: { code: 'LEAD.CONCURRENT_UPDATE' } });
  });

  it('only a colleague who may act sets facts: another unit’s staff see nothing', async () => {
    expect(await b.call('lead.setFacts', { leadId, originCity: '上海', rev: await rev() }, OPENID.tech)).toMatchObject({ ok: false, error: { code: 'LEAD.NOT_FOUND' } });
    expect(await b.call('lead.setFacts', { leadId, originCity: '上海', rev: await rev() }, OPENID.commissioner)).toMatchObject({ ok: false, error: { code: 'AUTH.FORBIDDEN' } });
  });

  it('签约 is confirmed by the bureau, never by the one who recorded it; once; with a date that makes sense', async () => {
    expect(await b.call('lead.confirmStage', { leadId, stage: 'signed', note: '合同已见', date: '2026-11-30', rev: await rev() }, OPENID.investLeader)).toMatchObject({
      ok: false,
      error: { code: 'LEAD.STAGE_NOT_REACHED' },
    });
    await toSigned();
    let d = await b.ok<Detail>('lead.detail', { leadId }, OPENID.head);
    expect(d.canConfirm).toBe(false);
    expect(await b.call('lead.confirmStage', { leadId, stage: 'signed', note: '本人签的', date: '2026-11-30', rev: await rev() }, OPENID.head)).toMatchObject({ ok: false, error: { code: 'LEAD.SELF_CONFIRMATION' } });
    // 科技局 is not the bureau and cannot see the lead; 教育局 neither.
    expect(await b.call('lead.confirmStage', { leadId, stage: 'signed', note: '合同已见', date: '2026-11-30', rev: await rev() }, OPENID.tech)).toMatchObject({ ok: false, error: { code: 'LEAD.NOT_FOUND' } });
    expect(await b.call('lead.confirmStage', { leadId, stage: 'landed', note: '未落地', date: '2026-11-30', rev: await rev() }, OPENID.investLeader)).toMatchObject({ ok: false, error: { code: 'LEAD.STAGE_NOT_REACHED' } });
    for (const date of ['2026-12-01', '2026-11-29']) {
      expect(await b.call('lead.confirmStage', { leadId, stage: 'signed', note: '合同已见', date, rev: await rev() }, OPENID.investLeader)).toMatchObject({ ok: false, error: { code: 'LEAD.CONFIRM_DATE_INVALID' } });
    }
    expect(await b.call('lead.confirmStage', { leadId, stage: 'signed', note: '合同已见', date: '2026-02-30', rev: await rev() }, OPENID.investLeader)).toMatchObject({ ok: false, error: { code: 'VALIDATION.INVALID_INPUT' } });
    expect(await audit()).toEqual([]);

    d = await b.ok<Detail>('lead.detail', { leadId }, OPENID.investLeader);
    expect(d.canConfirm).toBe(true);
    const r = await b.ok<{ confirmation: { staffName: string; date: string } }>('lead.confirmStage', { leadId, stage: 'signed', note: '已核验投资协议原件', date: '2026-11-30', rev: await rev() }, OPENID.investLeader);
    expect(r.confirmation).toMatchObject({ staffName: '陈启航', date: '2026-11-30' });
    expect(await b.call('lead.confirmStage', { leadId, stage: 'signed', note: '再确认', date: '2026-11-30', rev: await rev() }, OPENID.admin)).toMatchObject({ ok: false, error: { code: 'LEAD.STAGE_ALREADY_CONFIRMED' } });

    d = await b.ok<Detail>('lead.detail', { leadId }, OPENID.head);
    expect(d.confirmations.signed).toMatchObject({ staffName: '陈启航', note: '已核验投资协议原件', date: '2026-11-30' });
    expect(d.events.at(-1)).toMatchObject({ type: 'stage_confirmed', actorName: '陈启航', text: '投资促进局确认签约（2026-11-30）：已核验投资协议原件' });
    expect(await audit()).toEqual([expect.objectContaining({ action: 'stage_confirmed', staffId: 'staff-invest-leader', stage: 'signed' })]);
  });

  it('落地 after 签约: an admin may confirm it; both confirmations stay', async () => {
    await toSigned();
    await b.ok('lead.confirmStage', { leadId, stage: 'signed', note: '协议已签', date: '2026-11-30', rev: await rev() }, OPENID.investLeader);
    await b.ok('lead.transition', { leadId, to: 'landed', rev: await rev() }, OPENID.head);
    await b.ok('lead.confirmStage', { leadId, stage: 'landed', note: '营业执照已办', date: '2026-11-30', rev: await rev() }, OPENID.admin);
    const lead = await b.store.get<Lead>(COLLECTIONS.leads.name, leadId);
    expect(Object.keys(lead?.confirmations ?? {}).sort()).toEqual(['landed', 'signed']);
    expect(lead?.confirmations?.landed?.staffId).toBe('staff-admin');
  });
});
