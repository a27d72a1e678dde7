/**
 * Pages that left the main package for the inquiry/ subpackage (#12), by their old path: web links, bookmarks
 * and QR codes made before the move keep opening them — rewritten by the web's first screen
 * (first-screen-route.ts) and by the mini-program's onPageNotFound (src/shell/missing-page-redirect.ts). Imports
 * nothing, so the mini-program's app entry can carry it alone.
 */
export const MOVED_PAGES: Readonly<Record<string, string>> = {
  '/pages/lead-form/index': '/inquiry/lead-form/index',
  '/pages/my-leads/index': '/inquiry/my-leads/index',
  '/pages/directory/index': '/inquiry/directory/index',
};
