import { adminStaffImportContract, adminStaffImportTemplateContract } from '../../domain/api/admin.contracts';
import { DomainError } from '../../domain/common/result';
import { rolesGrantableBy } from '../../domain/org/admin-access.rules';
import { hasInvite, inviteExpiry } from '../../domain/org/invite.rules';
import type { Staff } from '../../domain/org/staff.schema';
import {
  findImportMatch,
  indexPeople,
  planStaffRow,
  STAFF_IMPORT_COLUMNS,
  STAFF_IMPORT_MAX_ROWS,
  STAFF_ROW_REASONS,
  validateStaffRow,
  type StaffImportRow,
  type StaffPlan,
  type StaffRowReason,
} from '../../domain/org/staff-import.rules';
import type { RowProblem } from '../../domain/import/import-file.rules';
import { defineAction, type ActionContext } from '../_lib/define-action';
import type { Deps } from '../_lib/deps';
import { recordAudit } from '../_lib/repositories/audit.repository';
import { getStaffTx, insertStaff, updateStaffFields } from '../_lib/repositories/org-admin.repository';
import { listUnits } from '../_lib/repositories/org.repository';
import { getStaffByIds } from '../_lib/repositories/staff.repository';
import { listEveryDistrictStaff } from '../_lib/repositories/staff-import.repository';
import { hashedId } from '../_lib/visitor-hash';
import { actorOf, auditEntry, openOfficeForWrite, snapshot, type Office } from './office-context';
import { annotate, checkRows, elapsedSince, fileErrorReport, importerScope, openImport, readUploadedFile, resumeRow, rowsReport, writeWithinBudget } from './spreadsheet-import';
import { invitesFile, staffTemplateFile } from './staff-import-files';
import { freshInviteCode } from './staff-access';

/** The template names the units the caller may import into (a unit leader: their own). */
export const adminStaffImportTemplateAction = defineAction(adminStaffImportTemplateContract, async (deps, ctx) => {
  const office = await openOfficeForWrite(deps, ctx);
  const scope = importerScope(office);
  const units = await listUnits(deps.store, office.home._id);
  return staffTemplateFile(units.filter((u) => scope.kind === 'district' || u._id === scope.unitId).map((u) => u.name));
});

/** A person created by import has an id derived from the district and the row's key: a re-import finds them by id. */
const importedStaffId = (districtId: string, key: string) => hashedId('staffimp', districtId, key);

type Issued = { staffId: string; name: string; phone: string; inviteCode: string; inviteExpiresAt: string };

