import type { Lead } from '../../domain/lead/lead.schema';
import type { District } from '../../domain/org/district.schema';
import { COLLECTIONS } from '../../cloudfunctions/_lib/store/collections';
import { runSlaTick } from '../../cloudfunctions/sla-timer/run-sla-tick';
import { DEMO_DISTRICT_ID } from '../../tools/seed/demo-district';
import { createTestBackend, leadInput, OPENID, type TestBackend } from '../support/test-backend';

/** China time as the instant it is. */
const cst = (local: string) => new Date(`${local}+08:00`).toISOString();

describe('the SLA ladder across the Spring Festival (working calendar on the district, real SQLite)', () => {
  let b: TestBackend;
  let leadId: string;
  const lead = async () => (await b.store.get<Lead>(COLLECTIONS.leads.name, leadId)) as Lead;

  beforeEach(async () => {
    // Saturday 14 Feb 2026 16:00: a 调休 working day, the eve of nine days off (15–23 Feb).
    b = await createTestBackend({ now: cst('2026-02-14T16:00:00') });
    ({ leadId } = await b.ok<{ leadId: string }>('lead.submit', leadInput({ source: { channel: 'chat', cardId: 'card-staff-tech' } }), OPENID.investorA));
  });
  afterEach(() => b.close());

  it('seeds the district with the national calendar', async () => {
    const district = (await b.store.get<District>(COLLECTIONS.districts.name, DEMO_DISTRICT_ID)) as District;
    expect(district.workingCalendar?.years).toContain(2026);
    expect(district.workingCalendar?.makeUpWorkdays).toContain('2026-02-14');
  });

  it('promises the first response for the first working day after the holiday', async () => {
    // One hour on the 14th, seven on Tuesday 24 Feb.
    expect((await lead()).sla.firstResponseDueAt).toBe(cst('2026-02-24T16:00:00'));
  });

  it('does not remind anyone during the holiday, and climbs the ladder once work resumes', async () => {
    b.clock.set(cst('2026-02-20T10:00:00')); // Friday, a holiday: only one working hour has passed
    await runSlaTick(b.deps);
    expect((await lead()).sla.escalation).toBe(0);

    b.clock.set(cst('2026-02-24T16:00:00')); // 8 working hours
    expect(await runSlaTick(b.deps)).toMatchObject({ reminded: 1, leaderCopied: 0 });
    expect((await lead()).sla.escalation).toBe(1);
  });

  it('counts like Monday to Friday for a district whose calendar an admin removed', async () => {
    await b.store.update(COLLECTIONS.districts.name, DEMO_DISTRICT_ID, { set: { workingCalendar: { years: [], holidays: [], makeUpWorkdays: [] } } });
    const { leadId: other } = await b.ok<{ leadId: string }>('lead.submit', leadInput({ source: { channel: 'chat', cardId: 'card-staff-tech' } }), OPENID.investorB);
    const l = (await b.store.get<Lead>(COLLECTIONS.leads.name, other)) as Lead;
    // Weekends only: Saturday does not count, so 8 hours from Monday 09:00 — in the middle of the holiday.
    expect(l.sla.firstResponseDueAt).toBe(cst('2026-02-16T17:00:00'));
  });
});
