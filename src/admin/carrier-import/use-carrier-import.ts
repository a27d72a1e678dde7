import { useState } from 'react';
import { adminCarrierImportContract, adminImportUploadContract } from '../../../domain/api/admin.contracts';
import type { ResponseOf } from '../../../domain/api/contract';
import { call } from '../../services/api-client';
import { useAdminCall } from '../use-admin-call';
import type { PickedFile } from './import-file';

export type ImportReport = ResponseOf<typeof adminCarrierImportContract>;

const CHUNK = 48_000;
const MAX_BASE64 = Math.ceil((2 * 1024 * 1024 * 4) / 3) + 4;
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const newUploadId = () => `up_${Array.from({ length: 16 }, () => ALPHABET[Math.floor(Math.random() * ALPHABET.length)]).join('')}`;

/** Upload (in chunks) → dry run → report → apply, with the same file; a new file starts over. */
export const useCarrierImport = () => {
  const [file, setFile] = useState<{ name: string; uploadId: string } | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [localError, setLocalError] = useState<string | null>(null);
  const work = useAdminCall();

  const check = async (picked: PickedFile) => {
    setReport(null);
    setLocalError(null);
    if (!/\.(xlsx|csv)$/i.test(picked.name)) return setLocalError('请上传 .xlsx 或 .csv 文件（可先下载模板）');
    if (picked.base64.length > MAX_BASE64) return setLocalError('文件过大（最多 2 MB），请分批导入');
    const uploadId = newUploadId();
    const chunks = picked.base64.match(new RegExp(`.{1,${CHUNK}}`, 'g')) ?? [];
    const r = await work.run(async () => {
      for (const [index, chunk] of chunks.entries()) await call(adminImportUploadContract, { uploadId, index, total: chunks.length, chunk });
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
