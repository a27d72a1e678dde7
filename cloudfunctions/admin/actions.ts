import type { ActionTable } from '../_lib/define-action';
import { adminHomeAction } from './admin-home';
import { adminAuditListAction } from './audit-list';
import { adminCarrierImportAction } from './carrier-import';
import { adminCarrierGetAction, adminCarrierListAction } from './carrier-list';
import { adminCarrierPhotoAddAction, adminCarrierPhotoChunkAction, adminCarrierPhotoDismissAction } from './carrier-photo';
import { adminCarrierSaveAction, adminCarrierSetListedAction } from './carrier-save';
import { adminStaffCreateAction } from './create-staff';
import { adminDistrictGetAction, adminDistrictUpdateAction } from './district-profile';
import { adminHandoverPreviewAction, adminHandoverResumeAction, adminHandoverStartAction } from './handover';
import { adminImportUploadAction } from './import-upload';
import { adminOrgGetAction } from './org-get';
import { adminPrivacyAnswerAction, adminPrivacyListAction } from './privacy-requests';
import { adminPrivacySettingsAction } from './privacy-settings';
import { adminTeamSaveAction } from './save-team';
import { adminUnitSaveAction } from './save-unit';
import { adminRotaSetAction } from './set-rota';
import { adminSlaUpdateAction } from './sla-settings';
import { adminPoolUpdateAction } from './pool-rules';
import { adminCalendarGetAction, adminCalendarImportAction, adminCalendarSaveAction } from './working-calendar';
import { adminStaffInviteAction } from './staff-invite';
import { adminStaffImportAction, adminStaffImportTemplateAction } from './staff-import';
import { adminStaffSetEnglishAction } from './staff-english';
import { adminStaffRevokeAction, adminStaffSetRolesAction } from './staff-roles';
import { adminCarrierRemindAction, vacancyConfirmAction, vacancyPeekAction } from './vacancy-confirm';

/** The district office: profile, units and teams, rota, staff, carriers and their vacancy, audit log. */
export const adminActions: ActionTable = [
  adminHomeAction,
  adminDistrictGetAction,
  adminDistrictUpdateAction,
  adminOrgGetAction,
  adminUnitSaveAction,
  adminTeamSaveAction,
  adminRotaSetAction,
  adminStaffCreateAction,
  adminStaffInviteAction,
  adminStaffSetRolesAction,
  adminStaffSetEnglishAction,
  adminStaffRevokeAction,
  adminCarrierListAction,
  adminCarrierGetAction,
  adminCarrierSaveAction,
  adminCarrierSetListedAction,
  adminCarrierRemindAction,
  vacancyPeekAction,
  vacancyConfirmAction,
  adminAuditListAction,
  adminHandoverPreviewAction,
  adminHandoverStartAction,
  adminHandoverResumeAction,
  adminImportUploadAction,
  adminCarrierImportAction,
  adminSlaUpdateAction,
  adminPrivacyListAction,
  adminPrivacyAnswerAction,
  adminPrivacySettingsAction,
  adminPoolUpdateAction,
  adminCalendarGetAction,
  adminCalendarSaveAction,
  adminCalendarImportAction,
  adminCarrierPhotoChunkAction,
  adminCarrierPhotoAddAction,
  adminCarrierPhotoDismissAction,
  adminStaffImportTemplateAction,
  adminStaffImportAction,
];