/** Writes one planned row in its own transaction, with its audit entry; returns the code it issued, if any. */
const applyPlan = async (deps: Deps, ctx: ActionContext, office: Office, plan: StaffPlan, id: string): Promise<Issued | null> => {
  const actor = actorOf(office);
  const at = ctx.now.toISOString();
  if (plan.kind === 'unchanged') return null;
  if (plan.kind === 'create') {
    const { code: inviteCode, hash: inviteCodeHash } = await freshInviteCode(deps);
    const inviteExpiresAt = inviteExpiry(ctx.now);
    const row: StaffImportRow = plan.row;
    const staff: Staff = {
      _id: id,
      districtId: office.home._id,
      unitId: row.unitId,
      name: row.name,
      title: row.title,
      ...(row.nameEn ? { nameEn: row.nameEn } : {}),
      ...(row.titleEn ? { titleEn: row.titleEn } : {}),
      roles: row.roles,
      status: 'invited',
      phone: row.phone,
      employeeNo: row.employeeNo,
      industryFocus: [],
      openid: null,
      // Only the hash is stored; the code goes out in this answer and its invite sheet, once.
      inviteCode: null,
      inviteCodeHash,
      inviteExpiresAt,
      createdAt: at,
    };
    const inserted = await deps.store.transaction(async (tx) => {
      // Another apply of the same file got there first: that person exists, nothing to add.
      if (await getStaffTx(tx, id)) return false;
      await insertStaff(tx, staff);
      // Issued like admin.staff.create: the audit says a code was issued, never what it is.
      await recordAudit(tx, auditEntry(deps, ctx, actor, 'staff.create', { kind: 'staff', id }, null, snapshot({ ...staff, inviteCodeHash: '********', via: 'import' })));
      return true;
    });
    return inserted ? { staffId: id, name: staff.name, phone: staff.phone, inviteCode, inviteExpiresAt } : null;
  }
  const issued = plan.reissueInvite ? await freshInviteCode(deps) : null;
  const inviteCode = issued?.code ?? null;
  const inviteExpiresAt = inviteCode ? inviteExpiry(ctx.now) : null;
  const set: Partial<Staff> = { ...plan.set, ...(issued ? { inviteCode: null, inviteCodeHash: issued.hash, inviteExpiresAt } : {}) };
  return deps.store.transaction(async (tx) => {
    const before = await getStaffTx(tx, plan.staff._id);
    if (!before) throw new DomainError('STAFF.NOT_FOUND', ['staffId']);
    // Bound or revoked since the plan was made: the person's account is no longer the import's to change.
    if (before.status !== plan.staff.status || before.openid !== plan.staff.openid) throw new DomainError('STORE.BUSY');
    await updateStaffFields(tx, before._id, set);
    const fields = Object.keys(plan.set) as Array<keyof Staff>;
    if (fields.length) {
      await recordAudit(tx, auditEntry(deps, ctx, actor, 'staff.update', { kind: 'staff', id: before._id }, snapshot(Object.fromEntries(fields.map((f) => [f, before[f] ?? null]))), snapshot({ ...plan.set, via: 'import' })));
    }
    if (inviteCode) {
      await recordAudit(tx, auditEntry(deps, ctx, actor, 'staff.invite_reissue', { kind: 'staff', id: before._id }, { invite: hasInvite(before) ? 'issued' : 'none', expiresAt: before.inviteExpiresAt ?? null }, { invite: 'issued', expiresAt: inviteExpiresAt, via: 'import' }));
    }
    return inviteCode && inviteExpiresAt ? { staffId: before._id, name: set.name ?? before.name, phone: set.phone ?? before.phone, inviteCode, inviteExpiresAt } : null;
  });
};

/**
 * Staff import, dry run or apply, through one path (the shared spreadsheet machinery, then the staff rules of
 * domain/org/staff-import.rules.ts): the dry run reports exactly the verdicts apply would reach, and apply writes
 * only a file without bad rows. Each new person gets a one-time invite code, returned once with an .xlsx of them.
 */
