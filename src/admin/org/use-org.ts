import { adminHandoverPreviewContract, adminHandoverResumeContract, adminHandoverStartContract, adminOrgGetContract, adminRotaSetContract, adminStaffCreateContract, adminStaffInviteContract, adminStaffRevokeContract, adminStaffSetEnglishContract, adminStaffSetRolesContract, adminTeamSaveContract, adminUnitSaveContract } from '../../../domain/api/admin.contracts';
import type { RequestOf } from '../../../domain/api/contract';
import { usePageParams } from '../../hooks/use-page-params';
import { useResource } from '../../hooks/use-resource';
import { call } from '../../services/api-client';
import { useAdminCall } from '../use-admin-call';

/** Units, teams, people, invites and the rota of one district, with the writes the org and staff pages make. */
export const useOrg = () => {
  const districtId = usePageParams().districtId || undefined;
  const org = useResource<typeof adminOrgGetContract.response>({ key: `admin.org:${districtId ?? ''}`, fetch: () => call(adminOrgGetContract, districtId ? { districtId } : {}) });
  const write = useAdminCall();
  const after = async <T>(work: () => Promise<T>): Promise<T | null> => {
    const done = await write.run(work);
    if (done) await org.reload();
    return done;
  };
  return {
    org,
    pending: write.pending,
    error: write.error,
    saveUnit: (input: RequestOf<typeof adminUnitSaveContract>) => after(() => call(adminUnitSaveContract, input)),
    saveTeam: (input: RequestOf<typeof adminTeamSaveContract>) => after(() => call(adminTeamSaveContract, input)),
    setRota: (day: string, staffId: string | null) => after(() => call(adminRotaSetContract, { day, staffId })),
    createStaff: (input: RequestOf<typeof adminStaffCreateContract>) => after(() => call(adminStaffCreateContract, input)),
    invite: (staffId: string, op: 'reissue' | 'revoke') => after(() => call(adminStaffInviteContract, { staffId, op })),
    setRoles: (staffId: string, roles: RequestOf<typeof adminStaffSetRolesContract>['roles']) => after(() => call(adminStaffSetRolesContract, { staffId, roles })),
    setEnglish: (input: RequestOf<typeof adminStaffSetEnglishContract>) => after(() => call(adminStaffSetEnglishContract, input)),
    revoke: (staffId: string, cardSuccessorStaffId?: string) => after(() => call(adminStaffRevokeContract, cardSuccessorStaffId ? { staffId, cardSuccessorStaffId } : { staffId })),
    handoverPreview: (staffId: string) => write.run(() => call(adminHandoverPreviewContract, { staffId })),
    handoverStart: (staffId: string, successorStaffId: string) => write.run(() => call(adminHandoverStartContract, { staffId, successorStaffId })),
    handoverResume: (handoverId: string) => write.run(() => call(adminHandoverResumeContract, { handoverId })),
  };
};
