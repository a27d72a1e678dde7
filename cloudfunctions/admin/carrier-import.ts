import { adminCarrierImportContract } from '../../domain/api/admin.contracts';
import type { Carrier } from '../../domain/carrier/carrier.schema';
import {
  FILE_REASONS,
  IMPORT_ERRORS_SHOWN,
  IMPORT_MAX_BYTES,
  IMPORT_MAX_ROWS,
  mapHeader,
  ROW_REASONS,
  validateImportRow,
  type FileReason,
  type RowProblem,
} from '../../domain/carrier/carrier-import.rules';
import { DomainError } from '../../domain/common/result';
import { adminScopeOf } from '../../domain/org/admin-access.rules';
import { defineAction } from '../_lib/define-action';
import { recordAudit } from '../_lib/repositories/audit.repository';
import { getAnyCarrier, putCarrier } from '../_lib/repositories/carrier-admin.repository';
import { getChunk } from '../_lib/repositories/import-chunk.repository';
import { hashedId } from '../_lib/visitor-hash';
import { fromEdit } from './carrier-save';
import { actorOf, auditEntry, openOfficeForWrite } from './office-context';
import { readSpreadsheet, UnreadableFile } from './spreadsheet-reader';

/** The annotated file rides back in the answer only while it stays well inside a function's 1 MB response. */
const MAX_ANNOTATED_BYTES = 600 * 1024;

const empty = (mode: 'dry_run' | 'apply', code: FileReason) => ({
  mode,
  fileError: { code, message: FILE_REASONS[code] },
  totalRows: 0,
  okRows: 0,
  errorCount: 0,
  errors: [],
  created: 0,
  updated: 0,
  unchanged: 0,
  annotatedFile: null,
});

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
  const scope = adminScopeOf(office.staff);
  if (scope?.kind !== 'district' && scope?.kind !== 'unit') throw new DomainError('AUTH.FORBIDDEN');
  const first = await getChunk(deps.store, input.uploadId, 0);
  if (!first || first.staffId !== office.staff._id) throw new DomainError('IMPORT.UPLOAD_NOT_FOUND', ['uploadId']);
  const parts: string[] = [];
  for (let i = 0; i < first.total; i += 1) {
    const c = i === 0 ? first : await getChunk(deps.store, input.uploadId, i);
    if (!c || c.staffId !== office.staff._id) throw new DomainError('IMPORT.UPLOAD_NOT_FOUND', ['uploadId']);
    parts.push(c.data);
  }
  const buf = Buffer.from(parts.join(''), 'base64');
  if (buf.length > IMPORT_MAX_BYTES) return empty(input.mode, 'IMPORT.TOO_LARGE');

  let sheet;
  try {
    sheet = await readSpreadsheet(input.fileName, buf, IMPORT_MAX_ROWS);
  } catch (error) {
    if (error instanceof UnreadableFile) return empty(input.mode, error.reason);
    return empty(input.mode, 'IMPORT.UNREADABLE');
  }
  if (sheet.rows.length === 0) return empty(input.mode, 'IMPORT.EMPTY');
  if (sheet.rows.length - 1 > IMPORT_MAX_ROWS) return empty(input.mode, 'IMPORT.TOO_MANY_ROWS');
  const { index, missing } = mapHeader(sheet.rows[0]);
  if (missing.length) return { ...empty(input.mode, 'IMPORT.MISSING_COLUMNS'), fileError: { code: 'IMPORT.MISSING_COLUMNS', message: `${FILE_REASONS['IMPORT.MISSING_COLUMNS']}：${missing.join('、')}` } };
  if (sheet.rows.length === 1) return empty(input.mode, 'IMPORT.EMPTY');

  const problems: RowProblem[] = [];
  const good: Array<{ externalKey: string; carrier: ReturnType<typeof validateImportRow> & { ok: true } }> = [];
  const seen = new Set<string>();
  sheet.rows.slice(1).forEach((cells, i) => {
    const row = sheet.rowNumbers[i + 1];
    const outcome = validateImportRow(cells, index);
    if (!outcome.ok) return void problems.push({ row, ...outcome.problem });
    if (seen.has(outcome.externalKey)) return void problems.push({ row, column: '外部编号', code: 'ROW.DUPLICATE_KEY', message: ROW_REASONS['ROW.DUPLICATE_KEY'] });
    seen.add(outcome.externalKey);
    good.push({ externalKey: outcome.externalKey, carrier: outcome });
  });

  let annotatedFile: { fileName: string; base64: string } | null = null;
  if (problems.length) {
    const notes = new Map(problems.map((p) => [p.row, `${p.code} ${p.message}${p.column ? `（${p.column}）` : ''}`]));
    const out = await sheet.annotate('错误原因', notes);
    if (out.length <= MAX_ANNOTATED_BYTES) annotatedFile = { fileName: input.fileName.replace(/(\.[^.]+)$/, '-错误原因$1'), base64: out.toString('base64') };
  }

  let created = 0;
  let updated = 0;
  let unchanged = 0;
  const now = ctx.now.toISOString();
  const districtId = office.home._id;
  const unitId = scope.kind === 'unit' ? scope.unitId : null;
  for (const { externalKey, carrier } of good) {
    const id = hashedId('carimp', districtId, externalKey);
    const existing = await getAnyCarrier(deps.store, id);
    const edit = { ...carrier.carrier, unitId: unitId ?? existing?.carrier.unitId ?? null };
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
  return {
    mode: input.mode,
    fileError: null,
    totalRows: sheet.rows.length - 1,
    okRows: good.length,
    errorCount: problems.length,
    errors: problems.slice(0, IMPORT_ERRORS_SHOWN),
    created: applied || input.mode === 'dry_run' ? created : 0,
    updated: applied || input.mode === 'dry_run' ? updated : 0,
    unchanged: applied || input.mode === 'dry_run' ? unchanged : 0,
    annotatedFile,
  };
});
