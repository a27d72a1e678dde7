/**
 * Three projects: `node` (domain rules, use cases on real SQLite, store contracts, bundles), `cloud` (the same
 * through the real wx-server-sdk over the fake cloud database) and `app` (jsdom).
 */
const { readdirSync, readFileSync } = require('node:fs');
const { join } = require('node:path');

const swc = ['@swc/jest', { jsc: { target: 'es2022', parser: { syntax: 'typescript', tsx: true }, transform: { react: { runtime: 'automatic' } } } }];

const NODE_DIRS = ['domain', 'functions', 'contracts', 'tools', 'security', 'reliability'];
/**
 * Files that run the real wx-server-sdk over the fake cloud (tests/support/fake-tcb-backend.ts, directly or through
 * cloud-cost.ts), found by what they import so a new one cannot be missed. After a hundred other files in the same
 * process they ran 3–10× slower (get-many 0.5 → 6 s, the SLA backlog budget 25 → 240+ s; the JS heap stayed
 * ~120 MB, the cause is not found), timed out, and their leftover requests failed the files after them.
 * `npm run test:unit` runs them apart, each file in a fresh worker (`--workerIdleMemoryLimit=1MB`).
 */
const ON_FAKE_CLOUD = /fake-tcb-backend|support\/cloud-cost/;
const testFiles = (dir) =>
  readdirSync(join(__dirname, 'tests', dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.test.ts'))
    .map((e) => join(e.parentPath ?? e.path, e.name));
const cloudFiles = NODE_DIRS.flatMap(testFiles).filter((file) => ON_FAKE_CLOUD.test(readFileSync(file, 'utf8')));
const escaped = (file) => file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

module.exports = {
  projects: [
    {
      displayName: 'node',
      testEnvironment: 'node',
      roots: ['<rootDir>/tests'],
      testMatch: [`<rootDir>/tests/{${NODE_DIRS.join(',')}}/**/*.test.ts`],
      testPathIgnorePatterns: ['/node_modules/', ...cloudFiles.map((f) => `^${escaped(f)}$`)],
      transform: { '^.+\\.(t|j)sx?$': swc },
      transformIgnorePatterns: ['/node_modules/(?!(valibot)/)'],
    },
    {
      displayName: 'cloud',
      testEnvironment: 'node',
      roots: ['<rootDir>/tests'],
      testMatch: cloudFiles,
      transform: { '^.+\\.(t|j)sx?$': swc },
      transformIgnorePatterns: ['/node_modules/(?!(valibot)/)'],
    },
    {
      displayName: 'app',
      testEnvironment: 'jsdom',
      roots: ['<rootDir>/tests'],
      testMatch: ['<rootDir>/tests/app/**/*.test.{ts,tsx}'],
      transform: { '^.+\\.(t|j)sx?$': swc },
      setupFiles: ['<rootDir>/tests/app/support/setup.ts'],
      moduleNameMapper: {
        '^@tarojs/components$': '<rootDir>/tests/app/support/taro-components.tsx',
        '^@tarojs/taro$': '<rootDir>/tests/app/support/taro-mock.ts',
        '\\.(css|scss)$': '<rootDir>/tests/app/support/style-stub.ts',
      },
    },
  ],
};
