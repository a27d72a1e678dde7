/** Two projects: `node` (domain rules, use cases on real SQLite, store contracts, bundles) and `app` (jsdom). */
const swc = ['@swc/jest', { jsc: { target: 'es2022', parser: { syntax: 'typescript', tsx: true }, transform: { react: { runtime: 'automatic' } } } }];

module.exports = {
  projects: [
    {
      displayName: 'node',
      testEnvironment: 'node',
      roots: ['<rootDir>/tests'],
      testMatch: ['<rootDir>/tests/{domain,functions,contracts,tools,security,reliability}/**/*.test.ts'],
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
