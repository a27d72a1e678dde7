/**
 * Deploy check for a WeChat Cloud environment, run by an operator with real credentials:
 *
 *   TENCENTCLOUD_SECRETID=… TENCENTCLOUD_SECRETKEY=… npm run check:cloud -- --env=<env id>
 *
 * Every collection of cloudfunctions/_lib/store/collections.ts must exist before a function touches it (the
 * service answers -502005 «Db or Table not exist» otherwise): missing ones are created with
 * `db.createCollection`. Indexes cannot be created or read through the SDK (only in the console), so the check
 * lists the indexes every created collection still needs, and the ones to confirm in the console for the others.
 * Exits 1 when something could not be checked or created, or indexes are still to be created.
 */
import { ALL_COLLECTIONS, type CollectionSpec } from '../cloudfunctions/_lib/store/collections';

/** The part of `cloud.database()` the check uses. */
export interface DeployCheckDb {
  collection(name: string): { limit(n: number): { get(): Promise<unknown> } };
  createCollection(name: string): Promise<unknown>;
}

export interface DeployCheckReport {
  existing: string[];
  created: string[];
  /** Collections that could be neither confirmed nor created, with the service's answer. */
  failed: Array<{ collection: string; error: string }>;
  /** Indexes a just-created collection lacks: create them in the console (field order matters). */
  missingIndexes: Array<{ collection: string; index: string; fields: string[]; unique: boolean }>;
  /** Indexes of collections that existed already: the SDK cannot read indexes, so confirm them in the console. */
  toConfirm: Array<{ collection: string; index: string; fields: string[] }>;
}

const describe = (e: unknown): string => {
  if (typeof e === 'object' && e !== null) {
    const r = e as { errCode?: unknown; errMsg?: unknown; code?: unknown; message?: unknown };
    return [r.errCode, r.code, r.errMsg, r.message].filter((x) => x !== undefined && x !== '').join(' ');
  }
  return String(e);
};

/** wx-server-sdk's answer for a collection that does not exist (errCode -502005). */
export const isMissingCollection = (e: unknown): boolean => /-502005|DATABASE_COLLECTION_NOT_EXIST|Db or Table not exist|collection not exist/i.test(describe(e));
/** The answer to creating a collection someone else created in the meantime. */
const isAlreadyThere = (e: unknown): boolean => /ALREADY_EXIST|Table exist|ResourceExist|ResourceInUse|already exists/i.test(describe(e));

export async function checkCloudDeployment(db: DeployCheckDb, collections: readonly CollectionSpec[] = ALL_COLLECTIONS): Promise<DeployCheckReport> {
  const report: DeployCheckReport = { existing: [], created: [], failed: [], missingIndexes: [], toConfirm: [] };
  for (const spec of collections) {
    let exists: boolean;
    try {
      await db.collection(spec.name).limit(1).get();
      exists = true;
    } catch (e) {
      if (!isMissingCollection(e)) {
        report.failed.push({ collection: spec.name, error: describe(e) });
        continue;
      }
      exists = false;
    }
    if (exists) {
      report.existing.push(spec.name);
      for (const i of spec.indexes) report.toConfirm.push({ collection: spec.name, index: i.name, fields: i.fields });
      continue;
    }
    try {
      await db.createCollection(spec.name);
    } catch (e) {
      if (!isAlreadyThere(e)) {
        report.failed.push({ collection: spec.name, error: describe(e) });
        continue;
      }
    }
    report.created.push(spec.name);
    for (const i of spec.indexes) report.missingIndexes.push({ collection: spec.name, index: i.name, fields: i.fields, unique: i.unique ?? false });
  }
  return report;
}

export function printDeployCheck(report: DeployCheckReport): void {
  console.log(`collections: ${report.existing.length} existing, ${report.created.length} created${report.created.length ? ` (${report.created.join(', ')})` : ''}`);
  for (const f of report.failed) console.log(`  FAILED ${f.collection}: ${f.error}`);
  if (report.missingIndexes.length) {
    console.log('indexes to create in the console (集合 → 索引管理; field order matters, all ascending):');
    for (const i of report.missingIndexes) console.log(`  ${i.collection}.${i.index}: ${i.fields.join(', ')}${i.unique ? ' (unique)' : ''}`);
  }
  if (report.toConfirm.length) {
    console.log('indexes to confirm in the console (the SDK cannot list them):');
    for (const i of report.toConfirm) console.log(`  ${i.collection}.${i.index}: ${i.fields.join(', ')}`);
  }
}

async function main(): Promise<void> {
  const env = process.argv.find((a) => a.startsWith('--env='))?.slice('--env='.length) ?? process.env.TCB_ENV;
  if (!env || !process.env.TENCENTCLOUD_SECRETID || !process.env.TENCENTCLOUD_SECRETKEY) {
    console.error('usage: TENCENTCLOUD_SECRETID=… TENCENTCLOUD_SECRETKEY=… npm run check:cloud -- --env=<environment id>');
    process.exit(2);
  }
  // The operator's own credentials, against their environment: this tool is an edge to WeChat Cloud by design.
  const cloud = (await import('wx-server-sdk')) as unknown as { init(c: Record<string, string>): void; database(): DeployCheckDb };
  cloud.init({ env, secretId: process.env.TENCENTCLOUD_SECRETID, secretKey: process.env.TENCENTCLOUD_SECRETKEY });
  const report = await checkCloudDeployment(cloud.database());
  printDeployCheck(report);
  if (report.failed.length || report.missingIndexes.length) process.exit(1);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.stack : error);
    process.exit(1);
  });
}
