import type { District } from './district.schema';
import type { DutyDay } from './duty-rota.schema';

import { chinaDay } from '../common/time';

/** The rota is kept per China-local day. */
export { chinaDay };

export const dutyDayId = (districtId: string, day: string): string => `${districtId}:${day}`;

/**
 * Who answers for the district on a given day: the rota's entry for that day, else the district's standing
 * on-duty commissioner. Cards that delegate to "on duty" and the SLA ladder's reassignment both ask this.
 */
export const onDutyStaffIdFor = (district: Pick<District, 'onDutyStaffId'>, entry: Pick<DutyDay, 'staffId'> | null): string | null =>
  entry?.staffId ?? district.onDutyStaffId ?? null;
