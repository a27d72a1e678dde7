// Imported by app.js before anything else (config/weapp-a11y-plugin.ts adds it to Taro's runtime modules).
// webpack loads a lazy chunk (`import()`, e.g. src/i18n/english-dictionary.ts) by adding a <script> to the
// document, which a mini-program has not got. Here the chunk's file is fetched with WeChat's own
// `require.async` instead, which also downloads the subpackage it lives in (分包异步化); once run, the file
// hands its modules to webpack's chunk registry itself (`wx.webpackJsonp`), which settles the `import()`.
// The path is relative to app.js, which lies at the package root, as webpack's public path is `/`.
/* global __webpack_require__, __non_webpack_require__ */
if (typeof __non_webpack_require__ === 'function' && typeof __non_webpack_require__.async === 'function') {
  __webpack_require__.l = function loadChunk(url, done) {
    var path = './' + String(url).replace(/^\/+/, '');
    __non_webpack_require__.async(path).then(
      function () {
        done({ type: 'load', target: { src: url } });
      },
      function () {
        done({ type: 'error', target: { src: url } });
      },
    );
  };
}
