/**
 * The simulated mini-program runtime suite (`npm run test:weapp-sim`): its own jest config, run after the
 * weapp and function builds it needs (tests/weapp-sim/run-weapp-sim.ts), never by `test:unit`.
 */
const swc = ['@swc/jest', { jsc: { target: 'es2022', parser: { syntax: 'typescript', tsx: true } } }];

module.exports = {
  rootDir: '../..',
  displayName: 'weapp-sim',
  testEnvironment: 'node',
  roots: ['<rootDir>/tests/weapp-sim'],
  testMatch: ['<rootDir>/tests/weapp-sim/**/*.test.ts'],
  transform: { '^.+\\.(t|j)sx?$': swc },
  transformIgnorePatterns: ['/node_modules/(?!(valibot)/)'],
  // The built bundles and the weapp build are inputs, not test sources.
  modulePathIgnorePatterns: ['<rootDir>/dist/', '<rootDir>/dist-h5/'],
  testTimeout: 60_000,
};
