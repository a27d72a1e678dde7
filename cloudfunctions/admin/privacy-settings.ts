import { adminPrivacySettingsContract } from '../../domain/api/privacy.contracts';
import { DomainError } from '../../domain/common/result';
import { privacyNoticeVersionAt, privacySettingsOf } from '../../domain/privacy/privacy-settings';
import { defineAction } from '../_lib/define-action';
import { recordAudit } from '../_lib/repositories/audit.repository';
import { getDistrictTx, updateDistrictFields } from '../_lib/repositories/org-admin.repository';
import { actorOf, auditEntry, openOfficeForWrite, requireDistrictAdmin } from './office-context';

/**
 * The district admin sets how many days requests take to answer and how long closed inquiries keep personal data.
 * The notice states both, so a change gives it a new version; the retention timer uses the new period from its next tick.
 */
export const adminPrivacySettingsAction = defineAction(adminPrivacySettingsContract, async (deps, ctx, input) => {
  const office = await openOfficeForWrite(deps, ctx);
  requireDistrictAdmin(office);
  const districtId = office.home._id;
  const privacy = { answerDays: input.answerDays, retentionDays: input.retentionDays };
  const noticeVersion = await deps.store.transaction(async (tx) => {
    const before = await getDistrictTx(tx, districtId);
    if (!before) throw new DomainError('DISTRICT.NOT_FOUND');
    const old = privacySettingsOf(before);
    const changed = old.answerDays !== privacy.answerDays || old.retentionDays !== privacy.retentionDays;
    const version = changed ? privacyNoticeVersionAt(ctx.now) : before.privacyNoticeVersion;
    await updateDistrictFields(tx, districtId, { privacy, privacyNoticeVersion: version, updatedAt: ctx.now.toISOString() });
    await recordAudit(tx, auditEntry(deps, ctx, actorOf(office), 'privacy.settings', { kind: 'district', id: districtId }, { ...old, noticeVersion: before.privacyNoticeVersion }, { ...privacy, noticeVersion: version }));
    return version;
  });
  return { ...privacy, noticeVersion };
});
