import Taro from '@tarojs/taro';

/** Pages of the admin subpackage; to be folded into src/routes.ts (ROUTES / openPage) when it lands. */
export const ADMIN_ROUTES = {
  home: '/admin/home/index',
  district: '/admin/district/index',
  org: '/admin/org/index',
  staff: '/admin/staff/index',
  carriers: '/admin/carriers/index',
  carrierEdit: '/admin/carrier-edit/index',
  carrierImport: '/admin/carrier-import/index',
  vacancy: '/admin/vacancy/index',
  audit: '/admin/audit/index',
} as const;

export const adminUrl = (path: string, params: Record<string, string> = {}): string => {
  const q = Object.entries(params)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
    .join('&');
  return q ? `${path}?${q}` : path;
};

export const openAdminPage = (path: string, params?: Record<string, string>): void => {
  const url = adminUrl(path, params);
  Taro.navigateTo({ url }).catch(() => {
    // A full page stack (10 in WeChat): replace this page instead.
    Taro.redirectTo({ url }).catch(() => undefined);
  });
};