export const adminStaffImportAction = defineAction(adminStaffImportContract, async (deps, ctx, input) => {
  const elapsedMs = elapsedSince(deps, ctx.now);
  const office = await openOfficeForWrite(deps, ctx);
  const scope = importerScope(office);
  const opened = await openImport(input.fileName, await readUploadedFile(deps, office.staff._id, input.uploadId), STAFF_IMPORT_COLUMNS, STAFF_IMPORT_MAX_ROWS);
  const noInvites = { invitesDue: 0, invites: [], invitesFile: null };
  if (!opened.ok) return { ...fileErrorReport(input.mode, opened.fileError), ...noInvites };

  const districtId = office.home._id;
  const [units, people] = await Promise.all([listUnits(deps.store, districtId), listEveryDistrictStaff(deps.store, districtId)]);
  const phones = new Set<string>();
  const { good, problems } = checkRows(
    opened.rows,
    ({ cells }) => {
      const outcome = validateStaffRow(cells, opened.index, units);
      if (!outcome.ok) return outcome;
      // Two rows with different 工号 but one phone would be two people sharing a number.
      if (phones.has(outcome.value.phone)) return { ok: false, problem: { code: 'ROW.DUPLICATE_KEY' as StaffRowReason, column: '手机', message: STAFF_ROW_REASONS['ROW.DUPLICATE_KEY'] } };
      phones.add(outcome.value.phone);
      return outcome;
    },
    { column: '工号', code: 'ROW.DUPLICATE_KEY', message: STAFF_ROW_REASONS['ROW.DUPLICATE_KEY'] },
  );

  const byKey = await getStaffByIds(deps.store, good.map((g) => importedStaffId(districtId, g.key)));
  const caller = { unitId: scope.kind === 'unit' ? scope.unitId : null, grantable: rolesGrantableBy(office.staff) };
  const index = indexPeople(people);
  const activeAdmins = people.filter((p) => p.status === 'active' && p.roles.includes('admin')).length;
  const planned: Array<{ row: number; id: string; plan: StaffPlan }> = [];
  const rowProblems: Array<RowProblem<StaffRowReason>> = [...problems];
  const matched = new Set<string>();
  for (const g of good) {
    const id = importedStaffId(districtId, g.key);
    const found = findImportMatch(g.value, byKey.get(id) ?? null, index);
    const verdict = found.ok ? planStaffRow(g.value, found.match, caller, activeAdmins, ctx.now) : found;
    if (!verdict.ok) {
      rowProblems.push({ row: g.row, ...verdict.problem });
      continue;
    }
    const personId = verdict.plan.kind === 'create' ? id : verdict.plan.staff._id;
    if (matched.has(personId)) {
      rowProblems.push({ row: g.row, column: null, code: 'ROW.DUPLICATE_PERSON', message: STAFF_ROW_REASONS['ROW.DUPLICATE_PERSON'] });
      continue;
    }
    matched.add(personId);
    planned.push({ row: g.row, id: personId, plan: verdict.plan });
  }
  rowProblems.sort((a, b) => a.row - b.row);
  const annotatedFile = await annotate(opened.sheet, input.fileName, rowProblems);
  const counts = {
    created: planned.filter((p) => p.plan.kind === 'create').length,
    updated: planned.filter((p) => p.plan.kind === 'update' && Object.keys(p.plan.set).length > 0).length,
    unchanged: planned.filter((p) => p.plan.kind === 'unchanged' || (p.plan.kind === 'update' && Object.keys(p.plan.set).length === 0)).length,
  };
  const invitesDue = planned.filter((p) => p.plan.kind === 'create' || (p.plan.kind === 'update' && p.plan.reissueInvite)).length;
  const report = rowsReport(input.mode, opened.rows.length, planned.length, rowProblems, counts, annotatedFile);
  // A dry run stops here: same reading, same verdicts, nothing written. Apply writes only a clean file.
  if (input.mode === 'dry_run' || rowProblems.length > 0) return { ...report, invitesDue: input.mode === 'dry_run' ? invitesDue : 0, invites: [], invitesFile: null };

  // Rows already as the file says need no write; the rest are written a few at a time within the budget.
  const pending = planned.filter((p) => p.plan.kind !== 'unchanged');
  const { results, complete } = await writeWithinBudget(pending, ({ id, plan }) => applyPlan(deps, ctx, office, plan, id), elapsedMs);
  // Every row started was written (a failed one fails the call), so the next apply starts at the first not started.
  const resumeFromRow = complete ? null : resumeRow(pending, results.map(() => true));
  const invites = results.filter((r): r is Issued => r !== null);
  if (counts.created + counts.updated + invites.length > 0) {
    await deps.store.transaction((tx) =>
      recordAudit(tx, auditEntry(deps, ctx, actorOf(office), 'staff.import', { kind: 'staff', id: `import:${input.uploadId}` }, null, { fileName: input.fileName, ...counts, invitesIssued: invites.length, complete })),
    );
  }
  // Out of time: the counts say what the file needs; what was written shows on the next apply as unchanged.
  return { ...report, complete, resumeFromRow, invitesDue: invites.length, invites, invitesFile: invites.length ? await invitesFile(invites, ctx.now) : null };
});
