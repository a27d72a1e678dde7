import type { Team } from '../../../domain/org/team.schema';
import { COLLECTIONS } from '../store/collections';
import type { DocumentStore, TransactionStore } from '../store/store-port';

const C = COLLECTIONS.teams.name;

export const getTeam = (store: TransactionStore, id: string) => store.get<Team>(C, id);

export const listTeams = (store: DocumentStore, districtId: string) =>
  store.find<Team>(C, { where: { districtId }, orderBy: [{ field: '_id', direction: 'asc' }], limit: 200 });

export const insertTeam = (tx: TransactionStore, team: Team) => tx.insert(C, team);

export const updateTeam = (tx: TransactionStore, id: string, fields: Pick<Team, 'name' | 'leaderStaffId' | 'memberStaffIds' | 'updatedAt'>) => tx.update(C, id, { set: fields });
