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
      },
    ],
  ],
};
