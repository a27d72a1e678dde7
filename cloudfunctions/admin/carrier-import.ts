import { adminCarrierImportContract } from '../../domain/api/admin.contracts';
import type { Carrier } from '../../domain/carrier/carrier.schema';
import { IMPORT_COLUMNS, ROW_REASONS, validateImportRow } from '../../domain/carrier/carrier-import.rules';
import { defineAction } from '../_lib/define-action';
import { recordAudit } from '../_lib/repositories/audit.repository';
import { getAnyCarrier, putCarrier } from '../_lib/repositories/carrier-admin.repository';
import { hashedId } from '../_lib/visitor-hash';
import { fromEdit } from './carrier-save';
import { actorOf, auditEntry, openOfficeForWrite } from './office-context';
import { annotate, checkRows, fileErrorReport, importerScope, openImport, readUploadedFile, rowsReport } from './spreadsheet-import';

/** Compares what an import would write with what is stored, ignoring bookkeeping fields. */
const sameListing = (a: Carrier, b: Carrier): boolean => {
  const strip = ({ updatedAt: _u, lastVerifiedAt: _l, vacancyRemindedAt: _r, createdAt: _c, ...rest }: Carrier) => rest;
  return JSON.stringify(strip(a)) === JSON.stringify(strip({ ...b, _id: a._id }));
};

/**
 * Carrier import, dry run or apply, through one path: the same reading and row validation decide both, and apply
 * writes only a file without bad rows (all or nothing at validation). Rows are keyed by 外部编号, so importing the
 * same file twice changes nothing the second time.
 */
export const adminCarrierImportAction = defineAction(adminCarrierImportContract, async (deps, ctx, input) => {
  const office = await openOfficeForWrite(deps, ctx);
  const scope = importerScope(office);
  const opened = await openImport(input.fileName, await readUploadedFile(deps, office.staff._id, input.uploadId), IMPORT_COLUMNS);
  if (!opened.ok) return fileErrorReport(input.mode, opened.fileError);

  const { good, problems } = checkRows(
    opened.rows,
    ({ cells }) => {
      const outcome = validateImportRow(cells, opened.index);
      return outcome.ok ? { ok: true, key: outcome.externalKey, value: outcome.carrier } : outcome;
    },
    { column: '外部编号', code: 'ROW.DUPLICATE_KEY', message: ROW_REASONS['ROW.DUPLICATE_KEY'] },
  );
  const annotatedFile = await annotate(opened.sheet, input.fileName, problems);

  let created = 0;
  let updated = 0;
  let unchanged = 0;
  const now = ctx.now.toISOString();
  const districtId = office.home._id;
  const unitId = scope.kind === 'unit' ? scope.unitId : null;
  for (const { key: externalKey, value: carrier } of good) {
    const id = hashedId('carimp', districtId, externalKey);
    const existing = await getAnyCarrier(deps.store, id);
    const edit = { ...carrier, unitId: unitId ?? existing?.carrier.unitId ?? null };
    const base = existing?.carrier ?? { _id: id, districtId, createdAt: now, lastVerifiedAt: now, vacancyRemindedAt: null };
    const next = fromEdit(edit, base, now, !existing || existing.carrier.vacantArea !== edit.vacantArea || existing.carrier.totalArea !== edit.totalArea);
    if (existing && sameListing(existing.carrier, next)) unchanged += 1;
    else if (existing) updated += 1;
    else created += 1;
    // A dry run stops here: same reading, same checks, nothing written.
    if (input.mode === 'apply' && problems.length === 0 && !(existing && sameListing(existing.carrier, next))) {
      await deps.store.transaction((tx) => putCarrier(tx, next, existing?.listed ?? true, !!existing));
    }
  }
  const applied = input.mode === 'apply' && problems.length === 0;
  if (applied && created + updated > 0) {
    await deps.store.transaction((tx) => recordAudit(tx, auditEntry(deps, ctx, actorOf(office), 'carrier.import', { kind: 'carrier', id: `import:${input.uploadId}` }, null, { fileName: input.fileName, created, updated, unchanged })));
  }
  return rowsReport(input.mode, opened.rows.length, good.length, problems, { created, updated, unchanged }, annotatedFile);
});
