import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildDemoDistrict } from './demo-district';
import { validateSeed } from './seed-store';

/** Where `npm run build:functions` puts the seed too; README's deploy step 3 imports from here. */
export const DEFAULT_SEED_DIR = resolve(__dirname, '../../build/cloud-db/seed');

/**
 * `npm run seed:export [dir]`: writes the demo district as the cloud console imports it — one file per
 * collection, one JSON document per line — after checking every document against its domain schema.
 */
export const exportSeed = (outDir: string = DEFAULT_SEED_DIR, now: Date = new Date()): { collection: string; file: string; documents: number }[] => {
  const seed = buildDemoDistrict(now);
  validateSeed(seed);
  mkdirSync(outDir, { recursive: true });
  return Object.entries(seed).map(([collection, docs]) => {
    const file = join(outDir, `${collection}.json`);
    writeFileSync(file, docs.map((d) => JSON.stringify(d)).join('\n') + '\n');
    return { collection, file, documents: docs.length };
  });
};

if (require.main === module) {
  try {
    const written = exportSeed(process.argv[2] ? resolve(process.argv[2]) : DEFAULT_SEED_DIR);
    for (const w of written) console.log(`${w.collection.padEnd(20)} ${String(w.documents).padStart(5)} documents → ${w.file}`);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
