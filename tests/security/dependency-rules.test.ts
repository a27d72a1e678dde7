import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

/**
 * Proves the rules in .dependency-cruiser.cjs bite. A throw-away tree shaped like the repo holds one file per
 * forbidden import plus files with the imports the house allows; the real config cruises it through the same
 * CLI `npm run depcheck` uses, and the violations must be exactly the expected ones: a rule that stops
 * matching (renamed folder, broken resolution, `exclude` swallowing packages) fails here, and so does a rule
 * that starts matching allowed code.
 */

const ROOT = resolve(__dirname, '../..');
const CONFIG = join(ROOT, '.dependency-cruiser.cjs');
const DEPCRUISE = join(ROOT, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs');

const FIXTURE: Record<string, string> = {
  'tsconfig.json': JSON.stringify({ compilerOptions: { module: 'ESNext', moduleResolution: 'Bundler', jsx: 'react-jsx', strict: true } }),

  // Allowed: none of these may be reported.
  'domain/other/thing.ts': `export const thing = 1;\n`,
  'domain/ok/valid.ts': `import * as v from 'valibot';\nimport dayjs from 'dayjs';\nimport { thing } from '../other/thing';\nexport const ok = [v, dayjs, thing];\n`,
  'src/services/client.ts': `import { thing } from '../../domain/other/thing';\nexport const call = thing;\n`,
  'src/pages/ok/index.tsx': `import { useState } from 'react';\nimport Taro from '@tarojs/taro';\nimport { call } from '../../services/client';\nexport const Page = () => useState([call, Taro]);\n`,
  'src/components/ok/index.tsx': `import { useState } from 'react';\nimport { thing } from '../../../domain/other/thing';\nexport const C = () => useState(thing);\n`,
  'cloudfunctions/fn-ok/index.ts': `import * as cloud from 'wx-server-sdk';\nimport { edge } from '../_lib/wx-edge';\nimport { useCase } from './use-case';\nexport const main = () => [cloud, edge, useCase];\n`,
  'cloudfunctions/fn-ok/use-case.ts': `import * as v from 'valibot';\nimport { randomBytes } from 'node:crypto';\nimport { thing } from '../../domain/other/thing';\nexport const useCase = [v, thing, randomBytes];\n`,
  'cloudfunctions/_lib/wx-edge.ts': `import type * as Sdk from 'wx-server-sdk';\nimport * as cloud from 'wx-server-sdk';\nexport const edge = (c: typeof Sdk) => [c, cloud];\n`,
  'tools/ok.ts': `import Database from 'better-sqlite3';\nimport { readFileSync } from 'node:fs';\nimport { useCase } from '../cloudfunctions/fn-ok/use-case';\nimport { thing } from '../domain/other/thing';\nexport const ok = [Database, readFileSync, useCase, thing];\n`,

  // (a) domain/ is pure.
  'domain/bad/node.ts': `import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n`,
  'domain/bad/taro.ts': `import Taro from '@tarojs/taro';\nexport const x = Taro;\n`,
  'domain/bad/react.ts': `import type { ReactNode } from 'react';\nexport type X = ReactNode;\n`,
  'domain/bad/wx.ts': `import type * as Sdk from 'wx-server-sdk';\nexport type X = typeof Sdk;\n`,
  'domain/bad/sqlite.ts': `import Database from 'better-sqlite3';\nexport const x = Database;\n`,
  'domain/bad/other-package.ts': `import QRCode from 'qrcode';\nexport const x = QRCode;\n`,
  'domain/bad/reach-out.ts': `import { useCase } from '../../cloudfunctions/fn-ok/use-case';\nexport const x = useCase;\n`,
  // (b) the app.
  'src/pages/bad/index.tsx': `import { useCase } from '../../../cloudfunctions/fn-ok/use-case';\nimport { ok } from '../../../tools/ok';\nexport const x = [useCase, ok];\n`,
  'src/components/bad/index.tsx': `import { call } from '../../services/client';\nexport const x = call;\n`,
  'src/bad-sqlite.ts': `import Database from 'better-sqlite3';\nexport const x = Database;\n`,
  'src/bad-wx.ts': `import * as cloud from 'wx-server-sdk';\nexport const x = cloud;\n`,
  // (c) the cloud functions.
  'cloudfunctions/fn-bad/use-case.ts':
    `import * as cloud from 'wx-server-sdk';\nimport Database from 'better-sqlite3';\nimport { call } from '../../src/services/client';\nimport { ok } from '../../tools/ok';\nexport const x = [cloud, Database, call, ok];\n`,
  'cloudfunctions/fn-bad/nested/index.ts': `import * as cloud from 'wx-server-sdk';\nexport const x = cloud;\n`,
  'cloudfunctions/_lib/index.ts': `import * as cloud from 'wx-server-sdk';\nexport const x = cloud;\n`,
  'cloudfunctions/_lib/store/other-store.ts': `import type { database } from 'wx-server-sdk';\nexport type X = database.Database;\n`,
  // The adapter may use the SDK's types (not reported) but not the SDK itself (reported once).
  'cloudfunctions/_lib/store/wx-store.ts': `import type { database } from 'wx-server-sdk';\nimport * as cloud from 'wx-server-sdk';\nexport type Db = database.Database;\nexport const x = cloud;\n`,
  // Collections are named only by repositories, the store, and the two _lib modules that own one each.
  'cloudfunctions/_lib/store/collections.ts': `export const COLLECTIONS = { leads: { name: 'leads' } };\n`,
  'cloudfunctions/_lib/repositories/thing.repository.ts': `import { COLLECTIONS } from '../store/collections';\nexport const things = COLLECTIONS.leads.name;\n`,
  'cloudfunctions/_lib/notifications.ts': `import { COLLECTIONS } from './store/collections';\nexport const outbox = COLLECTIONS;\n`,
  'cloudfunctions/fn-ok/through-repository.ts': `import { things } from '../_lib/repositories/thing.repository';\nexport const x = things;\n`,
  'cloudfunctions/fn-bad/touches-collections.ts': `import { COLLECTIONS } from '../_lib/store/collections';\nexport const x = COLLECTIONS;\n`,
  'cloudfunctions/_lib/helper-touches-collections.ts': `import { COLLECTIONS } from './store/collections';\nexport const x = COLLECTIONS;\n`,
  // (d) cycles, one of them type-only; depcruise reports each cycle once, from its first module.
  'domain/cycle/a.ts': `import { b } from './b';\nexport const a = () => b;\n`,
  'domain/cycle/b.ts': `import { a } from './a';\nexport const b = () => a;\n`,
  'cloudfunctions/_lib/cycle-x.ts': `import type { Y } from './cycle-y';\nexport interface X { y?: Y }\n`,
  'cloudfunctions/_lib/cycle-y.ts': `import type { X } from './cycle-x';\nexport interface Y { x?: X }\n`,
  // (e) tools.
  'tools/bad.ts': `import { call } from '../src/services/client';\nexport const x = call;\n`,
  'tools/host-ok.ts': `import { plain } from '../src/first-screen/ok';\nexport const x = plain;\n`,
  // (f) the first screen: plain code only, however far down the import chain.
  'src/first-screen/ok.ts': `import { thing } from '../../domain/other/thing';\nexport const plain = thing;\n`,
  'src/first-screen/bad.ts': `import { helper } from '../utils/taro-helper';\nimport { readFileSync } from 'node:fs';\nexport const x = [helper, readFileSync];\n`,
  'src/utils/taro-helper.ts': `import Taro from '@tarojs/taro';\nexport const helper = Taro;\n`,
  // Unresolvable imports would slip past every path rule.
  'tools/typo.ts': `import { nothing } from './does-not-exist';\nexport const x = nothing;\n`,
};

/** [rule, from, to] where `to` is a package name, a builtin, or a fixture path. */
type Violation = [string, string, string];

const EXPECTED: Violation[] = [
  ['domain-is-pure', 'domain/bad/node.ts', 'fs'],
  ['domain-no-node-builtins', 'domain/bad/node.ts', 'fs'],
  ['domain-is-pure', 'domain/bad/taro.ts', '@tarojs/taro'],
  ['domain-is-pure', 'domain/bad/react.ts', 'react'],
  ['domain-is-pure', 'domain/bad/wx.ts', 'wx-server-sdk'],
  ['wx-server-sdk-only-at-the-edge', 'domain/bad/wx.ts', 'wx-server-sdk'],
  ['domain-is-pure', 'domain/bad/sqlite.ts', 'better-sqlite3'],
  ['domain-is-pure', 'domain/bad/other-package.ts', 'qrcode'],
  ['domain-is-pure', 'domain/bad/reach-out.ts', 'cloudfunctions/fn-ok/use-case.ts'],

  ['app-not-to-backend', 'src/pages/bad/index.tsx', 'cloudfunctions/fn-ok/use-case.ts'],
  ['app-not-to-backend', 'src/pages/bad/index.tsx', 'tools/ok.ts'],
  ['components-not-to-services', 'src/components/bad/index.tsx', 'src/services/client.ts'],
  ['app-no-sqlite', 'src/bad-sqlite.ts', 'better-sqlite3'],
  ['wx-server-sdk-only-at-the-edge', 'src/bad-wx.ts', 'wx-server-sdk'],

  ['wx-server-sdk-only-at-the-edge', 'cloudfunctions/fn-bad/use-case.ts', 'wx-server-sdk'],
  ['functions-no-sqlite', 'cloudfunctions/fn-bad/use-case.ts', 'better-sqlite3'],
  ['functions-not-to-app-or-tools', 'cloudfunctions/fn-bad/use-case.ts', 'src/services/client.ts'],
  ['functions-not-to-app-or-tools', 'cloudfunctions/fn-bad/use-case.ts', 'tools/ok.ts'],
  ['wx-server-sdk-only-at-the-edge', 'cloudfunctions/fn-bad/nested/index.ts', 'wx-server-sdk'],
  ['wx-server-sdk-only-at-the-edge', 'cloudfunctions/_lib/index.ts', 'wx-server-sdk'],
  ['wx-server-sdk-only-at-the-edge', 'cloudfunctions/_lib/store/other-store.ts', 'wx-server-sdk'],
  ['wx-store-types-only', 'cloudfunctions/_lib/store/wx-store.ts', 'wx-server-sdk'],

  ['collections-only-in-repositories', 'cloudfunctions/fn-bad/touches-collections.ts', 'cloudfunctions/_lib/store/collections.ts'],
  ['collections-only-in-repositories', 'cloudfunctions/_lib/helper-touches-collections.ts', 'cloudfunctions/_lib/store/collections.ts'],

  ['no-circular', 'domain/cycle/a.ts', 'domain/cycle/b.ts'],
  ['no-circular', 'cloudfunctions/_lib/cycle-x.ts', 'cloudfunctions/_lib/cycle-y.ts'],

  ['tools-not-to-app', 'tools/bad.ts', 'src/services/client.ts'],
  ['first-screen-is-plain', 'src/first-screen/bad.ts', '@tarojs/taro'],
  ['first-screen-no-node', 'src/first-screen/bad.ts', 'fs'],
  ['not-to-unresolvable', 'tools/typo.ts', './does-not-exist'],
];

interface CruiseViolation {
  from: string;
  to: string;
  rule: { name: string; severity: string };
}
interface CruiseOutput {
  summary: { violations: CruiseViolation[]; error: number; totalCruised: number };
  modules: Array<{ source: string; dependencies: Array<{ module: string; resolved: string; dependencyTypes: string[] }> }>;
}

const cruise = (cwd: string, targets: string[]): CruiseOutput => {
  const r = spawnSync(process.execPath, [DEPCRUISE, '--config', CONFIG, '--output-type', 'json', ...targets], { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (!r.stdout) throw new Error(`depcruise produced no output (exit ${r.status}): ${r.stderr}`);
  return JSON.parse(r.stdout) as CruiseOutput;
};

/** `…/node_modules/@scope/name/x.d.ts` → `@scope/name`; fixture paths and builtins unchanged. */
const shortTarget = (to: string): string => {
  const m = /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(to);
  return m ? m[1] : to;
};

const key = (v: Violation) => v.join(' | ');

describe('dependency rules (.dependency-cruiser.cjs)', () => {
  let dir: string;
  let output: CruiseOutput;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'investcard-depcruise-'));
    for (const [path, text] of Object.entries(FIXTURE)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    // Packages resolve exactly as in the repo (rules match `node_modules/<name>/` after resolution).
    symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
    output = cruise(dir, ['domain', 'src', 'cloudfunctions', 'tools']);
  }, 60_000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('cruises every fixture file', () => {
    const sources = new Set(output.modules.map((m) => m.source));
    for (const path of Object.keys(FIXTURE).filter((p) => p !== 'tsconfig.json')) expect(sources).toContain(path);
  });

  it('reports exactly the forbidden imports, all as errors', () => {
    const actual = output.summary.violations.map((v): Violation => [v.rule.name, v.from, shortTarget(v.to)]);
    expect(actual.map(key).sort()).toEqual(EXPECTED.map(key).sort());
    expect(output.summary.violations.every((v) => v.rule.severity === 'error')).toBe(true);
  });

  it('every rule in the config is exercised by at least one fixture', () => {
    const config = require(CONFIG) as { forbidden: Array<{ name: string; severity: string }> };
    const exercised = new Set(EXPECTED.map(([rule]) => rule));
    for (const rule of config.forbidden) {
      expect(rule.severity).toBe('error');
      expect(exercised).toContain(rule.name);
    }
  });

  it('resolves the real repo: packages, builtins and type-only imports are visible to the rules', () => {
    const real = cruise(ROOT, ['domain', 'cloudfunctions']);
    const edges = real.modules.flatMap((m) => m.dependencies.map((d) => ({ from: m.source, to: d.resolved, types: d.dependencyTypes })));
    expect(edges).toContainEqual(expect.objectContaining({ from: 'cloudfunctions/workspace/index.ts', to: expect.stringMatching(/^node_modules\/wx-server-sdk\//) }));
    expect(edges).toContainEqual(expect.objectContaining({ from: 'domain/api/contract.ts', to: expect.stringMatching(/^node_modules\/valibot\//), types: expect.arrayContaining(['type-only']) }));
    expect(edges.some((e) => e.from.startsWith('cloudfunctions/') && e.types.includes('core'))).toBe(true);
  }, 60_000);
});
