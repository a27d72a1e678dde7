// Mutation testing (`npm run test:mutation`): StrykerJS mutates domain/ and cloudfunctions/ and runs the jest
// `node` project against each mutant. Too slow for CI on two cores (not part of `npm test`); run it on a slice:
//   npm run test:mutation -- --mutate 'domain/lead/**/*.ts'
// Incremental: results are kept in test-output/mutation/incremental.json, so a rerun only tests what changed.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const jestConfig = require('./jest.config.js');
const { displayName: _node, ...nodeProject } = jestConfig.projects.find((p) => p.displayName === 'node');

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'jest',
  plugins: ['@stryker-mutator/jest-runner'],
  jest: {
    projectType: 'custom',
    configFile: 'jest.config.js',
    // The node project alone, at the top level (`projects: null` drops the jsdom app project). Its roots cover
    // the sources too, so --findRelatedTests follows a use-case test through tools/ and cloudfunctions/ to domain/.
    config: {
      ...nodeProject,
      projects: null,
      roots: ['<rootDir>/tests', '<rootDir>/domain', '<rootDir>/cloudfunctions', '<rootDir>/tools', '<rootDir>/src'],
      // Bundling every function (tests/tools) and the 4,575-request corpus take minutes per mutant on two cores;
      // they prove wiring and input handling, which the use-case, domain and matrix tests also pin down.
      testPathIgnorePatterns: ['/node_modules/', '<rootDir>/tests/tools/', '<rootDir>/tests/security/bad-input-corpus'],
    },
    enableFindRelatedTests: true,
  },
  coverageAnalysis: 'perTest',
  // A mutant in module-level code (label tables, transition maps) runs every test: on two cores that is minutes
  // per mutant. Skipped and reported as ignored; the rules reading those tables are mutated and tested.
  ignoreStatic: true,
  // Only the mutated sources need their type checks disabled (the rest is never mutated).
  disableTypeChecks: '{domain,cloudfunctions}/**/*.ts',
  mutate: [
    'domain/**/*.ts',
    'cloudfunctions/**/*.ts',
    // Wiring that only runs inside WeChat (covered by the bundle tests in a fresh process, out of Stryker's reach).
    '!cloudfunctions/*/index.ts',
    '!cloudfunctions/_lib/wx-*.ts',
    '!cloudfunctions/_lib/store/wx-store.ts',
  ],
  ignorePatterns: ['dist', 'dist-*', 'build', '.data', 'test-output', 'coverage', '.swc', '.cache', 'docs'],
  incremental: true,
  incrementalFile: 'test-output/mutation/incremental.json',
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'test-output/mutation/index.html' },
  jsonReporter: { fileName: 'test-output/mutation/mutation.json' },
  // Two cores shared with everything else on the machine.
  concurrency: 1,
  timeoutMS: 20_000,
  tempDirName: '.stryker-tmp',
  cleanTempDir: true,
};
