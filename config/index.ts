import path from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cloudEnvProblem } from './cloud-env';
import devConfig from './dev';
import { domainPureCallsPlugin } from './domain-pure-calls';
import { h5ComponentImportsPlugin, writeH5ComponentModules } from './h5-component-imports';
import { H5CardPageFilesPlugin } from './h5-card-page-files';
import { H5PrecompressPlugin } from './h5-precompress';
import { applyNodeModulesPatches, patchesDigest } from './node-modules-patches';
import prodConfig from './prod';

/**
 * One config for both targets. `TARO_ENV` (set by `taro build --type …`) picks the output folder:
 * each build wipes its own outputRoot, so weapp and h5 must never share one.
 *
 * App settings travel as `TARO_APP_*` variables. Taro inlines those from `.env*` files only, so they are
 * also read here from the shell (`TARO_APP_API_BASE=… npm run build:h5`) and always defined: code that
 * reads `process.env.TARO_APP_…` must never meet an undefined `process` on the device. A value in an
 * `.env*` file wins over the shell.
 */
const appEnv = {
  /** H5: base URL of the HTTP backend (the local cloud); '' = same origin. */
  TARO_APP_API_BASE: JSON.stringify((process.env.TARO_APP_API_BASE ?? '').replace(/\/+$/, '')),
  /** Weapp: WeChat cloud environment id (required for a production build, see cloudEnvProblem); '' = DevTools' selection. */
  TARO_APP_CLOUD_ENV: JSON.stringify(process.env.TARO_APP_CLOUD_ENV ?? ''),
  /** Weapp: subscribe-message template id(s) for "your inquiry was answered" (comma-separated); '' = no offer. */
  TARO_APP_TEMPLATE_LEAD_REPLY: JSON.stringify(process.env.TARO_APP_TEMPLATE_LEAD_REPLY ?? ''),
  /** Weapp: subscribe-message template id for "a new lead for you" (staff inbox); '' = no reminder action. */
  TARO_APP_TEMPLATE_LEAD_NEW: JSON.stringify(process.env.TARO_APP_TEMPLATE_LEAD_NEW ?? ''),
  /** H5 in production: the CloudBase environment (and region) the web build calls; '' = the HTTP backend. */
  TARO_APP_CLOUDBASE_ENV: JSON.stringify(process.env.TARO_APP_CLOUDBASE_ENV ?? ''),
  TARO_APP_CLOUDBASE_REGION: JSON.stringify(process.env.TARO_APP_CLOUDBASE_REGION ?? ''),
};

const designWidth = 750;
const deviceRatio: Record<number, number> = { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 };
/** The H5 root font size range (the app and the first screen share it). */
const pxtransformH5 = { maxRootSize: 22, minRootSize: 16 };

/**
 * The shared language lives outside `src/`: Taro only transpiles its source root, so `domain/` is added
 * explicitly (imported by relative path; no alias, so tsc, jest and webpack resolve it the same way).
 */
const compile = { include: [path.resolve(__dirname, '..', 'domain')] };

/**
 * Merged over Taro's mini-program terser defaults (which switch most compression off). Chinese text stays UTF-8
 * instead of \uXXXX escapes (3 bytes a character, not 6), and variables/inlining are reduced: together ~14 KB off
 * the main package (#12); the simulated runtime (npm run test:weapp-sim) runs this very output. Taro merges `mini`
 * over the project config for a mini-program build, so this reaches the weapp only (H5 keeps its own settings);
 * `mini`'s type does not list `terser`, hence the spread.
 */
const miniTerser = {
  terser: { enable: true, config: { compress: { reduce_vars: true, collapse_vars: true, inline: true, passes: 2 }, output: { ascii_only: false } } },
};

/**
 * WeChat's templates cannot recurse, so Taro writes base.wxml's templates once per tree level up to baseLevel
 * (default 16) and renders deeper nodes through its `comp` component. The investor pages are about 10 levels
 * deep: 8 kept their top levels plain and took ~28 KB off the main package against 16, 6 another 7.7 KB of
 * base.wxml (#12); deeper nodes go through `comp`, as any tree deeper than 16 always did (the simulated runtime's
 * render checks run this very output). `mini`'s type does not list baseLevel, hence the spread.
 */
const miniTemplateLevels = { baseLevel: 6 };

/** What index.html inlines for the H5 first screen (see src/index.html). */
const firstScreenHtmlOptions = () => {
  const root = path.resolve(__dirname, '..');
  const scale = {
    // pxtransform's rootValue for H5, as Taro derives it from the smallest root size.
    rootValue: (pxtransformH5.minRootSize / (deviceRatio[designWidth] as number)) * 2,
    designWidth,
    ...pxtransformH5,
  };
  const apiBase = JSON.parse(appEnv.TARO_APP_API_BASE) as string;
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'tools/print-first-screen.ts', apiBase, JSON.stringify(scale)], { cwd: root, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`H5 first screen build failed:\n${run.stderr}`);
  const built = JSON.parse(run.stdout) as Record<'script' | 'style' | 'rootFontScript' | 'styleId' | 'servedCardId' | 'appAssetsGlobal', string>;
  return {
    firstScreenScript: built.script,
    firstScreenStyle: built.style,
    rootFontScript: built.rootFontScript,
    firstScreenStyleId: built.styleId,
    servedCardId: built.servedCardId,
    appAssetsGlobal: built.appAssetsGlobal,
  };
};

