export default defineAppConfig({
  pages: ['pages/card/index', 'pages/lead-form/index', 'pages/my-leads/index', 'pages/carriers/index', 'pages/carrier-detail/index', 'pages/directory/index'],
  window: {
    navigationBarTitleText: '招商名片',
    navigationBarBackgroundColor: '#8e1a1f',
    navigationBarTextStyle: 'white',
    backgroundColor: '#f4f5f7',
    backgroundColorTop: '#8e1a1f',
    backgroundColorBottom: '#f4f5f7',
    backgroundTextStyle: 'light',
  },
  // No preloadRule: every investor page is in the main package, so preloading could only fetch staff/ or share/,
  // which investors never open (cost on their first screen), and the staff inbox needs nothing more up front.
  subPackages: [
    { root: 'staff', pages: ['inbox/index', 'lead-detail/index', 'bind/index'] },
    { root: 'share', pages: ['my-card/index', 'poster/index', 'stats/index'] },
    { root: 'admin', pages: ['home/index', 'district/index', 'org/index', 'staff/index', 'carriers/index', 'carrier-edit/index', 'carrier-import/index', 'vacancy/index', 'audit/index'] },
    { root: 'reports', pages: ['dashboard/index', 'leads/index', 'arena/index', 'bulletins/index'] },
  ],
  lazyCodeLoading: 'requiredComponents',
  // Every privacy interface used (clipboard, contacts, album, location, chosen location, chosen images, chosen files) is declared in 用户隐私保护指引 (admin console).
  __usePrivacyCheck__: true,
  // WeChat search indexes only the investor's content pages (src/sitemap.json; copied by tools/wechat/taro-wechat-project-files.cjs).
  sitemapLocation: 'sitemap.json',
});
