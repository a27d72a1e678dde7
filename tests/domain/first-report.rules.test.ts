import type { Lead } from '../../domain/lead/lead.schema';
import { firstReports, holderOf, isProjectKnown, projectKeyOf, reportsAsOf, statusAsOf } from '../../domain/ranking/first-report.rules';

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

  it('reads a report\'s status at a moment from its status events', () => {
    const to = (status: string, day: string) => ({ type: 'status_changed' as const, data: { from: 'x', to: status }, at: `2026-10-${day}T02:00:00.000Z` });
    const events = [to('contacted', '02'), { type: 'note' as const, at: '2026-10-03T02:00:00.000Z' }, to('invalid', '04'), to('contacted', '09')];
    expect(statusAsOf([], '2026-10-31T00:00:00.000Z')).toBe('new');
    expect(statusAsOf(events, '2026-10-01T00:00:00.000Z')).toBe('new');
    expect(statusAsOf(events, '2026-10-04T02:00:00.000Z')).toBe('invalid');
    expect(statusAsOf(events, '2026-10-08T00:00:00.000Z')).toBe('invalid');
    expect(statusAsOf(events, '2026-10-09T02:00:00.000Z')).toBe('contacted');
    // Order does not matter; an unknown target status is ignored.
    expect(statusAsOf([...events].reverse(), '2026-10-08T00:00:00.000Z')).toBe('invalid');
    expect(statusAsOf([...events, to('gone', '05')], '2026-10-06T00:00:00.000Z')).toBe('invalid');
  });

  it('takes the reports as they stood at a moment: arrived by then, with that moment\'s status', () => {
    const asOf = '2026-10-05T00:00:00.000Z';
    const events: Record<string, Array<{ type: 'status_changed'; data: { to: string }; at: string }>> = {
      a: [
        { type: 'status_changed', data: { to: 'invalid' }, at: '2026-10-02T00:00:00.000Z' },
        { type: 'status_changed', data: { to: 'contacted' }, at: '2026-10-07T00:00:00.000Z' },
      ],
    };
    // Now: a was reopened, so it holds the credit; at `asOf` it was invalid and c had not arrived: b holds it.
    const now = [report('a', '01', { status: 'contacted' }), report('b', '03'), report('c', '06')];
    expect(holderOf(now)?._id).toBe('a');
    const then = reportsAsOf(now, (id) => events[id] ?? [], asOf);
    expect(then.map((l) => [l._id, l.status])).toEqual([
      ['a', 'invalid'],
      ['b', 'new'],
    ]);
    expect(holderOf(then, asOf)?._id).toBe('b');
  });
});