export default defineConfig<'webpack5'>(async (merge) => {
  const cloudEnvRefusal = cloudEnvProblem(process.env);
  if (cloudEnvRefusal) throw new Error(cloudEnvRefusal);
  applyNodeModulesPatches();
  const isH5 = process.env.TARO_ENV === 'h5';
  // TARO_OUTPUT_ROOT lets parallel builds (several engineers, benches) write apart; the defaults are what ship.
  const outputRoot = process.env.TARO_OUTPUT_ROOT ?? (isH5 ? 'dist-h5' : 'dist');
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'investcard',
    designWidth,
    deviceRatio,
    sourceRoot: 'src',
    outputRoot,
    // project.config.json re-based onto dist/, sitemap.json copied (Taro does neither).
    // config/weapp-a11y-plugin.ts: roles and labels reach WeChat's screen reader, pages follow WeChat's font size.
    // config/weapp-chunk-loading-plugin.ts: lazy chunks (the English dictionary) load through require.async.
    plugins: [
      path.resolve(__dirname, '..', 'tools', 'wechat', 'taro-wechat-project-files.cjs'),
      path.resolve(__dirname, 'weapp-a11y-plugin.ts'),
      path.resolve(__dirname, 'weapp-chunk-loading-plugin.ts'),
    ],
    env: appEnv,
    defineConstants: {},
    // The app's icons are referenced as `/assets/…`: both builds ship them at that path. The demo seed's pictures
    // (src/seed-assets, also `/assets/…` in the seed) travel with the web build only: in the mini-program they would
    // weigh on the main package (#12), so its seed names them in cloud storage (`npm run seed:export -- --files`).
    // H5 also answers the browser's `/favicon.ico` with the app's icon.
    copy: {
      patterns: [
        { from: 'src/assets/', to: `${outputRoot}/assets/` },
        ...(isH5 ? [{ from: 'src/seed-assets/', to: `${outputRoot}/assets/` }, { from: 'src/favicon.ico', to: `${outputRoot}/favicon.ico` }] : []),
      ],
      options: {},
    },
    framework: 'react',
    compiler: 'webpack5',
    // The checkout's path is part of the name: two checkouts sharing one node_modules must not share a cache; so is
    // the digest of the patches to node_modules.
    cache: { enable: true, name: `${process.env.TARO_ENV ?? 'weapp'}-${outputRoot.replace(/[^\w-]/g, '_')}-${createHash('sha1').update(process.cwd()).digest('hex').slice(0, 8)}-${patchesDigest()}` },
    mini: {
      compile,
      optimizeMainPackage: { enable: true },
      ...miniTemplateLevels,
      ...miniTerser,
      // INVESTCARD_WEAPP_SOURCEMAP=1 writes .map files, to see what the main package is made of (#12).
      enableSourceMap: process.env.INVESTCARD_WEAPP_SOURCEMAP === '1',
      sourceMapType: 'source-map',
      webpackChain(chain) {
        // domain's load-time schema calls are marked pure, so the schemas a page does not read are dropped (config/domain-pure-calls.ts).
        chain.module
          .rule('script')
          .use('babelLoader')
          .tap((options: { plugins?: unknown[] }) => ({ ...options, plugins: [...(options.plugins ?? []), domainPureCallsPlugin] }));
      },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false },
      },
    },
    h5: {
      compile,
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      // index.html paints the card from plain HTML before the app's scripts run, then starts them (src/first-screen).
      htmlPluginOption: {
        inject: false,
        ...(isH5 ? firstScreenHtmlOptions() : {}),
      },
      // INVESTCARD_H5_SOURCEMAP=1 writes .map files, to see what the H5 entry is made of.
      enableSourceMap: process.env.INVESTCARD_H5_SOURCEMAP === '1',
      sourceMapType: 'source-map',
      webpackChain(chain) {
        // Every text file gets its .br and .gz next to it, for the web host to send (config/h5-precompress.ts).
        chain.plugin('investcard-precompress').use(H5PrecompressPlugin);
        // index.html names the card page's chunk files: the first screen loads them with the entry (config/h5-card-page-files.ts).
        chain.plugin('investcard-card-page-files').use(H5CardPageFilesPlugin, [path.resolve(__dirname, '..', 'src', 'pages', 'card', 'index.tsx')]);
        // Taro's web APIs' user-agent parser runs when first read, not when the entry loads (config/h5-deferred-platform-runtime.js).
        chain.resolve.alias.set('platform$', path.resolve(__dirname, 'h5-deferred-platform-runtime.js'));
        // Each page's chunk brings its own components; the entry no longer carries Swiper & co (config/h5-component-imports.ts).
        const componentImports = h5ComponentImportsPlugin(writeH5ComponentModules());
        chain.module
          .rule('script')
          .use('babelLoader')
          .tap((options: { plugins?: unknown[] }) => ({ ...options, plugins: [...(options.plugins ?? []), componentImports] }));
      },
      // Content hashes: a file keeps its name (and the browser's year-long cached copy) until its own bytes change.
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[contenthash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        // Root size is clamped so a desktop browser shows a phone-sized column, not a giant page.
        pxtransform: { enable: true, config: pxtransformH5 },
        cssModules: { enable: false },
      },
    },
  };

  if (process.env.NODE_ENV === 'development') {
    return merge({}, baseConfig, devConfig);
  }
  return merge({}, baseConfig, prodConfig);
});
