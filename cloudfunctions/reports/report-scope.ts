import type * as v from 'valibot';
import type { PeriodRequestSchema, REPORT_SCOPES } from '../../domain/api/report.contracts';
import { DomainError } from '../../domain/common/result';
import type { Staff } from '../../domain/org/staff.schema';
import { periodContaining, periodFromKey, rangePeriod, type Period } from '../../domain/report/period.rules';
import type { Deps } from '../_lib/deps';
import { getUnit } from '../_lib/repositories/org.repository';
import { getStaff } from '../_lib/repositories/staff.repository';

const MAX_RANGE_DAYS = 366;
const DAY_MS = 24 * 3600_000;

/** The period a request names; anything that is not one is refused with REPORT.PERIOD_INVALID. */
export const resolvePeriod = (req: v.InferOutput<typeof PeriodRequestSchema>, now: Date): Period => {
  if (req.kind === 'range') {
    if (!req.from || !req.to || req.key) throw new DomainError('REPORT.PERIOD_INVALID', ['period']);
    const first = new Date(`${req.from}T00:00:00+08:00`);
    const last = new Date(`${req.to}T00:00:00+08:00`);
    const days = (last.getTime() - first.getTime()) / DAY_MS + 1;
    if (days < 1 || days > MAX_RANGE_DAYS) throw new DomainError('REPORT.PERIOD_INVALID', ['period']);
    return rangePeriod(first, last);
  }
  if (req.from || req.to) throw new DomainError('REPORT.PERIOD_INVALID', ['period']);
  if (!req.key) return periodContaining(req.kind, now);
  const period = periodFromKey(req.key);
  if (!period || period.kind !== req.kind) throw new DomainError('REPORT.PERIOD_INVALID', ['period']);
  return period;
};

export type ResolvedScope =
  | { scope: 'person'; staffId: string; label: string; districtId: string }
  | { scope: 'unit'; unitId: string; label: string; districtId: string }
  | { scope: 'district'; label: string; districtId: string };

/**
 * Who may read whose numbers: everyone their own and their own unit's; a unit leader the people of the unit;
 * an admin any person or unit of the district and the district itself. Nothing of another district.
 */
export const resolveScope = async (
  deps: Deps,
  me: Staff,
  req: { scope: (typeof REPORT_SCOPES)[number]; unitId?: string; staffId?: string },
): Promise<ResolvedScope> => {
  const admin = me.roles.includes('admin');
  if (req.scope === 'district') {
    if (!admin || req.unitId || req.staffId) throw new DomainError('AUTH.FORBIDDEN');
    return { scope: 'district', label: '全区', districtId: me.districtId };
  }
  if (req.scope === 'unit') {
    if (req.staffId) throw new DomainError('VALIDATION.INVALID_INPUT', ['staffId']);
    const unitId = req.unitId ?? me.unitId;
    if (unitId !== me.unitId && !admin) throw new DomainError('AUTH.FORBIDDEN');
    const unit = await getUnit(deps.store, unitId);
    if (!unit || unit.districtId !== me.districtId) throw new DomainError('AUTH.FORBIDDEN');
    return { scope: 'unit', unitId, label: unit.name, districtId: me.districtId };
  }
  if (req.unitId) throw new DomainError('VALIDATION.INVALID_INPUT', ['unitId']);
  const staffId = req.staffId ?? me._id;
  const person = staffId === me._id ? me : await getStaff(deps.store, staffId);
  const allowed = person && person.districtId === me.districtId && (person._id === me._id || admin || (me.roles.includes('unit_leader') && person.unitId === me.unitId));
  if (!person || !allowed) throw new DomainError('AUTH.FORBIDDEN');
  return { scope: 'person', staffId, label: person.name, districtId: me.districtId };
};

/** China day (YYYY-MM-DD) bounds of a period, both inclusive: what roll-up rows are keyed by. */
export const periodDays = (p: Period): { fromDay: string; toDay: string } => {
  const day = (at: Date) => new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
  return { fromDay: day(p.start), toDay: day(new Date(p.end.getTime() - 1)) };
};

export const periodView = (p: Period) => ({ kind: p.kind, key: p.key, label: p.label, start: p.start.toISOString(), end: p.end.toISOString() });
