import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as v from 'valibot';
import { CardSchema } from '../../domain/card/card.schema';
import { CarrierSchema } from '../../domain/carrier/carrier.schema';
import { DistrictSchema } from '../../domain/org/district.schema';
import { exportSeed, parseExportArgs, SEED_ASSETS_DIR, seedPictures } from '../../tools/seed/export-seed';

const ROOT = join(__dirname, '../..');

describe('npm run seed:export', () => {
  let dir = '';
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'investcard-seed-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('points at a script that exists', () => {
    const script = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts['seed:export'];
    const file = /tsx\s+(\S+)/.exec(script)?.[1];
    expect(file).toBeDefined();
    expect(existsSync(join(ROOT, file as string))).toBe(true);
  });

  it('writes one JSON-lines file per collection, every line a document its schema accepts', () => {
    const written = exportSeed(dir, new Date('2026-11-30T02:00:00.000Z'));
    expect(readdirSync(dir).sort()).toEqual(written.map((w) => `${w.collection}.json`).sort());
    for (const name of ['districts', 'units', 'staff', 'cards', 'carriers']) expect(readdirSync(dir)).toContain(`${name}.json`);
    const schemas: Record<string, v.GenericSchema> = { districts: DistrictSchema, cards: CardSchema, carriers: CarrierSchema };
    for (const w of written) {
      const lines = readFileSync(w.file, 'utf8').trimEnd().split('\n');
      expect(lines).toHaveLength(w.documents);
      for (const line of lines) {
        const doc = JSON.parse(line) as { _id?: unknown };
        expect(typeof doc._id).toBe('string');
        const schema = schemas[w.collection];
        if (schema) expect(v.safeParse(schema, doc).issues).toBeUndefined();
      }
    }
    expect(written.find((w) => w.collection === 'carriers')?.documents).toBeGreaterThan(10);
  });

  it('runs from the command line into the folder it is given', () => {
    const run = spawnSync(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'tools/seed/export-seed.ts', dir], { cwd: ROOT, encoding: 'utf8' });
    expect(run.status).toBe(0);
    // The demo seeds two districts (临江区 and 望山区) of one city.
    expect(run.stdout).toMatch(/districts\s+2 documents/);
    expect(existsSync(join(dir, 'districts.json'))).toBe(true);
  });

  const readSeed = (files: Array<{ file: string }>): unknown[] => files.flatMap((w) => readFileSync(w.file, 'utf8').trimEnd().split('\n').map((line) => JSON.parse(line) as unknown));
  const NOW = new Date('2026-11-30T02:00:00.000Z');

  it('names the web build’s seed pictures (`/assets/…`, src/seed-assets, which the mini-program does not carry)', () => {
    const docs = readSeed(exportSeed(dir, NOW));
    const pictures = seedPictures(docs);
    expect(pictures).toEqual(expect.arrayContaining(['district/cover.svg', 'people/wechat-qr.svg']));
    expect(pictures.some((p) => p.startsWith('carriers/'))).toBe(true);
    for (const picture of pictures) expect(existsSync(join(SEED_ASSETS_DIR, picture))).toBe(true);
    // The app's own icons stay in src/assets (both builds); the pictures moved out of it.
    expect(existsSync(join(ROOT, 'src/assets/icons'))).toBe(true);
    for (const folder of ['carriers', 'district', 'people']) expect(existsSync(join(ROOT, 'src/assets', folder))).toBe(false);
  });

  it('with --files, names every seed picture in that cloud storage folder instead, each document still valid', () => {
    const folder = 'cloud://prod-1a2b.7072-prod-1a2b-1300000000/seed';
    const web = readSeed(exportSeed(dir, NOW));
    const written = exportSeed(dir, NOW, { files: `${folder}/` });
    const docs = readSeed(written);
    expect(seedPictures(docs)).toEqual([]);
    const text = JSON.stringify(docs);
    expect(text).not.toMatch(/"\/assets\//);
    for (const picture of seedPictures(web)) expect(text).toContain(`"${folder}/${picture}"`);
    const schemas: Record<string, v.GenericSchema> = { districts: DistrictSchema, cards: CardSchema, carriers: CarrierSchema };
    for (const w of written) {
      const schema = schemas[w.collection];
      if (!schema) continue;
      for (const line of readFileSync(w.file, 'utf8').trimEnd().split('\n')) expect(v.safeParse(schema, JSON.parse(line)).issues).toBeUndefined();
    }
  });

  it('refuses a --files that is not a cloud storage folder, writing nothing', () => {
    expect(() => exportSeed(dir, NOW, { files: 'https://example.com/seed' })).toThrow(/cloud storage folder/);
    expect(readdirSync(dir)).toEqual([]);
    expect(parseExportArgs(['out', '--files', 'cloud://env.b/seed'])).toEqual({ dir: join(process.cwd(), 'out'), options: { files: 'cloud://env.b/seed' } });
    expect(parseExportArgs(['--files=cloud://env.b/seed']).options).toEqual({ files: 'cloud://env.b/seed' });
    expect(() => parseExportArgs(['--files'])).toThrow(/cloud storage folder/);
    expect(() => parseExportArgs(['--file', 'x'])).toThrow(/unknown option/);
  });

  it('runs with --files from the command line', () => {
    const run = spawnSync(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'tools/seed/export-seed.ts', dir, '--files', 'cloud://env-1.bucket/seed'], { cwd: ROOT, encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(readFileSync(join(dir, 'districts.json'), 'utf8')).toContain('"cloud://env-1.bucket/seed/district/cover.svg"');
    expect(run.stdout).toMatch(/upload src\/seed-assets\//);
  });
});
