import { useState } from 'react';
import type { adminCarrierImportContract } from '../../domain/api/admin.contracts';
import type { RequestOf, ResponseOf } from '../../domain/api/contract';
import type { PickedFile } from './import-file';
import { localImportProblem, uploadImportFile } from './import-upload';
import { useAdminCall } from './use-admin-call';

/** What every spreadsheet import sends and answers (the staff import adds its invite codes to the answer). */
export type ImportRequest = RequestOf<typeof adminCarrierImportContract>;
export type ImportReport = ResponseOf<typeof adminCarrierImportContract>;

/**
 * Upload (in chunks) → dry run → report → apply, with the same file; a new file starts over. An apply that ran out
 * of time is applied again with the same upload, which carries on where it stopped. `send` is the import's call.
 */
export const useSpreadsheetImport = <R extends ImportReport>(send: (input: ImportRequest) => Promise<R>, hooks: { onNewFile?: () => void; onApplied?: (report: R) => void } = {}) => {
  const [file, setFile] = useState<{ name: string; uploadId: string } | null>(null);
  const [report, setReport] = useState<R | null>(null);
  const [localError, setLocalError] = useState<string | null>(null);
  const work = useAdminCall();

  const check = async (picked: PickedFile) => {
    setReport(null);
    setLocalError(null);
    hooks.onNewFile?.();
    const problem = localImportProblem(picked);
    if (problem) return setLocalError(problem);
    let uploadId = '';
    const r = await work.run(async () => {
      uploadId = await uploadImportFile(picked);
      return send({ uploadId, fileName: picked.name, mode: 'dry_run' });
    });
    setFile({ name: picked.name, uploadId });
    if (r) setReport(r);
  };

  return {
    report,
    pending: work.pending,
    error: localError ?? work.error?.message ?? null,
    /** Runs another call of the page (a template) with the same pending state and error. */
    run: work.run,
    check,
    /** Applies the checked file, or carries an unfinished apply on. */
    apply: async () => {
      if (!file || !report || report.errorCount > 0 || report.fileError) return;
      const r = await work.run(() => send({ uploadId: file.uploadId, fileName: file.name, mode: 'apply' }));
      if (!r) return;
      setReport(r);
      hooks.onApplied?.(r);
    },
  };
};

export type SpreadsheetImport<R extends ImportReport> = ReturnType<typeof useSpreadsheetImport<R>>;
