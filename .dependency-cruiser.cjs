/**
 * The rules of the house (docs/architecture.md, "Rules of the house") as dependency checks.
 * Every rule is an error: `npm run depcheck` fails the build, and tests/security/dependency-rules.test.ts
 * cruises offending fixtures with this very file so a rule that silently stops matching is caught.
 *
 * Paths are matched relative to the directory depcruise runs in (the repo root, or a fixture root shaped
 * like it). Resolved npm packages look like `node_modules/<name>/…`; Node builtins keep their bare name.
 */

const { builtinModules } = require('node:module');

/** A package, matched after resolution (`node_modules/x/…`) and, if it cannot be resolved, by its bare name. */
const pkg = (name) => `(^|/)node_modules/${name}/|^${name}($|/)`;

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    // (a) domain/ is the shared language: only itself, valibot, dayjs and libphonenumber-js (numbering plans).
    {
      name: 'domain-is-pure',
      comment: 'domain/ imports only domain/ and valibot, dayjs or libphonenumber-js: no Node builtins, Taro, React, wx-server-sdk, better-sqlite3, app or backend code.',
      severity: 'error',
      from: { path: '^domain/' },
      to: { pathNot: ['^domain/', pkg('valibot'), pkg('dayjs'), pkg('libphonenumber-js')] },
    },
    {
      // Builtins are caught by domain-is-pure too; this names the reason when it happens.
      name: 'domain-no-node-builtins',
      comment: 'domain/ runs in the mini-program as well: no Node builtins.',
      severity: 'error',
      from: { path: '^domain/' },
      to: { dependencyTypes: ['core'] },
    },

    // (b) the app.
    {
      name: 'app-not-to-backend',
      comment: 'src/ never imports cloudfunctions/ or tools/: the app talks to the backend only through contracts in domain/api.',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^(cloudfunctions|tools)/' },
    },
    {
      name: 'components-not-to-services',
      comment: 'Components take props and raise events; they never call the backend.',
      severity: 'error',
      from: { path: '^src/components/' },
      to: { path: '^src/services/' },
    },

    // (c) the cloud functions.
    {
      name: 'functions-not-to-app-or-tools',
      comment: 'cloudfunctions/ never imports src/ or tools/ (tools hold the local store and must never ship).',
      severity: 'error',
      from: { path: '^cloudfunctions/' },
      to: { path: '^(src|tools)/' },
    },
    {
      name: 'wx-server-sdk-only-at-the-edge',
      comment:
        'Only cloudfunctions/<function>/index.ts and cloudfunctions/_lib/wx-*.ts know WeChat; wx-store.ts may use its types; the fake cloud database (test code the cost bench reaches) drives the real SDK; the operator\'s deploy check talks to WeChat Cloud.',
      severity: 'error',
      from: { pathNot: ['^cloudfunctions/[^/_][^/]*/index\\.ts$', '^cloudfunctions/_lib/wx-[^/]+\\.ts$', '^cloudfunctions/_lib/store/wx-store\\.ts$', '^tests/support/fake-tcb-backend\\.ts$', '^tools/cloud-deploy-check\\.ts$'] },
      to: { path: pkg('wx-server-sdk') },
    },
    {
      name: 'wx-store-types-only',
      comment: 'The store adapter receives cloud.database() from the edge; it may import wx-server-sdk types, not the SDK itself.',
      severity: 'error',
      from: { path: '^cloudfunctions/_lib/store/wx-store\\.ts$' },
      to: { path: pkg('wx-server-sdk'), dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'collections-only-in-repositories',
      comment:
        'Repositories own reads and writes: only cloudfunctions/_lib/repositories/ and the store name collections; notifications.ts (the outbox) and rate-limit.ts (rate counters) each own one collection.',
      severity: 'error',
      from: {
        path: '^cloudfunctions/',
        pathNot: [
          '^cloudfunctions/_lib/(repositories|store)/',
          '^cloudfunctions/_lib/(notifications|rate-limit)\\.ts$',
        ],
      },
      to: { path: '^cloudfunctions/_lib/store/collections\\.ts$' },
    },
    {
      name: 'functions-no-sqlite',
      comment: 'Nothing under cloudfunctions/ imports better-sqlite3, so the local store can never ship.',
      severity: 'error',
      from: { path: '^cloudfunctions/' },
      to: { path: pkg('better-sqlite3') },
    },
    {
      name: 'app-no-sqlite',
      comment: 'The app bundle cannot carry a native Node module.',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: pkg('better-sqlite3') },
    },

    // (d) no cycles, type-only ones included: they still tangle the layers.
    {
      name: 'no-circular',
      comment: 'Circular dependencies hide layering mistakes and break module initialisation order.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },

    // (e) build and run helpers.
    {
      name: 'tools-not-to-app',
      comment: 'tools/ may use cloudfunctions/ and domain/ (the local cloud runs the same use cases) but never the app, except src/first-screen (the web host renders the first screen too).',
      severity: 'error',
      from: { path: '^tools/' },
      to: { path: '^src/', pathNot: '^src/first-screen/' },
    },
    {
      name: 'first-screen-is-plain',
      comment: 'src/first-screen runs before the app (inlined into index.html) and in the web host: nothing it reaches may use Taro, React or Node.',
      severity: 'error',
      from: { path: '^src/first-screen/' },
      to: { path: [pkg('@tarojs/[^/]+'), pkg('react'), pkg('react-dom')], reachable: true },
    },
    {
      name: 'first-screen-no-node',
      comment: 'src/first-screen runs in the browser before the app: no Node builtins anywhere it reaches.',
      severity: 'error',
      from: { path: '^src/first-screen/' },
      // Reachability rules match paths only: builtins are named (they resolve to their bare name).
      to: { path: `^(node:)?(${builtinModules.filter((m) => !m.startsWith('_')).join('|')})$`, reachable: true },
    },

    // Every rule above matches resolved paths: an import that does not resolve would slip past all of them.
    {
      name: 'not-to-unresolvable',
      comment: 'Every import must resolve (a misspelt path or a missing package would otherwise dodge the rules above).',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    // Packages are seen (rules above match them) but not crawled into; `exclude` would hide them from the rules.
    doNotFollow: { path: '(^|/)node_modules/' },
    exclude: { path: '^(dist|dist-h5|build|coverage|\\.data|test-output)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    // Resolve packages the way TypeScript's "Bundler" resolution does, so type-only imports land on real files.
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['types', 'import', 'require', 'node', 'default'],
      mainFields: ['types', 'typings', 'module', 'main'],
      extensions: ['.ts', '.tsx', '.d.ts', '.js', '.mjs', '.cjs', '.json'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
