// H5 only: what `import platform from 'platform'` gets (config/index.ts aliases the package to this file).
// Taro's web APIs import the `platform` user-agent parser for getSystemInfo and getDeviceInfo, and the package
// parses the browser's user agent the moment it is loaded: ~60–80 ms of the web entry's start under a 4× slower
// CPU, for answers the card page never asks for (#12). Here the parser is loaded, and the agent parsed, the first
// time one of its fields is read.
/* eslint-disable @typescript-eslint/no-require-imports -- require() is what defers it: an import would load it at once */
let parsed;
const real = () => {
  if (parsed === undefined) parsed = require('platform/platform.js');
  return parsed;
};

export default new Proxy(
  {},
  {
    get: (_target, key) => Reflect.get(real(), key),
    has: (_target, key) => Reflect.has(real(), key),
    ownKeys: () => Reflect.ownKeys(real()),
    getOwnPropertyDescriptor: (_target, key) => {
      const descriptor = Reflect.getOwnPropertyDescriptor(real(), key);
      return descriptor ? { ...descriptor, configurable: true } : undefined;
    },
  },
);
