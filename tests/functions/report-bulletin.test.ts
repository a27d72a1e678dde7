import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Lead } from '../../domain/lead/lead.schema';
import { bulletinMonthDue, firstWorkingDayOfMonth } from '../../domain/report/bulletin.rules';
import { COLLECTIONS } from '../../cloudfunctions/_lib/store/collections';
import { isBulletinTimerEvent } from '../../cloudfunctions/reports/bulletin-timer';
import { runMonthlyBulletins } from '../../cloudfunctions/reports/monthly-bulletins';
import { getDistrict } from '../../cloudfunctions/_lib/repositories/org.repository';
import { DEMO_DISTRICT_ID } from '../../tools/seed/demo-district';
import { SHARE_COLORS } from '../../domain/report/bulletin-share-image.rules';
import { decodePng, inkPixels } from '../support/png-decode';
import { storeSampleBulletin } from '../support/sample-bulletin';
import { createTestBackend, leadInput, OPENID, type TestBackend } from '../support/test-backend';

type Item = { id: string; month: string; label: string; title: string; pdfBytes: number; pngBytes: number | null; inquiries: number; confirmedSigned: number };

/** The PDF's text as a reader (and a screen reader) gets it: poppler's pdftotext. */
const pdfText = (bytes: Uint8Array): string => {
  const dir = mkdtempSync(join(tmpdir(), 'investcard-pdf-'));
  try {
    writeFileSync(join(dir, 'b.pdf'), bytes);
    return execFileSync('pdftotext', ['-layout', join(dir, 'b.pdf'), '-'], { encoding: 'utf8' });
  } catch (error) {
    // spawn's own error is circular (jest's worker cannot report it); say what is missing instead.
    const code = (error as NodeJS.ErrnoException).code;
    throw new Error(code === 'ENOENT' ? 'pdftotext is not installed: apt-get install poppler-utils (as .ci/run does)' : `pdftotext failed: ${String((error as Error).message)}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};

const fileOf = async (b: TestBackend, url: string) => {
  const link = new URL(url, 'http://local');
  return b.deps.files.get(`local:${link.pathname.replace('/api/_local/files/', '')}`);
};

describe('每月一通报', () => {
  let b: TestBackend;
  const rev = async (id: string) => (await b.store.get<Lead>(COLLECTIONS.leads.name, id))?._rev ?? -1;

  beforeEach(async () => {
    b = await createTestBackend({ now: '2026-11-10T02:00:00.000Z' });
    b.deps.intakeLimits = { perInvestorPer10Min: 100, perInvestorPerDay: 100, perDistrictPerMinute: 100 };
    const submit = async (company: string, cardId: string, channel: string) =>
      (await b.ok<{ leadId: string }>('lead.submit', leadInput({ contact: { name: '测试', company, phone: '13900139003' }, source: { channel, cardId } }), OPENID.investorA)).leadId;
    const signed = await submit('云帆智能科技有限公司', 'card-staff-head', 'chat');
    await submit('青禾生物医药', 'card-staff-tech', 'moments');
    await submit('远山新材料', 'card-staff-tech', 'qr');
    for (const to of ['contacted', 'negotiating', 'signed']) await b.ok('lead.transition', { leadId: signed, to, rev: await rev(signed) }, OPENID.head);
    await b.ok('lead.setFacts', { leadId: signed, creditCode: '91330106MA2B3C4D5D', investmentWan: 35_000, rev: await rev(signed) }, OPENID.head);
    await b.ok('lead.confirmStage', { leadId: signed, stage: 'signed', note: '协议已签', date: '2026-11-10', rev: await rev(signed) }, OPENID.investLeader);
  });
  afterEach(() => b.close());

  it('is due from the first working day of the month, on the district’s own calendar', async () => {
    const calendar = (await getDistrict(b.store, DEMO_DISTRICT_ID))?.workingCalendar;
    if (!calendar) throw new Error('the demo district has a seeded calendar');
    // 2026: National Day holidays run 10-01 … 10-07 (chinese-days); the first working day is after them.
    expect(firstWorkingDayOfMonth(new Date('2026-10-02T02:00:00.000Z'), calendar)).toBe('2026-10-08');
    expect(bulletinMonthDue(new Date('2026-10-07T02:00:00.000Z'), calendar)).toBeNull();
    expect(bulletinMonthDue(new Date('2026-10-08T02:00:00.000Z'), calendar)?.key).toBe('2026-09');
    // 12-01 00:30 China time is already December: November's bulletin is due.
    expect(bulletinMonthDue(new Date('2026-11-30T16:30:00.000Z'), calendar)?.key).toBe('2026-11');
    expect(bulletinMonthDue(new Date('2026-11-30T15:59:00.000Z'), calendar)?.key).toBe('2026-10');
  });

  it('makes last month’s PDF, workbook and share image once per district, tells the leaders, and keeps them listed', async () => {
    b.clock.set('2026-11-30T23:30:00.000Z'); // 12-01 07:30 China time, the trigger's hour
    const first = await runMonthlyBulletins(b.deps);
    expect(first.made).toContain(`bl_${DEMO_DISTRICT_ID}_2026-11`);
    // The timer running again (or a run racing it) makes no second one.
    expect((await runMonthlyBulletins(b.deps)).made).toEqual([]);

    const { items } = await b.ok<{ items: Item[] }>('report.bulletins', {}, OPENID.tech);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ month: '2026-11', label: '2026年11月', inquiries: 3, confirmedSigned: 1 });
    expect(items[0]?.pdfBytes).toBeLessThan(400_000);

    const pdf = await b.ok<{ fileName: string; url: string }>('report.bulletinFile', { bulletinId: items[0]?.id, format: 'pdf' }, OPENID.tech);
    expect(pdf.fileName).toMatch(/2026年11月招商工作通报\.pdf$/);
    const text = pdfText((await fileOf(b, pdf.url)) as Uint8Array);
    expect(text).toContain('2026年11月招商工作通报');
    expect(text).toContain('本月共收到招商咨询 3 条');
    expect(text).toMatch(/签约 1 个/);
    expect(text).toContain('云帆智能科技有限公司');
    expect(text).toContain('35,000 万元');
    expect(text).toMatch(/临江区科学技术局\s+2\s+0/);
    expect(text).toContain('擂台赛排名');

    const xlsx = await b.ok<{ url: string }>('report.bulletinFile', { bulletinId: items[0]?.id, format: 'xlsx' }, OPENID.admin);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from((await fileOf(b, xlsx.url)) as Uint8Array) as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['各单位咨询', '擂台赛排名', '本月签约项目', '咨询渠道', '转化漏斗']);
    expect(workbook.getWorksheet('本月签约项目')?.getRow(2).values).toEqual([undefined, '云帆智能科技有限公司', '临江区投资促进局', '35,000 万元', '2026-11-10']);

    // The share image for WeChat groups, stored beside them: a real 1080×1350 PNG with the district's figures drawn.
    expect(items[0]?.pngBytes).toBeGreaterThan(10_000);
    const png = await b.ok<{ fileName: string; url: string }>('report.bulletinFile', { bulletinId: items[0]?.id, format: 'png' }, OPENID.tech);
    expect(png.fileName).toMatch(/2026年11月招商工作通报\.png$/);
    const pngBytes = (await fileOf(b, png.url)) as Uint8Array;
    expect(pngBytes.byteLength).toBe(items[0]?.pngBytes);
    const image = decodePng(pngBytes);
    expect([image.width, image.height]).toEqual([1080, 1350]);
    expect(inkPixels(image, SHARE_COLORS.band, { x: 72, y: 70, width: 400, height: 80 })).toBeGreaterThan(1500);
    expect(inkPixels(image, SHARE_COLORS.background, { x: 152, y: 840, width: 500, height: 50 })).toBeGreaterThan(1500);

    // The leaders of each district hear once: here its admin and the unit leaders (the head leads 投资促进局 too).
    const outbox = await b.store.find<{ _id: string; message: { kind: string; toOpenid: string; page: string } }>(COLLECTIONS.outbox.name, { where: { 'message.kind': 'bulletin_ready' }, limit: 100 });
    // (The city admin hears of the city's bulletin: report-city-bulletin.test.ts.)
    expect(outbox.map((e) => e.message.toOpenid).filter((o) => !o.includes('wangshan') && o !== OPENID.cityAdmin).sort()).toEqual([OPENID.admin, OPENID.head, OPENID.investLeader].sort());
    expect(new Set(outbox.map((e) => e.message.page))).toEqual(new Set(['reports/bulletins/index']));
  }, 60_000);

  it('a bulletin stored before share images has none: asking for it is REPORT.BULLETIN_IMAGE_MISSING, its PDF still opens', async () => {
    const id = await storeSampleBulletin(b);
    expect((await b.ok<{ items: Item[] }>('report.bulletins', {}, OPENID.admin)).items.find((i) => i.id === id)?.pngBytes).toBeNull();
    expect(await b.call('report.bulletinFile', { bulletinId: id, format: 'png' }, OPENID.admin)).toMatchObject({ ok: false, error: { code: 'REPORT.BULLETIN_IMAGE_MISSING', message: expect.stringContaining('分享图') } });
    expect((await b.call('report.bulletinFile', { bulletinId: id, format: 'pdf' }, OPENID.admin)).ok).toBe(true);
    // Another district's image looks missing like its PDF.
    expect(await b.call('report.bulletinFile', { bulletinId: id, format: 'png' }, OPENID.wangshanAdmin)).toMatchObject({ ok: false, error: { code: 'REPORT.BULLETIN_NOT_FOUND' } });
    expect((await b.call('report.bulletinFile', { bulletinId: id, format: 'gif' }, OPENID.admin)).ok).toBe(false);
  });

  it('shows another district’s bulletin to nobody here, and takes a timer event only from no caller', async () => {
    b.clock.set('2026-11-30T23:30:00.000Z');
    await runMonthlyBulletins(b.deps);
    const refused = await b.call('report.bulletinFile', { bulletinId: `bl_${DEMO_DISTRICT_ID}_2026-11`, format: 'pdf' }, OPENID.wangshanAdmin);
    expect(refused.ok ? 'ok' : refused.error.code).toBe('REPORT.BULLETIN_NOT_FOUND');
    const wangshan = await b.ok<{ items: Item[] }>('report.bulletins', {}, OPENID.wangshanAdmin);
    expect(wangshan.items.map((i) => i.id)).toEqual(['bl_demo-wangshan_2026-11']);
    const timer = { Type: 'Timer', TriggerName: 'monthly-bulletin', Time: '2026-12-01T07:30:00Z' };
    expect(isBulletinTimerEvent(timer, { openid: null, visitor: null })).toBe(true);
    expect(isBulletinTimerEvent(timer, { openid: OPENID.head, visitor: null })).toBe(false);
    expect(isBulletinTimerEvent({ ...timer, TriggerName: 'other' }, { openid: null, visitor: null })).toBe(false);
  }, 30_000);
});
