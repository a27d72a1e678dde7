import { buildFirstScreen, type RemScale } from './h5-first-screen';

/**
 * `node --import tsx tools/print-first-screen.ts <apiBase> <rem scale as JSON>` prints what index.html inlines
 * for the H5 first screen as JSON. config/index.ts runs it in a child process: Taro loads the config with a
 * compiler that only knows the config folder, and webpack's build cache cannot follow modules loaded through
 * tsx in-process.
 */
const [apiBase = '', scale = '{}'] = process.argv.slice(2);
process.stdout.write(JSON.stringify(buildFirstScreen({ root: process.cwd(), apiBase, scale: JSON.parse(scale) as RemScale })));
