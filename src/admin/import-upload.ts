import { adminImportUploadContract } from '../../domain/api/admin.contracts';
import { IMPORT_MAX_BYTES } from '../../domain/import/import-file.rules';
import { call } from '../services/api-client';
import type { PickedFile } from './import-file';

/** What every import page checks on the device before sending a byte, and how it sends the file (in chunks). */
const CHUNK = 48_000;
const MAX_BASE64 = Math.ceil((IMPORT_MAX_BYTES * 4) / 3) + 4;
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const newUploadId = () => `up_${Array.from({ length: 16 }, () => ALPHABET[Math.floor(Math.random() * ALPHABET.length)]).join('')}`;

/** A reason to refuse the file before uploading it, or null. */
export const localImportProblem = (picked: PickedFile): string | null => {
  if (!/\.(xlsx|csv)$/i.test(picked.name)) return '请上传 .xlsx 或 .csv 文件（可先下载模板）';
  if (picked.base64.length > MAX_BASE64) return '文件过大（最多 2 MB），请分批导入';
  return null;
};

/** Sends the file through `admin.import.upload`, chunk by chunk; the id is what the import reads. */
export const uploadImportFile = async (picked: PickedFile): Promise<string> => {
  const uploadId = newUploadId();
  const chunks = picked.base64.match(new RegExp(`.{1,${CHUNK}}`, 'g')) ?? [];
  for (const [index, chunk] of chunks.entries()) await call(adminImportUploadContract, { uploadId, index, total: chunks.length, chunk });
  return uploadId;
};
