import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildDemoDistrict } from './demo-district';
import { validateSeed } from './seed-store';

/** Where `npm run build:functions` puts the seed too; README's deploy step 3 imports from here. */
export const DEFAULT_SEED_DIR = resolve(__dirname, '../../build/cloud-db/seed');

/** The demo's pictures: served by the web build at `/assets/…`, not carried by the mini-program (#12). */
export const SEED_ASSETS_DIR = resolve(__dirname, '../../src/seed-assets');

/** A seed picture's reference: `/assets/<folder>/<file>` for a file of src/seed-assets. */
const SEED_PICTURE = /^\/assets\/((?:carriers|district|people)\/[\w.-]+)$/;

/** A cloud storage folder the pictures were uploaded to, as WeChat names it: `cloud://<env>.<bucket>/<folder>`. */
const CLOUD_FOLDER = /^cloud:\/\/[\w.-]+(?:\/[\w.-]+)*\/?$/;

export interface ExportOptions {
  /**
   * The mini-program's seed: the cloud storage folder holding src/seed-assets' files (same sub-folders), e.g.
   * `cloud://prod-1a2b.7072-prod-1a2b-1300000000/seed`. Every seed picture then names its file there instead of
   * `/assets/…`, which the mini-program package does not carry. Without it the seed is the web's.
   */
  files?: string;
}

/** Every seed picture (`/assets/carriers/…` …) anywhere in a document, rewritten by `rewrite`. */
const mapPictures = (value: unknown, rewrite: (file: string) => string): unknown => {
  if (typeof value === 'string') {
    const m = SEED_PICTURE.exec(value);
    return m ? rewrite(m[1] as string) : value;
  }
  if (Array.isArray(value)) return value.map((item) => mapPictures(item, rewrite));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, item]) => [k, mapPictures(item, rewrite)]));
  return value;
};

/** The seed pictures the documents name (paths inside src/seed-assets), each once. */
export const seedPictures = (docs: readonly unknown[]): string[] => {
  const found = new Set<string>();
  mapPictures(docs, (file) => {
    found.add(file);
    return file;
  });
  return [...found].sort();
};

/**
 * `npm run seed:export [dir] [--files cloud://…]`: writes the demo district as the cloud console imports it — one
 * file per collection, one JSON document per line — after checking every document against its domain schema.
 */
export const exportSeed = (
  outDir: string = DEFAULT_SEED_DIR,
  now: Date = new Date(),
  options: ExportOptions = {},
): { collection: string; file: string; documents: number }[] => {
  const { files } = options;
  if (files !== undefined && !CLOUD_FOLDER.test(files)) throw new Error(`--files needs a cloud storage folder (cloud://<env>.<bucket>/<folder>), not ${JSON.stringify(files)}`);
  const built = buildDemoDistrict(now);
  const folder = files?.replace(/\/+$/, '');
  const seed = folder ? (mapPictures(built, (file) => `${folder}/${file}`) as typeof built) : built;
  validateSeed(seed);
  const missing = seedPictures(Object.values(built).flat()).filter((file) => !existsSync(join(SEED_ASSETS_DIR, file)));
  if (missing.length) throw new Error(`seed pictures missing from src/seed-assets: ${missing.join(', ')}`);
  mkdirSync(outDir, { recursive: true });
  return Object.entries(seed).map(([collection, docs]) => {
    const file = join(outDir, `${collection}.json`);
    writeFileSync(file, docs.map((d) => JSON.stringify(d)).join('\n') + '\n');
    return { collection, file, documents: docs.length };
  });
};

/** The command line: an optional folder, an optional `--files <cloud folder>` (or `--files=<cloud folder>`). */
export const parseExportArgs = (argv: readonly string[]): { dir: string; options: ExportOptions } => {
  let dir: string | undefined;
  const options: ExportOptions = {};
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] as string;
    if (arg === '--files') {
      const next = argv[i + 1];
      if (next === undefined) throw new Error('--files needs a cloud storage folder (cloud://<env>.<bucket>/<folder>)');
      options.files = next;
      i += 1;
    } else if (arg.startsWith('--files=')) options.files = arg.slice('--files='.length);
    else if (arg.startsWith('--')) throw new Error(`unknown option ${arg}`);
    else dir = arg;
  }
  return { dir: dir ? resolve(dir) : DEFAULT_SEED_DIR, options };
};

if (require.main === module) {
  try {
    const { dir, options } = parseExportArgs(process.argv.slice(2));
    const written = exportSeed(dir, new Date(), options);
    for (const w of written) console.log(`${w.collection.padEnd(20)} ${String(w.documents).padStart(5)} documents → ${w.file}`);
    if (options.files) console.log(`seed pictures named in ${options.files}: upload src/seed-assets/ (carriers/ district/ people/) there`);
    else console.log('seed pictures as /assets/… (the web build serves them; for the mini-program: --files cloud://<env>.<bucket>/<folder>)');
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
