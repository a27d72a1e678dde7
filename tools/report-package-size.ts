import { join, resolve } from 'node:path';
import { MAIN_PACKAGE_LIMIT, mainPackageBytes } from './bench/size-bench';

/** Prints the weapp main-package size after `npm run build:weapp`; fails when it breaks WeChat's 2 MB limit. */
const root = resolve(__dirname, '..');
const sizes = mainPackageBytes(join(root, 'dist'));
const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
console.log(`weapp main package: ${kib(sizes.main)} (${((sizes.main / MAIN_PACKAGE_LIMIT) * 100).toFixed(1)} % of 2 MB)`);
for (const [rootDir, bytes] of Object.entries(sizes.subpackages)) console.log(`  subpackage ${rootDir}: ${kib(bytes)}`);
console.log(`  total: ${kib(sizes.total)}`);
if (sizes.main > MAIN_PACKAGE_LIMIT) {
  console.error('main package exceeds the 2 MB limit WeChat enforces');
  process.exit(1);
}
