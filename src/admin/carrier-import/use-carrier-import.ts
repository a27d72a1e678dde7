import { useState } from 'react';
import { adminCarrierImportContract } from '../../../domain/api/admin.contracts';
import type { ResponseOf } from '../../../domain/api/contract';
import { call } from '../../services/api-client';
import { localImportProblem, uploadImportFile } from '../import-upload';
import { useAdminCall } from '../use-admin-call';
import type { PickedFile } from './import-file';

export type ImportReport = ResponseOf<typeof adminCarrierImportContract>;

/** Upload (in chunks) → dry run → report → apply, with the same file; a new file starts over. */
export const useCarrierImport = () => {
  const [file, setFile] = useState<{ name: string; uploadId: string } | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [localError, setLocalError] = useState<string | null>(null);
  const work = useAdminCall();

  const check = async (picked: PickedFile) => {
    setReport(null);
    setLocalError(null);
    const problem = localImportProblem(picked);
    if (problem) return setLocalError(problem);
    let uploadId = '';
    const r = await work.run(async () => {
      uploadId = await uploadImportFile(picked);
      return call(adminCarrierImportContract, { uploadId, fileName: picked.name, mode: 'dry_run' });
    });
    setFile({ name: picked.name, uploadId });
    if (r) setReport(r);
  };

  return {
    file,
    report,
    pending: work.pending,
    error: localError ?? work.error?.message ?? null,
    check,
    apply: async () => {
      if (!file || !report || report.errorCount > 0 || report.fileError) return;
      const r = await work.run(() => call(adminCarrierImportContract, { uploadId: file.uploadId, fileName: file.name, mode: 'apply' }));
      if (r) setReport(r);
    },
  };
};
