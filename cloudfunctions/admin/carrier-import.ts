import { adminCarrierImportContract } from '../../domain/api/admin.contracts';
import type { Carrier } from '../../domain/carrier/carrier.schema';
import { IMPORT_COLUMNS, isTemplateExampleRow, ROW_REASONS, templateExampleNote, validateImportRow } from '../../domain/carrier/carrier-import.rules';
import { defineAction } from '../_lib/define-action';
import type { Deps } from '../_lib/deps';
import { recordAudit } from '../_lib/repositories/audit.repository';
import { getAnyCarriersByIds, putCarrier } from '../_lib/repositories/carrier-admin.repository';
import { isStoreError } from '../_lib/store/store-port';
import { hashedId } from '../_lib/visitor-hash';
import { carrierCheckedText, fromEdit } from './carrier-save';
import { riskyRows } from './import-content-check';
import { actorOf, auditEntry, openOfficeForWrite } from './office-context';
import { annotate, checkRows, elapsedSince, fileErrorReport, importerScope, openImport, readUploadedFile, resumeRow, rowsReport, writeWithinBudget } from './spreadsheet-import';

/** JSON with keys in a fixed order: a stored document may come back with its fields in another order. */
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );

/** Compares what an import would write with what is stored, ignoring bookkeeping fields. */
const sameListing = (stored: Carrier, next: Carrier): boolean => {
  const strip = ({ updatedAt: _u, lastVerifiedAt: _l, vacancyRemindedAt: _r, createdAt: _c, _rev: _v, ...rest }: Carrier & { _rev?: unknown }) => rest;
  return canonical(strip(stored)) === canonical(strip({ ...next, _id: stored._id }));
};

/** A carrier created by import has an id derived from the district and its 外部编号: a re-import finds it by id. */
const importedCarrierId = (districtId: string, externalKey: string) => hashedId('carimp', districtId, externalKey);

interface PlannedCarrier {
  row: number;
  kind: 'create' | 'update' | 'unchanged';
  carrier: Carrier;
  listed: boolean;
}

/**
 * One row, one document, one request: a carrier is written whole or not at all, so no transaction is needed (it
 * would add a start and a commit to every row's round trip). An insert that finds the id taken lost a race with
 * another apply of the same file, which wrote this very carrier. False: the carrier moved meanwhile (taken off
 * the market or restored), nothing was written, and the next apply finds it where it is now.
 */
const writeCarrier = async (deps: Deps, p: PlannedCarrier): Promise<boolean> => {
  try {
    return await putCarrier(deps.store, p.carrier, p.listed, p.kind === 'update');
  } catch (error) {
    if (p.kind === 'create' && isStoreError(error, 'STORE.DUPLICATE_ID')) return true;
    throw error;
  }
};

/**
 * Carrier import, dry run or apply, through one path: the same reading and row validation decide both, and apply
 * writes only a file without bad rows (all or nothing at validation). Rows are keyed by 外部编号, so importing the
 * same file twice changes nothing the second time. What exists is read in one batch for the whole file; apply
 * writes the rows that differ a few at a time within the time budget and, out of time, says where the next
 * apply of the same file carries on.
 */
