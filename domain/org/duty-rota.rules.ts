import type { District } from './district.schema';
import type { DutyDay } from './duty-rota.schema';

const CHINA_OFFSET_MS = 8 * 3600_000;

/** The China-time calendar day of an instant, `YYYY-MM-DD` (the rota is kept per local day). */
export const chinaDay = (at: Date): string => new Date(at.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);

export const dutyDayId = (districtId: string, day: string): string => `${districtId}:${day}`;

/**
 * Who answers for the district on a given day: the rota's entry for that day, else the district's standing
 * on-duty commissioner. Cards that delegate to "on duty" and the SLA ladder's reassignment both ask this.
 */
export const onDutyStaffIdFor = (district: Pick<District, 'onDutyStaffId'>, entry: Pick<DutyDay, 'staffId'> | null): string | null =>
  entry?.staffId ?? district.onDutyStaffId ?? null;
