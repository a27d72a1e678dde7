import { privacyNoticeContract } from '../../domain/api/lead.contracts';
import { DomainError } from '../../domain/common/result';
import { privacyNoticeText } from '../../domain/lead/privacy-notice';
import { privacySettingsOf } from '../../domain/privacy/privacy-settings';
import { defineAction } from '../_lib/define-action';
import { firstDistrict, getDistrict } from '../_lib/repositories/org.repository';

export const privacyNoticeAction = defineAction(privacyNoticeContract, async (deps, _ctx, input) => {
  const district = input.districtId ? await getDistrict(deps.store, input.districtId) : await firstDistrict(deps.store);
  if (!district) throw new DomainError('DISTRICT.NOT_FOUND');
  return {
    version: district.privacyNoticeVersion,
    title: '个人信息保护说明',
    body: privacyNoticeText(district.name, district.sla.firstResponseHours, privacySettingsOf(district)),
    promiseHours: district.sla.firstResponseHours,
  };
});
