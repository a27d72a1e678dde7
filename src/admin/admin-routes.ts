import { openPage, ROUTES, type Route } from '../routes';

/** The admin subpackage's pages, by their short names inside the office (the paths live in src/routes.ts). */
export const ADMIN_ROUTES = {
  home: ROUTES.adminHome,
  district: ROUTES.adminDistrict,
  org: ROUTES.adminOrg,
  staff: ROUTES.adminStaff,
  carriers: ROUTES.adminCarriers,
  carrierEdit: ROUTES.adminCarrierEdit,
  carrierImport: ROUTES.adminCarrierImport,
  vacancy: ROUTES.adminVacancy,
  audit: ROUTES.adminAudit,
  privacy: ROUTES.adminPrivacy,
  calendar: ROUTES.adminCalendar,
  staffImport: ROUTES.adminStaffImport,
} as const;

/** Opens an office page the one way pages open (see src/routes.ts). */
export const openAdminPage = (path: Route, params?: Record<string, string>): void => openPage(path, params);
