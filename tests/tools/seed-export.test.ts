import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as v from 'valibot';
import { CardSchema } from '../../domain/card/card.schema';
import { CarrierSchema } from '../../domain/carrier/carrier.schema';
import { DistrictSchema } from '../../domain/org/district.schema';
import { exportSeed } from '../../tools/seed/export-seed';

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
});
