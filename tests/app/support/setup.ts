/**
 * Runs before every app test file. Source code branches on the build target as Taro inlines it; tests run as the
 * mini-program unless a test sets `process.env.TARO_ENV = 'h5'` itself.
 */
process.env.TARO_ENV = 'weapp';
process.env.TARO_APP_API_BASE = '';
process.env.TARO_APP_CLOUD_ENV = '';
// A Chinese browser, as the e2e's Chromium (locale zh-CN): jsdom says en-US, which would turn H5 pages English.
// Tests of the English path set the language themselves.
if (typeof navigator !== 'undefined') Object.defineProperty(navigator, 'language', { value: 'zh-CN', configurable: true });
