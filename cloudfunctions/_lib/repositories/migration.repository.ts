import { COLLECTIONS } from '../store/collections';
import { isStoreError, type DocumentStore } from '../store/store-port';

const C = COLLECTIONS.migrations.name;
const ROLLUPS_ID = 'rollups';

/**
 * The roll-up migration's progress: the schema version every district's rows are at (`version`), and while a
 * newer one is being applied (`target`), the districts already done for it and where the district in progress
 * got to (`cursor`: its next China day to recount; the days before it are done).
 */
export interface RollupMigrationState {
  _id: string;
  version: number;
  target: number | null;
  doneDistrictIds: string[];
  cursor?: { districtId: string; nextDay: string } | null;
  startedAt: string | null;
  finishedAt: string | null;
  [k: string]: unknown;
}

export const getRollupMigration = async (store: DocumentStore): Promise<RollupMigrationState> =>
  (await store.get<RollupMigrationState>(C, ROLLUPS_ID)) ?? { _id: ROLLUPS_ID, version: 0, target: null, doneDistrictIds: [], startedAt: null, finishedAt: null };

/** Stores the progress (created on the first save; a run racing this one writes the same districts). */
export const saveRollupMigration = async (store: DocumentStore, state: RollupMigrationState): Promise<void> => {
  const { _id, ...fields } = state;
  if (await store.update(C, _id, { set: fields })) return;
  try {
    await store.insert<RollupMigrationState>(C, state);
  } catch (error) {
    if (!isStoreError(error, 'STORE.DUPLICATE_ID')) throw error;
    await store.update(C, _id, { set: fields });
  }
};
