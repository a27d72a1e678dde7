import type { Lead } from '../../domain/lead/lead.schema';
import type { District } from '../../domain/org/district.schema';
import { calendarYearProblems } from '../../domain/calendar/working-calendar.rules';
import { COLLECTIONS } from '../../cloudfunctions/_lib/store/collections';
import { runSlaTick } from '../../cloudfunctions/sla-timer/run-sla-tick';
import { createTestBackend, leadInput, OPENID, type TestBackend } from '../support/test-backend';

const cst = (local: string) => new Date(`${local}+08:00`).toISOString();
type Year = { known: boolean; holidays: string[]; makeUpWorkdays: string[]; nationalAvailable: boolean; missingYears: number[]; canEdit: boolean };
const district = async (b: TestBackend) => (await b.store.get<District>(COLLECTIONS.districts.name, 'demo-linjiang')) as District;

describe('the working-calendar editor', () => {
  let b: TestBackend;
  beforeEach(async () => {
    // Tuesday 1 Dec 2026, 10:00 in China: December, so the coming year matters.
    b = await createTestBackend({ now: cst('2026-12-01T10:00:00') });
  });
  afterEach(() => b.close());

  it('warns now that 2027 is missing, on the home page and the district settings, until it is filled', async () => {
    expect((await b.ok<{ calendarMissingYears: number[] }>('admin.home', {}, OPENID.admin)).calendarMissingYears).toEqual([2027]);
    expect((await b.ok<{ calendarMissingYears: number[] }>('admin.district.get', {}, OPENID.admin)).calendarMissingYears).toEqual([2027]);
    const y2027 = await b.ok<Year>('admin.calendar.get', { year: 2027 }, OPENID.admin);
    expect(y2027).toMatchObject({ known: false, holidays: [], nationalAvailable: false, missingYears: [2027], canEdit: true });
    // chinese-days has no 2027 yet: importing says so and writes nothing.
    const before = await district(b);
    expect(await b.call('admin.calendar.import', { year: 2027 }, OPENID.admin)).toMatchObject({ ok: false, error: { code: 'CALENDAR.YEAR_UNAVAILABLE' } });
    expect(await district(b)).toEqual(before);
    // Entered by hand (here: weekends only plus New Year's Day).
    await b.ok('admin.calendar.save', { year: 2027, holidays: ['2027-01-01'], makeUpWorkdays: [] }, OPENID.admin);
    expect((await b.ok<{ calendarMissingYears: number[] }>('admin.home', {}, OPENID.admin)).calendarMissingYears).toEqual([]);
    expect(await b.ok<Year>('admin.calendar.get', { year: 2027 }, OPENID.admin)).toMatchObject({ known: true, holidays: ['2027-01-01'] });
  });

  it('shows a seeded year, re-imports it from chinese-days, and audits each change with before and after', async () => {
    const y2026 = await b.ok<Year>('admin.calendar.get', { year: 2026 }, OPENID.admin);
    expect(y2026).toMatchObject({ known: true, nationalAvailable: true });
    expect(y2026.holidays).toContain('2026-10-01');
    expect(y2026.makeUpWorkdays).toContain('2026-02-14');
    await b.ok('admin.calendar.save', { year: 2026, holidays: [...y2026.holidays, '2026-12-24'], makeUpWorkdays: y2026.makeUpWorkdays }, OPENID.admin);
    await b.ok('admin.calendar.import', { year: 2026 }, OPENID.admin);
    expect((await b.ok<Year>('admin.calendar.get', { year: 2026 }, OPENID.admin)).holidays).toEqual(y2026.holidays);
    const audit = await b.store.find<{ _id: string; action: string; before: { holidays: string[] }; after: { holidays: string[] } }>(COLLECTIONS.audit.name, { where: { districtId: 'demo-linjiang' }, orderBy: [{ field: 'at', direction: 'asc' }, { field: '_id', direction: 'asc' }], limit: 10 });
    expect(audit.map((a) => a.action)).toEqual(['district.calendar.save', 'district.calendar.import']);
    expect(audit[0].after.holidays).toContain('2026-12-24');
    expect(audit[1].before.holidays).toContain('2026-12-24');
    // Other years are untouched.
    expect((await district(b)).workingCalendar?.years).toContain(2025);
  });

  it('refuses dates outside the year, duplicates and a day on both lists, writing nothing', async () => {
    const before = await district(b);
    for (const [holidays, makeUpWorkdays, field] of [
      [['2028-01-01'], [], 'holidays'],
      [['2027-01-01', '2027-01-01'], [], 'holidays'],
      [['2027-02-30'], [], 'holidays'],
      [['2027-02-06'], ['2027-02-06'], 'holidays'],
    ] as const) {
      const r = await b.call('admin.calendar.save', { year: 2027, holidays, makeUpWorkdays }, OPENID.admin);
      expect(r).toMatchObject({ ok: false, error: { code: 'CALENDAR.INVALID_DAYS', fields: expect.arrayContaining([field]) } });
    }
    expect(await b.call('admin.calendar.save', { year: 2027, holidays: ['1 Jan'], makeUpWorkdays: [] }, OPENID.admin)).toMatchObject({ ok: false, error: { code: 'VALIDATION.INVALID_INPUT' } });
    expect(await district(b)).toEqual(before);
    expect(calendarYearProblems(2027, ['2027-10-01'], ['2027-09-26'])).toEqual([]);
  });

  it('a city admin reads a district’s calendar but may not change it', async () => {
    expect(await b.ok<Year>('admin.calendar.get', { districtId: 'demo-linjiang', year: 2026 }, OPENID.cityAdmin)).toMatchObject({ canEdit: false, known: true });
    expect(await b.call('admin.calendar.save', { year: 2027, holidays: [], makeUpWorkdays: [] }, OPENID.cityAdmin)).toMatchObject({ ok: false, error: { code: 'AUTH.FORBIDDEN' } });
  });

  it('the SLA clock counts on the edited calendar: an added holiday moves the due times', async () => {
    const submit = async (key: string) => {
      const { leadId } = await b.ok<{ leadId: string }>('lead.submit', leadInput({ source: { channel: 'chat', cardId: 'card-staff-tech' } }), key);
      return leadId;
    };
    const waiting = await submit(OPENID.investorA);
    await runSlaTick(b.deps);
    const scheduled = (await b.store.get<Lead>(COLLECTIONS.leads.name, waiting))!;
    // 8 working hours from Tuesday 10:00: Wednesday 10:00; its first rung (1×) is due then.
    expect(scheduled.sla.firstResponseDueAt).toBe(cst('2026-12-02T10:00:00'));
    expect(scheduled.sla.nextEscalationAt).toBe(cst('2026-12-02T10:00:00'));
    const y2026 = await b.ok<Year>('admin.calendar.get', { year: 2026 }, OPENID.admin);
    await b.ok('admin.calendar.save', { year: 2026, holidays: [...y2026.holidays, '2026-12-02'], makeUpWorkdays: y2026.makeUpWorkdays }, OPENID.admin);
    // A new inquiry skips the added holiday …
    const fresh = (await b.store.get<Lead>(COLLECTIONS.leads.name, await submit(OPENID.investorB)))!;
    expect(fresh.sla.firstResponseDueAt).toBe(cst('2026-12-03T10:00:00'));
    // … and the waiting lead's next rung is placed again on the edited calendar.
    await runSlaTick(b.deps);
    expect((await b.store.get<Lead>(COLLECTIONS.leads.name, waiting))!.sla.nextEscalationAt).toBe(cst('2026-12-03T10:00:00'));
  });
});
