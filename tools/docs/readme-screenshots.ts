import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { PERSONA_HEADER } from '../../domain/api/contract';
import { removeDataDir, ROOT, startLocalCloudProcess } from '../local-cloud/local-cloud-process';

/**
 * `npx tsx tools/docs/readme-screenshots.ts`: phone-sized captures of the H5 build (dist-h5) for README,
 * against a fresh local cloud. Re-run after UI changes so the README shows what the app shows.
 */
const OUT = join(ROOT, 'docs', 'screenshots');

const main = async () => {
  mkdirSync(OUT, { recursive: true });
  const cloud = await startLocalCloudProcess();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const submit = await fetch(`${cloud.url}api/lead.submit`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [PERSONA_HEADER]: 'investor' },
      body: JSON.stringify({
        input: {
          idempotencyKey: 'readme-screenshot-lead-0001',
          contact: { name: '郑晓川', company: '云启智能科技有限公司', phone: '13900139000' },
          need: { industry: '先进制造', scale: '100m_500m', carrierType: 'factory', areaMin: 3000, areaMax: 8000 },
          message: '计划建设智能装备生产基地，需要 5000 ㎡ 左右的标准厂房，希望了解租金补贴政策。',
          source: { channel: 'chat', cardId: 'card-staff-head' },
          consent: { agreed: true, noticeVersion: '2026-11' },
        },
      }),
    });
    const leadId = ((await submit.json()) as { data: { leadId: string } }).data.leadId;
    const shots: Array<[string, string, string]> = [
      ['card', '', 'investor'],
      ['carriers', '#/pages/carriers/index?districtId=demo-linjiang', 'investor'],
      ['lead-form', '#/inquiry/lead-form/index?cardId=card-staff-head&channel=chat', 'investor'],
      ['staff-lead-detail', `#/staff/lead-detail/index?id=${leadId}`, 'head'],
    ];
    for (const [name, hash, persona] of shots) {
      const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1, isMobile: true, locale: 'zh-CN' });
      await context.addInitScript((p) => window.localStorage.setItem('investcard.persona', p), persona);
      const page: Page = await context.newPage();
      await page.goto(`${cloud.url}${hash}`);
      await page.waitForLoadState('networkidle');
      await page.addStyleTag({ content: '.persona-switcher{display:none!important}' });
      await page.waitForTimeout(800);
      await page.screenshot({ path: join(OUT, `${name}.png`) });
      await context.close();
      console.log(`wrote docs/screenshots/${name}.png`);
    }
  } finally {
    await browser.close();
    await cloud.stop();
    removeDataDir(cloud.dataDir);
  }
};

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
