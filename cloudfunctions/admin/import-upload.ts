import { adminImportUploadContract } from '../../domain/api/admin.contracts';
import { DomainError } from '../../domain/common/result';
import { defineAction } from '../_lib/define-action';
import { getChunk, putChunk } from '../_lib/repositories/import-chunk.repository';
import { openOfficeForWrite } from './office-context';
import { importerScope } from './spreadsheet-import';

/** Stores one chunk of an import file; the chunks belong to the caller and their district only. */
export const adminImportUploadAction = defineAction(adminImportUploadContract, async (deps, ctx, input) => {
  const office = await openOfficeForWrite(deps, ctx);
  importerScope(office);
  if (input.index >= input.total) throw new DomainError('VALIDATION.INVALID_INPUT', ['index']);
  const existing = await getChunk(deps.store, input.uploadId, input.index);
  if (existing && existing.staffId !== office.staff._id) throw new DomainError('AUTH.FORBIDDEN');
  await deps.store.transaction((tx) =>
    putChunk(tx, { _id: `${input.uploadId}:${input.index}`, districtId: office.home._id, staffId: office.staff._id, index: input.index, total: input.total, data: input.chunk, createdAt: ctx.now.toISOString() }),
  );
  let received = 0;
  for (let i = 0; i < input.total; i += 1) if (await getChunk(deps.store, input.uploadId, i)) received += 1;
  return { received, total: input.total };
});
