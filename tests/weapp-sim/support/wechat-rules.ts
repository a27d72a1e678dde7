/**
 * WeChat's rules the simulated runtime enforces, each from WeChat's own documentation.
 */

/**
 * Privacy interfaces by what they handle (用户隐私保护指引, «隐私接口与对应的处理的信息»,
 * developers.weixin.qq.com/miniprogram/dev/framework/user-privacy/). With `__usePrivacyCheck__` an interface
 * whose information is not declared fails with errno 112 «api scope is not declared in the privacy agreement».
 */
export const PRIVACY_INTERFACES = {
  location: ['getLocation', 'getFuzzyLocation', 'startLocationUpdate', 'startLocationUpdateBackground', 'onLocationChange'],
  chosenLocation: ['chooseLocation', 'choosePoi'],
  address: ['chooseAddress'],
  invoice: ['chooseInvoice', 'chooseInvoiceTitle'],
  weRun: ['getWeRunData'],
  licensePlate: ['chooseLicensePlate'],
  chosenMedia: ['chooseImage', 'chooseMedia', 'chooseVideo'],
  chosenFile: ['chooseMessageFile'],
  microphone: ['startRecord', 'joinVoIPChat'],
  camera: ['createVKSession'],
  bluetooth: ['openBluetoothAdapter', 'createBLEPeripheralServer'],
  albumWrite: ['saveImageToPhotosAlbum', 'saveVideoToPhotosAlbum'],
  contactsWrite: ['addPhoneContact'],
  calendarWrite: ['addPhoneCalendar', 'addPhoneRepeatCalendar'],
  clipboard: ['setClipboardData', 'getClipboardData'],
} as const;

export type PrivacyInformation = keyof typeof PRIVACY_INTERFACES;

/**
 * What this mini-program declares in its 用户隐私保护指引 (README «Deploy» step 8, app.config.ts): clipboard,
 * contacts (write), album (write), chosen images, location, chosen location, chosen files. Phone numbers are typed by the investor, never
 * collected through `getPhoneNumber`.
 */
export const DECLARED_PRIVACY: readonly PrivacyInformation[] = ['clipboard', 'contactsWrite', 'albumWrite', 'chosenMedia', 'location', 'chosenLocation', 'chosenFile'];

export const privacyInformationOf = (api: string): PrivacyInformation | null => {
  for (const [information, apis] of Object.entries(PRIVACY_INTERFACES)) if ((apis as readonly string[]).includes(api)) return information as PrivacyInformation;
  return null;
};

/**
 * Moments single-page mode (scene 1154), «单页模式下的限制» and «禁用能力列表» of
 * developers.weixin.qq.com/miniprogram/dev/framework/open-ability/share-timeline.html: no login state, no
 * navigation to other pages, no forms, no navigation-bar or tab-bar APIs, no choosing or saving media, no
 * location pickers or maps, no identity-bound open capabilities.
 */
export const SINGLE_PAGE_FORBIDDEN_APIS: readonly string[] = [
  // 登录态
  'login',
  'checkSession',
  'getUserProfile',
  'getUserInfo',
  'authorize',
  'openSetting',
  // 路由, and every jump out of the page
  'navigateTo',
  'redirectTo',
  'reLaunch',
  'switchTab',
  'navigateBack',
  'navigateToMiniProgram',
  'navigateBackMiniProgram',
  'openEmbeddedMiniProgram',
  'exitMiniProgram',
  'openCustomerServiceChat',
  // 界面: 导航栏, Tab Bar
  'setNavigationBarTitle',
  'setNavigationBarColor',
  'showNavigationBarLoading',
  'hideNavigationBarLoading',
  'hideHomeButton',
  'showTabBar',
  'hideTabBar',
  'setTabBarItem',
  'setTabBarStyle',
  'setTabBarBadge',
  'removeTabBarBadge',
  'showTabBarRedDot',
  'hideTabBarRedDot',
  // 媒体
  'chooseMedia',
  'chooseImage',
  'chooseVideo',
  'saveImageToPhotosAlbum',
  'saveVideoToPhotosAlbum',
  'chooseMessageFile',
  // 位置
  'openLocation',
  'chooseLocation',
  'choosePoi',
  // 开放接口 bound to a signed-in user
  'requestSubscribeMessage',
  'requestPayment',
  'chooseAddress',
  'chooseInvoice',
  'chooseInvoiceTitle',
  'getWeRunData',
  'addPhoneContact',
];

/** Cloud functions callable without login, as README «Deploy» step 6 sets the environment's invoke rules. */
export const FUNCTIONS_INVOCABLE_WITHOUT_LOGIN: readonly string[] = ['public-read'];

/** Audit rules (体验评分 / Audits) for one render: setData payload, WXML nodes, nesting. */
export const AUDIT_LIMITS = {
  setDataBytes: 256 * 1024,
  /** Fewer than 1000 nodes. */
  nodes: 1000,
  /** Nesting depth below 30. */
  depth: 30,
} as const;

/** Scene values a page can be entered with (场景值). */
export const SCENES = { chat: 1007, miniProgramCode: 1047, moments: 1154, fromMoments: 1155, search: 1001 } as const;

/** Components that are privacy interfaces themselves (same WeChat list): what they collect. */
export const PRIVACY_COMPONENTS: ReadonlyArray<{ tag: string; attr: string; values: readonly string[]; information: string }> = [
  { tag: 'wx-button', attr: 'openType', values: ['getPhoneNumber', 'getRealtimePhoneNumber'], information: 'phoneNumber' },
  { tag: 'wx-button', attr: 'openType', values: ['chooseAvatar'], information: 'userInfo' },
  { tag: 'wx-input', attr: 'type', values: ['nickname'], information: 'userInfo' },
];

/** Components Moments single-page mode disables (禁用能力列表, «组件»); any `<button open-type>` as well. */
export const SINGLE_PAGE_FORBIDDEN_COMPONENTS: readonly string[] = [
  'wx-camera',
  'wx-editor',
  'wx-form',
  'wx-functional-page-navigator',
  'wx-live-pusher',
  'wx-navigator',
  'wx-navigation-bar',
  'wx-official-account',
  'wx-open-data',
  'wx-web-view',
];
