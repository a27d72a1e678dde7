import { adminAuditListContract } from '../../domain/api/admin.contracts';
import { DomainError } from '../../domain/common/result';
import { defineAction } from '../_lib/define-action';
import { listAudit } from '../_lib/repositories/audit.repository';
import { listAllDistrictStaff } from '../_lib/repositories/org-admin.repository';
import { openOffice, requireDistrictAdmin } from './office-context';

const decode = (s: string | undefined) => {
  if (!s) return undefined;
  const m = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?Z)\|([A-Za-z0-9_-]{1,64})$/.exec(s);
  if (!m) throw new DomainError('VALIDATION.INVALID_INPUT', ['cursor']);
  return { at: m[1], id: m[2] };
};

/** 操作记录: the district admin reads who changed what, newest first. */
export const adminAuditListAction = defineAction(adminAuditListContract, async (deps, ctx, input) => {
  const office = await openOffice(deps, ctx);
  requireDistrictAdmin(office);
  const [page, staff] = await Promise.all([listAudit(deps.store, office.home._id, input.limit + 1, decode(input.cursor)), listAllDistrictStaff(deps.store, office.home._id)]);
  const names = new Map(staff.map((s) => [s._id, s.name]));
  const items = page.slice(0, input.limit);
  const last = items[items.length - 1];
  return {
    // The log also holds the workspace's contact reveals (lead, staff, time): shown beside the office's changes.
    items: items.map((e) => ({
      id: e._id,
      action: e.action,
      targetKind: e.target?.kind ?? 'lead',
      targetId: e.target?.id ?? (typeof e.leadId === 'string' ? e.leadId : ''),
      actorName: e.actorName ?? (e.staffId ? (names.get(e.staffId) ?? '') : ''),
      at: e.at,
      before: e.before ?? null,
      after: e.after ?? null,
    })),
    nextCursor: page.length > input.limit && last ? `${last.at}|${last._id}` : null,
  };
});
