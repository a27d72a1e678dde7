import { useState } from 'react';
import { adminStaffImportContract, adminStaffImportTemplateContract } from '../../../domain/api/admin.contracts';
import type { ResponseOf } from '../../../domain/api/contract';
import { call } from '../../services/api-client';
import { useSpreadsheetImport } from '../use-spreadsheet-import';

export type StaffImportReport = ResponseOf<typeof adminStaffImportContract>;
export type IssuedInvite = StaffImportReport['invites'][number];
type InvitesFile = NonNullable<StaffImportReport['invitesFile']>;

/**
 * Template → upload (in chunks) → dry run → report → apply, with the same file. The invite codes an apply issued
 * live only in this page's state: shown once, downloadable, gone when the page is left.
 */
export const useStaffImport = () => {
  // An apply that ran out of time is continued with the same file; its codes add up across the calls.
  const [issued, setIssued] = useState<{ invites: IssuedInvite[]; files: InvitesFile[] }>({ invites: [], files: [] });
  const imp = useSpreadsheetImport((input) => call(adminStaffImportContract, input), {
    onNewFile: () => setIssued({ invites: [], files: [] }),
    onApplied: (r) => setIssued((was) => ({ invites: [...was.invites, ...r.invites], files: r.invitesFile ? [...was.files, r.invitesFile] : was.files })),
  });
  return { ...imp, issued, template: () => imp.run(() => call(adminStaffImportTemplateContract, {})) };
};
