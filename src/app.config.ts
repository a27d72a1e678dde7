export default defineAppConfig({
  pages: ['pages/card/index', 'pages/carriers/index', 'pages/carrier-detail/index'],
  window: {
    navigationBarTitleText: '招商名片',
    navigationBarBackgroundColor: '#8e1a1f',
    navigationBarTextStyle: 'white',
    backgroundColor: '#f4f5f7',
    backgroundColorTop: '#8e1a1f',
    backgroundColorBottom: '#f4f5f7',
    backgroundTextStyle: 'light',
  },
  // The main package holds only what an investor sees first (card, carriers, carrier detail). The next steps
  // (form, 我的咨询, directory) live in inquiry/, which those three pages preload on any network once they are
  // shown, so tapping 咨询 still opens at once. staff/, share/, admin/, reports/ are never preloaded: investors
  // never open them and the staff inbox needs nothing more up front.
  preloadRule: {
    'pages/card/index': { network: 'all', packages: ['inquiry'] },
    'pages/carriers/index': { network: 'all', packages: ['inquiry'] },
    'pages/carrier-detail/index': { network: 'all', packages: ['inquiry'] },
  },
  subPackages: [
    { root: 'inquiry', pages: ['lead-form/index', 'my-leads/index', 'directory/index'] },
    { root: 'staff', pages: ['inbox/index', 'lead-detail/index', 'bind/index', 'events/index', 'events/mode/index'] },
    { root: 'share', pages: ['my-card/index', 'poster/index', 'stats/index'] },
    { root: 'admin', pages: ['home/index', 'district/index', 'org/index', 'staff/index', 'carriers/index', 'carrier-edit/index', 'carrier-import/index', 'vacancy/index', 'audit/index', 'privacy/index', 'calendar/index', 'staff-import/index'] },
    { root: 'reports', pages: ['dashboard/index', 'leads/index', 'arena/index', 'bulletins/index', 'heatmap/index'] },
    // No pages: the English dictionary's chunk (src/i18n/english-dictionary.ts), fetched with require.async when a
    // page speaks English, never preloaded, so Chinese visitors never download it.
    { root: 'english', pages: [] },
  ],
  lazyCodeLoading: 'requiredComponents',
  // Every privacy interface used (clipboard, contacts, album, location, chosen location, chosen images, chosen files) is declared in 用户隐私保护指引 (admin console).
  __usePrivacyCheck__: true,
  // WeChat search indexes only the investor's content pages (src/sitemap.json; copied by tools/wechat/taro-wechat-project-files.cjs).
  sitemapLocation: 'sitemap.json',
});