export const adminCarrierImportAction = defineAction(adminCarrierImportContract, async (deps, ctx, input) => {
  const elapsedMs = elapsedSince(deps, ctx.now);
  const office = await openOfficeForWrite(deps, ctx);
  const scope = importerScope(office);
  const opened = await openImport(input.fileName, await readUploadedFile(deps, office.staff._id, input.uploadId), IMPORT_COLUMNS);
  if (!opened.ok) return fileErrorReport(input.mode, opened.fileError);

  // The template's example row left in the file is skipped with a note: neither a carrier nor an error.
  const notes = opened.rows.filter((r) => isTemplateExampleRow(r.cells, opened.index)).map((r) => templateExampleNote(r.row));
  const skipped = new Set(notes.map((n) => n.row));
  const { good, problems } = checkRows(
    opened.rows.filter((r) => !skipped.has(r.row)),
    ({ cells }) => {
      const outcome = validateImportRow(cells, opened.index);
      return outcome.ok ? { ok: true, key: outcome.externalKey, value: outcome.carrier } : outcome;
    },
    { column: '外部编号', code: 'ROW.DUPLICATE_KEY', message: ROW_REASONS['ROW.DUPLICATE_KEY'] },
  );
  const now = ctx.now.toISOString();
  const districtId = office.home._id;
  const unitId = scope.kind === 'unit' ? scope.unitId : null;
  const stored = await getAnyCarriersByIds(deps.store, good.map((g) => importedCarrierId(districtId, g.key)));
  const checked: PlannedCarrier[] = good.map(({ row, key, value }) => {
    const id = importedCarrierId(districtId, key);
    const existing = stored.get(id);
    const was = existing?.carrier;
    // What the file has no column for (photos, policies, floors, a staff manager) stays as the office set it.
    const edit = {
      ...value,
      unitId: unitId ?? was?.unitId ?? null,
      photos: was?.photos ?? value.photos,
      policies: was?.policies ?? value.policies,
      floors: was ? (was.floors ?? null) : value.floors,
      // The staff manager set in the editor stays while the file names the same manager; another one replaces them.
      managerStaffId: was && was.managerName === value.managerName && was.managerPhone === value.managerPhone ? (was.managerStaffId ?? null) : value.managerStaffId,
    };
    const base = was ?? { _id: id, districtId, createdAt: now, lastVerifiedAt: now, vacancyRemindedAt: null };
    const next = fromEdit(edit, base, now, !was || was.vacantArea !== edit.vacantArea || was.totalArea !== edit.totalArea);
    const kind = !existing ? 'create' : sameListing(existing.carrier, next) ? 'unchanged' : 'update';
    return { row, kind, carrier: next, listed: existing?.listed ?? true };
  });
  // The editor's content check on every row whose text is new or changed (an unchanged text passed when it was
  // stored), in batches of joined rows (import-content-check.ts): a refused row is a row problem, so apply of
  // the file writes nothing and the annotated file says which rows and why.
  const toCheck = checked
    .filter((p) => p.kind !== 'unchanged')
    .map((p) => ({ row: p.row, text: carrierCheckedText(p.carrier), was: stored.get(p.carrier._id)?.carrier }))
    .filter((r) => !r.was || carrierCheckedText(r.was) !== r.text);
  const { risky } = await riskyRows(deps.contentCheck, ctx.openid, toCheck);
  for (const row of risky) problems.push({ row, column: null, code: 'ROW.CONTENT_REJECTED', message: ROW_REASONS['ROW.CONTENT_REJECTED'] });
  problems.sort((a, b) => a.row - b.row);
  const planned = checked.filter((p) => !risky.has(p.row));
  const annotatedFile = await annotate(opened.sheet, input.fileName, problems, notes);
  const counts = {
    created: planned.filter((p) => p.kind === 'create').length,
    updated: planned.filter((p) => p.kind === 'update').length,
    unchanged: planned.filter((p) => p.kind === 'unchanged').length,
  };
  const report = { ...rowsReport(input.mode, opened.rows.length, planned.length, problems, counts, annotatedFile), notes };
  // A dry run stops here: same reading, same checks, nothing written. Apply writes only a clean file.
  if (input.mode === 'dry_run' || problems.length > 0) return report;

  const pending = planned.filter((p) => p.kind !== 'unchanged');
  const { results } = await writeWithinBudget(pending, (p) => writeCarrier(deps, p), elapsedMs);
  const resumeFromRow = resumeRow(pending, results);
  const complete = resumeFromRow === null;
  if (results.some(Boolean)) {
    await deps.store.transaction((tx) =>
      recordAudit(tx, auditEntry(deps, ctx, actorOf(office), 'carrier.import', { kind: 'carrier', id: `import:${input.uploadId}` }, null, { fileName: input.fileName, ...counts, written: results.filter(Boolean).length, complete })),
    );
  }
  // Out of time: the counts say what the file needs; what was written shows on the next apply as unchanged.
  return { ...report, complete, resumeFromRow };
});
