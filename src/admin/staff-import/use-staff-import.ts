import { useState } from 'react';
import { adminStaffImportContract, adminStaffImportTemplateContract } from '../../../domain/api/admin.contracts';
import type { ResponseOf } from '../../../domain/api/contract';
import { call } from '../../services/api-client';
import type { PickedFile } from '../carrier-import/import-file';
import { localImportProblem, uploadImportFile } from '../import-upload';
import { useAdminCall } from '../use-admin-call';

export type StaffImportReport = ResponseOf<typeof adminStaffImportContract>;
export type IssuedInvite = StaffImportReport['invites'][number];
type InvitesFile = NonNullable<StaffImportReport['invitesFile']>;

/**
 * Template → upload (in chunks) → dry run → report → apply, with the same file. The invite codes an apply issued
 * live only in this page's state: shown once, downloadable, gone when the page is left.
 */
export const useStaffImport = () => {
  const [file, setFile] = useState<{ name: string; uploadId: string } | null>(null);
  const [report, setReport] = useState<StaffImportReport | null>(null);
  const [localError, setLocalError] = useState<string | null>(null);
  // An apply that ran out of time is continued with the same file; its codes add up across the calls.
  const [issued, setIssued] = useState<{ invites: IssuedInvite[]; files: InvitesFile[] }>({ invites: [], files: [] });
  const work = useAdminCall();

  const check = async (picked: PickedFile) => {
    setReport(null);
    setLocalError(null);
    setIssued({ invites: [], files: [] });
    const problem = localImportProblem(picked);
    if (problem) return setLocalError(problem);
    let uploadId = '';
    const r = await work.run(async () => {
      uploadId = await uploadImportFile(picked);
      return call(adminStaffImportContract, { uploadId, fileName: picked.name, mode: 'dry_run' });
    });
    setFile({ name: picked.name, uploadId });
    if (r) setReport(r);
  };

  return {
    report,
    issued,
    pending: work.pending,
    error: localError ?? work.error?.message ?? null,
    check,
    template: () => work.run(() => call(adminStaffImportTemplateContract, {})),
    apply: async () => {
      if (!file || !report || report.errorCount > 0 || report.fileError) return;
      const r = await work.run(() => call(adminStaffImportContract, { uploadId: file.uploadId, fileName: file.name, mode: 'apply' }));
      if (!r) return;
      setReport(r);
      setIssued((was) => ({ invites: [...was.invites, ...r.invites], files: r.invitesFile ? [...was.files, r.invitesFile] : was.files }));
    },
  };
};
