import { bucketOf, contributionDelta, leadContribution, originOf, placeOf } from '../../domain/report/lead-rollup.rules';
import { percentileBound } from '../../domain/report/dashboard.rules';
import type { Lead } from '../../domain/lead/lead.schema';

const lead = (over: Partial<Lead> = {}): Lead =>
  ({
    _id: 'ld_1',
    districtId: 'd',
    status: 'new',
    contact: { name: '李', company: '云帆', phone: '13900139000' },
    need: { industry: '人工智能', scale: 'undecided' },
    message: '',
    source: { channel: 'chat' },
    credit: { staffId: 's1', unitId: 'u1', shareChain: [], hops: 0 },
    handling: { unitId: 'u1', staffId: 's1' },
    submitter: { openid: 'o', key: 'k' },
    consent: { noticeVersion: 'v', agreedAt: '2026-11-30T15:59:59.000Z' },
    sla: { firstResponseDueAt: '2026-12-01T02:00:00.000Z', firstRespondedAt: null, escalation: 0 },
    fingerprint: 'f',
    _rev: 0,
    // 23:59:59 on 11-30 in China: the inquiry belongs to 11-30, not to the UTC day.
    createdAt: '2026-11-30T15:59:59.000Z',
    updatedAt: '2026-11-30T15:59:59.000Z',
    ...over,
  }) as Lead;

describe('roll-up rules', () => {
  it('counts an inquiry on its China day, with the credit unit and person', () => {
    expect(leadContribution(lead())).toEqual([{ key: { districtId: 'd', day: '2026-11-30', unitId: 'u1', staffId: 's1', channel: 'chat', industry: '人工智能', origin: '-', street: '-', carrierType: '-' }, counters: { inquiries: 1 } }]);
  });

  it('places an inquiry by its carrier’s street and type, else its stated type need', () => {
    expect(placeOf(lead({ place: { street: '金湾街道', carrierType: 'factory' }, need: { industry: '新能源', scale: 'undecided', carrierType: 'building' } }))).toEqual({ street: '金湾街道', carrierType: 'factory' });
    expect(placeOf(lead({ need: { industry: '新能源', scale: 'undecided', carrierType: 'building' } }))).toEqual({ street: '-', carrierType: 'building' });
    expect(leadContribution(lead({ place: { street: '金湾街道', carrierType: 'factory' } }))[0].key).toMatchObject({ street: '金湾街道', carrierType: 'factory' });
  });

  it('counts the bureau-confirmed outcome on the inquiry’s own day as well as on the confirmation’s', () => {
    const signed = lead({ status: 'signed', confirmations: { signed: { date: '2026-12-05', note: '已签', by: 's9', at: '2026-12-05T02:00:00.000Z' } } } as unknown as Partial<Lead>);
    const rows = leadContribution(signed);
    expect(rows.map((r) => [r.key.day, r.counters.cohort_signed ?? 0, r.counters.confirmed_signed ?? 0])).toEqual([['2026-11-30', 1, 0], ['2026-12-05', 0, 1]]);
    expect(rows[0].counters.cohort_landed).toBeUndefined();
  });

  it('takes the origin from the code’s province, else the stated city', () => {
    const facts = { creditCode: 'x', creditCodeChecksumOk: true, companyName: null, companyKey: null, investmentWan: null, investmentTier: null, originRegion: '330106', originCity: '上海', originSource: 'credit_code', eventId: null, updatedAt: '2026-11-30T00:00:00.000Z', updatedBy: 's1' } as const;
    expect(originOf({ facts })).toBe('330000');
    expect(originOf({ facts: { ...facts, originRegion: null } })).toBe('上海');
    expect(originOf({})).toBe('-');
  });

  it('moves a whole contribution when a dimension changes, and nets out what stays', () => {
    const answered = lead({ status: 'contacted', sla: { firstResponseDueAt: '2026-12-01T02:00:00.000Z', firstRespondedAt: '2026-11-30T16:30:00.000Z', escalation: 0 } });
    expect(contributionDelta(lead(), answered)).toEqual([expect.objectContaining({ counters: { responded: 1, respondedInTime: 1, rt1: 1, reached_contacted: 1 } })]);
    const moved = contributionDelta(lead(), lead({ source: { channel: 'moments' } }));
    expect(moved.map((r) => [r.key.channel, r.counters])).toEqual([['chat', { inquiries: -1 }], ['moments', { inquiries: 1 }]]);
    expect(contributionDelta(lead(), lead({ updatedAt: '2026-12-02T00:00:00.000Z' }))).toEqual([]);
  });

  it('reads medians from the response buckets', () => {
    expect([bucketOf(0), bucketOf(30), bucketOf(31), bucketOf(4321)]).toEqual([0, 0, 1, 8]);
    expect(percentileBound([0, 0, 0, 0, 0, 0, 0, 0, 0], 0.5)).toBeNull();
    expect(percentileBound([1, 1, 3, 0, 0, 0, 0, 0, 0], 0.5)).toBe(120);
    // An even count reads the lower middle: of 30, 60, 120, 120 the median bound is 60.
    expect(percentileBound([1, 1, 2, 0, 0, 0, 0, 0, 0], 0.5)).toBe(60);
    expect(percentileBound([1, 0, 0, 0, 0, 0, 0, 0, 9], 0.9)).toBeNull();
  });
});
