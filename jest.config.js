/** Two projects: `node` (domain rules, use cases on real SQLite, store contracts, bundles) and `app` (jsdom). */
const swc = ['@swc/jest', { jsc: { target: 'es2022', parser: { syntax: 'typescript', tsx: true }, transform: { react: { runtime: 'automatic' } } } }];

module.exports = {
  projects: [
    {
      displayName: 'node',
      testEnvironment: 'node',
      roots: ['<rootDir>/tests'],
      testMatch: ['<rootDir>/tests/{domain,functions,contracts,tools,security,reliability}/**/*.test.ts'],
      testPathIgnorePatterns: ['/node_modules/', '<rootDir>/tests/contracts/cloud-cost-budgets.test.ts'],
      transform: { '^.+\\.(t|j)sx?$': swc },
      transformIgnorePatterns: ['/node_modules/(?!(valibot)/)'],
    },
    {
      // The round-trip budgets (thousands of documents through the real wx-server-sdk over the fake) run in a
      // process of their own (`npm run test:unit` starts it apart): after other files in the same process they
      // ran several times slower (the SLA backlog case past its 240 s instead of ~25 s alone) and its leftover
      // requests then failed the files after it.
      displayName: 'cost',
      testEnvironment: 'node',
      roots: ['<rootDir>/tests'],
      testMatch: ['<rootDir>/tests/contracts/cloud-cost-budgets.test.ts'],
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
