import { adminStaffSetEnglishContract } from '../../domain/api/admin.contracts';
import { DomainError } from '../../domain/common/result';
import { defineAction } from '../_lib/define-action';
import { recordAudit } from '../_lib/repositories/audit.repository';
import { getStaffTx, updateStaffFields } from '../_lib/repositories/org-admin.repository';
import { actorOf, auditEntry, openOfficeForWrite } from './office-context';
import { loadManageableStaff } from './staff-access';

/**
 * A person's English name and title, what investors reading English see where the person appears (the card's
 * contact, the directory, 我的咨询's handler and reply authors, a carrier's manager). Absent keeps a field as it
 * is; empty clears it (the Chinese is then shown, marked «中文»). Whoever may manage the person may set it.
 */
export const adminStaffSetEnglishAction = defineAction(adminStaffSetEnglishContract, async (deps, ctx, input) => {
  const office = await openOfficeForWrite(deps, ctx);
  const target = await loadManageableStaff(deps, office, input.staffId);
  let after = { nameEn: target.nameEn ?? '', titleEn: target.titleEn ?? '' };
  await deps.store.transaction(async (tx) => {
    const before = await getStaffTx(tx, target._id);
    if (!before) throw new DomainError('STAFF.NOT_FOUND', ['staffId']);
    const was = { nameEn: before.nameEn ?? '', titleEn: before.titleEn ?? '' };
    after = {
      nameEn: input.nameEn === undefined ? was.nameEn : input.nameEn.trim(),
      titleEn: input.titleEn === undefined ? was.titleEn : input.titleEn.trim(),
    };
    if (after.nameEn === was.nameEn && after.titleEn === was.titleEn) return;
    await updateStaffFields(tx, target._id, after);
    await recordAudit(tx, auditEntry(deps, ctx, actorOf(office), 'staff.english', { kind: 'staff', id: target._id }, was, after));
  });
  return { staffId: target._id, ...after };
});
