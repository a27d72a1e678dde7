import type { Lead } from '../../domain/lead/lead.schema';
import { firstReports, holderOf, isProjectKnown, projectKeyOf } from '../../domain/ranking/first-report.rules';

type R = Pick<Lead, '_id' | 'createdAt' | 'facts' | 'contact' | 'status' | 'firstReportDispute'>;
const facts = (creditCode: string | null, companyKey: string | null) => ({ creditCode, companyKey }) as Lead['facts'];
const report = (id: string, at: string, over: Partial<R> = {}): R => ({
  _id: id,
  createdAt: `2026-10-${at}T02:00:00.000Z`,
  facts: facts('91330106MA2B3C4D5D', '云帆智能科技'),
  contact: { name: '测', company: '云帆智能科技有限公司', phone: '13900139001' },
  status: 'signed',
  ...over,
});
const upheld = (at: string): R['firstReportDispute'] => ({
  status: 'upheld',
  holderLeadId: 'a',
  holderUnitId: 'unit-invest',
  reason: '先对接',
  raisedBy: { staffId: 'staff-tech', name: '科' },
  raisedAt: `2026-10-${at}T01:00:00.000Z`,
  decision: { staffId: 'staff-admin', name: '管', reason: '有纪要', at: `2026-10-${at}T03:00:00.000Z` },
});

describe('首报', () => {
  it('keys a project by credit code, else by the confirmed name and phone', () => {
    expect(projectKeyOf(report('a', '01'))).toBe('code:91330106MA2B3C4D5D');
    expect(projectKeyOf(report('a', '01', { facts: facts(null, '云帆智能科技') }))).toBe('name:云帆智能科技|13900139001');
    expect(isProjectKnown(report('a', '01', { facts: undefined }))).toBe(false);
    expect(isProjectKnown(report('a', '01', { facts: facts(null, '云帆') }))).toBe(true);
  });

  it('gives the credit to the earliest report not closed as invalid', () => {
    expect(holderOf([report('b', '02'), report('a', '01')])?._id).toBe('a');
    expect(holderOf([report('b', '02'), report('a', '01', { status: 'invalid' })])?._id).toBe('b');
    expect(holderOf([report('a', '01', { status: 'invalid' })])?._id).toBe('a');
    expect(holderOf([])).toBeNull();
  });

  it('an upheld dispute moves the credit; the latest decision wins', () => {
    expect(holderOf([report('a', '01'), report('b', '02', { firstReportDispute: upheld('05') })])?._id).toBe('b');
    expect(holderOf([report('a', '01'), report('b', '02', { firstReportDispute: upheld('05') }), report('c', '03', { firstReportDispute: upheld('07') })])?._id).toBe('c');
    expect(holderOf([report('a', '01'), report('b', '02', { firstReportDispute: { ...(upheld('05') as NonNullable<R['firstReportDispute']>), status: 'rejected' } })])?._id).toBe('a');
  });

  it('splits leads into holders and duplicates, one per project', () => {
    const other = report('x', '04', { facts: facts('91110000100000000X', null) });
    const { kept, duplicates } = firstReports([report('b', '02'), other, report('a', '01')]);
    expect(kept.map((l) => l._id)).toEqual(['a', 'x']);
    expect(duplicates.map((l) => l._id)).toEqual(['b']);
  });
});
