/**
 * Runs before every app test file. Source code branches on the build target as Taro inlines it; tests run as the
 * mini-program unless a test sets `process.env.TARO_ENV = 'h5'` itself.
 */
process.env.TARO_ENV = 'weapp';
process.env.TARO_APP_API_BASE = '';
process.env.TARO_APP_CLOUD_ENV = '';
