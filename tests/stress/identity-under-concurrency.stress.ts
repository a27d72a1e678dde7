import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { removeDataDir, startLocalCloudProcess, type LocalCloudProcess } from '../../tools/local-cloud/local-cloud-process';
import { post } from './support';

/**
 * getWXContext() reads process-wide environment variables: a server that handled identity that way mixed
 * users under concurrency (999 of 1000 requests saw someone else). Identity here travels per request.
 */
describe('identity under concurrency', () => {
  let cloud: LocalCloudProcess;
  before(async () => {
    cloud = await startLocalCloudProcess();
  });
  after(async () => {
    await cloud?.stop();
    if (cloud) removeDataDir(cloud.dataDir);
  });

  it('1000 concurrent requests from different personas each get their own identity back', async () => {
    const staff: Record<string, string> = { head: 'staff-head', commissioner: 'staff-commissioner', 'tech-staff': 'staff-tech', 'commerce-staff': 'staff-commerce', admin: 'staff-admin' };
    const personas = Array.from({ length: 1000 }, (_, i) => (i % 3 === 0 ? Object.keys(staff)[i % 5] : i % 3 === 1 ? `guest-id${i}` : 'visitor'));
    const results = await Promise.all(personas.map((p) => post(cloud.url, 'session.whoami', {}, p)));
    let mismatches = 0;
    results.forEach((r, i) => {
      const p = personas[i];
      const data = r.data as { kind: string; staff: { staffId: string } | null };
      const expected = staff[p] ? { kind: 'staff', staffId: staff[p] } : p === 'visitor' ? { kind: 'anonymous', staffId: undefined } : { kind: 'investor', staffId: undefined };
      if (!r.ok || data.kind !== expected.kind || data.staff?.staffId !== expected.staffId) mismatches += 1;
    });
    assert.equal(mismatches, 0);
  });

  it('concurrent investors each see only their own inquiries', async () => {
    const investors = Array.from({ length: 60 }, (_, i) => `guest-own${i}`);
    await Promise.all(investors.map((p, i) => post(cloud.url, 'lead.submit', { idempotencyKey: `identity-own-${i.toString().padStart(6, '0')}`, contact: { name: `投资人${i}`, company: '', phone: '13900139000' }, need: { industry: '人工智能', scale: 'undecided' }, message: `来自 ${p}`, source: { channel: 'web_link', cardId: 'card-staff-head' }, consent: { agreed: true, noticeVersion: '2026-11' } }, p)));
    const mine = await Promise.all(investors.map((p) => post(cloud.url, 'lead.mine', {}, p)));
    mine.forEach((r, i) => {
      const items = (r.data as { items: Array<{ message: string }> }).items;
      assert.equal(items.length, 1, `${investors[i]} sees ${items.length} leads`);
      assert.equal(items[0].message, `来自 ${investors[i]}`);
    });
  });
});
