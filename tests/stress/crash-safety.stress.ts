import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { removeDataDir, startLocalCloudProcess, type LocalCloudProcess } from '../../tools/local-cloud/local-cloud-process';
import { post, submission } from './support';

/** SIGKILL the local cloud in the middle of sustained submissions: every acknowledged lead must survive. */
describe('crash safety', () => {
  const env = { INVESTCARD_DISTRICT_BURST_PER_MIN: '1000000' };
  let cloud: LocalCloudProcess | null = null;
  let dataDir: string | null = null;
  after(async () => {
    await cloud?.stop('SIGKILL');
    if (dataDir) removeDataDir(dataDir);
  });

  it('finds every acknowledged lead after a SIGKILL and restart, in a database that passes integrity_check', async () => {
    cloud = await startLocalCloudProcess({ env });
    dataDir = cloud.dataDir;
    const acknowledged = new Set<string>();
    let attempted = 0;
    let killed = false;
    const client = async (c: number) => {
      for (let i = 0; !killed; i += 1) {
        attempted += 1;
        try {
          const r = await post((cloud as LocalCloudProcess).url, 'lead.submit', submission(`crash-${c.toString().padStart(3, '0')}-${i.toString().padStart(6, '0')}`), `guest-crash${c}-${Math.floor(i / 5)}`);
          if (r.ok) acknowledged.add((r.data as { leadId: string }).leadId);
        } catch {
          return; // the server died under this request: unacknowledged by definition
        }
      }
    };
    const clients = Array.from({ length: 10 }, (_, c) => client(c));
    await new Promise((r) => setTimeout(r, 2_500));
    await cloud.stop('SIGKILL');
    killed = true;
    await Promise.all(clients);
    assert.ok(acknowledged.size > 50, `only ${acknowledged.size} leads were acknowledged before the kill`);

    cloud = await startLocalCloudProcess({ dataDir, env });
    await cloud.stop();
    cloud = null;
    const db = new Database(join(dataDir, 'investcard.sqlite'), { readonly: true });
    try {
      assert.equal(db.pragma('integrity_check', { simple: true }), 'ok');
      const stored = new Set((db.prepare('SELECT id FROM leads').all() as Array<{ id: string }>).map((r) => r.id));
      const missing = [...acknowledged].filter((id) => !stored.has(id));
      assert.deepEqual(missing, [], `${missing.length} acknowledged leads lost`);
      const events = db.prepare('SELECT COUNT(*) AS n FROM lead_events').get() as { n: number };
      assert.equal(events.n, stored.size, 'every stored lead has exactly its created event');
      console.log(`crash safety: ${attempted} attempted, ${acknowledged.size} acknowledged, ${stored.size} stored, 0 lost`);
    } finally {
      db.close();
    }
  });
});
