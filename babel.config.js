// babel-preset-taro options: https://docs.taro.zone/docs/next/babel-config
module.exports = {
  presets: [
    [
      'taro',
      {
        framework: 'react',
        ts: true,
        compiler: 'webpack5',
        // Keep import() for webpack in the mini-program too (Taro turns it into a plain require there by default):
        // the English dictionary is a lazy chunk in its own subpackage (config/weapp-chunk-loading-runtime.js, #12).
        'dynamic-import-node': false,
        // The mini-program's code runs in WeChat's own engines (JavaScriptCore on iOS 12 and later, V8 on Android),
        // which WeChat 8 and base library 3.x need anyway: built for them rather than Taro's default (iOS 9,
        // Android 5) it carries no regenerator, class or spread helpers, ~28 KB off the main package (#12).
        // project.config.json turns WeChat's own ES5 re-compile off, so the upload is this code as built.
        // H5 is opened in WeChat's own browser (XWeb, Chromium 86 and later; iOS 12 and later) and in today's
        // browsers: built for the same engines (and desktop Safari 12, Firefox 78, Edge 79), the web entry is
        // smaller and runs sooner under a slow CPU (#12).
        targets: process.env.TARO_ENV === 'h5' ? { ios: '12', safari: '12', chrome: '70', firefox: '78', edge: '79' } : { ios: '12', chrome: '70' },
      },
    ],
  ],
};
