import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { removeDataDir, startLocalCloudProcess, type LocalCloudProcess } from '../../tools/local-cloud/local-cloud-process';
import { percentile, post, submission } from './support';

const SECONDS = Number(process.env.STRESS_LOAD_SECONDS ?? 60);
const INVESTORS = 200;

/** 200 virtual investors browsing and inquiring for a bounded time on loopback; stops by itself. */
describe(`load: ${INVESTORS} virtual investors for ${SECONDS} s`, () => {
  let cloud: LocalCloudProcess;
  before(async () => {
    cloud = await startLocalCloudProcess({ env: { INVESTCARD_DISTRICT_BURST_PER_MIN: '1000000' } });
  });
  after(async () => {
    await cloud?.stop();
    if (cloud) removeDataDir(cloud.dataDir);
  });

  it('serves every request without an error', async () => {
    const deadline = Date.now() + SECONDS * 1000;
    const samples: number[] = [];
    const errors: string[] = [];
    let leads = 0;
    const investor = async (n: number) => {
      for (let i = 0; Date.now() < deadline; i += 1) {
        const step = i % 4;
        const t0 = performance.now();
        const r =
          step === 0
            ? await post(cloud.url, 'card.get', {}, `guest-load${n}`)
            : step === 1
              ? await post(cloud.url, 'carrier.search', { districtId: 'demo-linjiang', type: (['factory', 'building', 'incubator'] as const)[i % 3], hasVacancy: true }, `guest-load${n}`)
              : step === 2
                ? await post(cloud.url, 'carrier.get', { carrierId: 'factory-001' }, `guest-load${n}`)
                : // Each virtual investor asks at most 5 questions: within the per-investor limit by design.
                  i < 20
                  ? await post(cloud.url, 'lead.submit', submission(`load-test-${n.toString().padStart(4, "0")}-${i.toString().padStart(5, "0")}`), `guest-load${n}`)
                  : await post(cloud.url, 'lead.mine', {}, `guest-load${n}`);
        samples.push(performance.now() - t0);
        if (!r.ok) errors.push(r.error?.code ?? 'unknown');
        else if (step === 3 && i < 20) leads += 1;
      }
    };
    await Promise.all(Array.from({ length: INVESTORS }, (_, n) => investor(n)));
    console.log(`load: ${samples.length} requests, ${leads} leads, p50 ${percentile(samples, 50).toFixed(1)} ms, p99 ${percentile(samples, 99).toFixed(1)} ms, errors ${errors.length}`);
    const byCode = errors.reduce<Record<string, number>>((acc, code) => ({ ...acc, [code]: (acc[code] ?? 0) + 1 }), {});
    assert.deepEqual(byCode, {});
    assert.ok(leads >= INVESTORS, `only ${leads} inquiries were accepted`);
  });
});
