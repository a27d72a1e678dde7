import type { District } from '../../../domain/org/district.schema';
import { chinaDay, dutyDayId, onDutyStaffIdFor } from '../../../domain/org/duty-rota.rules';
import type { DutyDay } from '../../../domain/org/duty-rota.schema';
import { COLLECTIONS } from '../store/collections';
import type { TransactionStore } from '../store/store-port';

const C = COLLECTIONS.dutyRota.name;

export const getDutyDay = (store: TransactionStore, districtId: string, day: string) => store.get<DutyDay>(C, dutyDayId(districtId, day));

/** Read by id, one per day: the rota needs no index. */
export const getDutyDays = (store: TransactionStore, districtId: string, days: readonly string[]) => Promise.all(days.map((d) => getDutyDay(store, districtId, d)));

/** Who is on duty for the district at `at` (China-time day): the rota's entry, else the standing on-duty commissioner. */
export const onDutyStaffIdAt = async (store: TransactionStore, district: Pick<District, '_id' | 'onDutyStaffId'>, at: Date): Promise<string | null> =>
  onDutyStaffIdFor(district, await getDutyDay(store, district._id, chinaDay(at)));

export const putDutyDay = async (tx: TransactionStore, entry: DutyDay): Promise<void> => {
  if (!(await tx.update(C, entry._id, { set: { staffId: entry.staffId, updatedAt: entry.updatedAt } }))) await tx.insert(C, entry);
};

export const removeDutyDay = (tx: TransactionStore, districtId: string, day: string) => tx.remove(C, dutyDayId(districtId, day));
