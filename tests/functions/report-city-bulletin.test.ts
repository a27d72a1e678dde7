import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Bulletin } from '../../domain/report/bulletin.schema';
import type { Lead } from '../../domain/lead/lead.schema';
import { cityBulletinId } from '../../domain/report/city-bulletin.rules';
import { COLLECTIONS } from '../../cloudfunctions/_lib/store/collections';
import { runMonthlyBulletins } from '../../cloudfunctions/reports/monthly-bulletins';
import { DEMO_DISTRICT_ID } from '../../tools/seed/demo-district';
import { DEFAULT_ARENA_WEIGHTS } from '../../domain/ranking/arena-weights.schema';
import { SHARE_COLORS } from '../../domain/report/bulletin-share-image.rules';
import { DEMO_CITY_ID, SECOND_DISTRICT_ID } from '../../tools/seed/second-district';
import { decodePng, inkPixels } from '../support/png-decode';
import { createTestBackend, leadInput, OPENID, type TestBackend } from '../support/test-backend';

type Item = { id: string; month: string; level: string; label: string; title: string; inquiries: number; confirmedSigned: number; ranking: unknown; edition: number; pngBytes: number | null };

const pdfText = (bytes: Uint8Array): string => {
  const dir = mkdtempSync(join(tmpdir(), 'investcard-pdf-'));
  try {
    writeFileSync(join(dir, 'b.pdf'), bytes);
    return execFileSync('pdftotext', ['-layout', join(dir, 'b.pdf'), '-'], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};
const fileOf = async (b: TestBackend, url: string) => b.deps.files.get(`local:${new URL(url, 'http://local').pathname.replace('/api/_local/files/', '')}`);

/** 全市通报: the city admin's month over its districts (临江区 and 望山区 of 云川市), made by the same timer run. */
describe('city bulletin', () => {
  let b: TestBackend;
  const CITY = cityBulletinId(DEMO_CITY_ID, '2026-11');
  const rev = async (id: string) => (await b.store.get<Lead>(COLLECTIONS.leads.name, id))?._rev ?? -1;

  beforeAll(async () => {
    b = await createTestBackend({ now: '2026-11-10T02:00:00.000Z' });
    b.deps.intakeLimits = { perInvestorPer10Min: 100, perInvestorPerDay: 100, perDistrictPerMinute: 100 };
    const submit = async (company: string, cardId: string) =>
      (await b.ok<{ leadId: string }>('lead.submit', leadInput({ contact: { name: '测试', company, phone: '13900139003' }, source: { channel: 'chat', cardId } }), OPENID.investorA)).leadId;
    const signed = await submit('云帆智能科技有限公司', 'card-staff-head');
    await submit('青禾生物医药', 'card-staff-tech');
    await submit('望山光伏', 'card-ws-staff-head');
    for (const to of ['contacted', 'negotiating', 'signed']) await b.ok('lead.transition', { leadId: signed, to, rev: await rev(signed) }, OPENID.head);
    await b.ok('lead.confirmStage', { leadId: signed, stage: 'signed', note: '协议已签', date: '2026-11-10', rev: await rev(signed) }, OPENID.investLeader);
    // 望山区 locks its boards 7 working days after the month (12-09 24:00), 临江区 after the default 5 (12-07 24:00).
    await b.store.update(COLLECTIONS.districts.name, SECOND_DISTRICT_ID, { set: { arenaWeights: { ...DEFAULT_ARENA_WEIGHTS, lockAfterWorkingDays: 7 } } });
    b.clock.set('2026-11-30T23:30:00.000Z'); // 12-01 07:30 China time
    const run = await runMonthlyBulletins(b.deps);
    expect(run.made).toEqual(expect.arrayContaining([`bl_${DEMO_DISTRICT_ID}_2026-11`, 'bl_demo-wangshan_2026-11', CITY]));
  }, 60_000);
  afterAll(() => b.close());

  it('is made once by the monthly run, beside the districts’ own', async () => {
    expect((await runMonthlyBulletins(b.deps)).made).toEqual([]);
  }, 30_000);

  it('is listed for the city admin, with the districts side by side in the PDF and the workbook', async () => {
    const { items } = await b.ok<{ items: Item[] }>('report.bulletins', {}, OPENID.cityAdmin);
    expect(items.map((i) => i.id)).toEqual([CITY, 'bl_demo-wangshan_2026-11']);
    expect(items[0]).toMatchObject({ label: '2026年11月 · 全市', title: '2026年11月全市招商工作通报', inquiries: 3, confirmedSigned: 1 });
    // One month, two rows: each says which it is (市级 / 区级); only the district's has a ranking of its own.
    expect(items.map((i) => [i.month, i.level, i.ranking === null])).toEqual([
      ['2026-11', 'city', true],
      ['2026-11', 'district', false],
    ]);
    const pdf = await b.ok<{ url: string }>('report.bulletinFile', { bulletinId: CITY, format: 'pdf' }, OPENID.cityAdmin);
    const text = pdfText((await fileOf(b, pdf.url)) as Uint8Array);
    expect(text).toContain('2026年11月全市招商工作通报');
    expect(text).toContain('全市 2 个区县本月共收到招商咨询 3 条');
    expect(text).toContain('各区县对比');
    const xlsx = await b.ok<{ url: string }>('report.bulletinFile', { bulletinId: CITY, format: 'xlsx' }, OPENID.cityAdmin);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from((await fileOf(b, xlsx.url)) as Uint8Array) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('各区县对比');
    expect(sheet?.getRow(1).values).toEqual([undefined, '区县', '咨询（本月）', '咨询（上月）', '按时回复率', '确认签约', '确认落地', '擂台赛第一']);
    const rows = [2, 3].map((r) => sheet?.getRow(r).values as unknown[]);
    const linjiang = rows.find((r) => String(r[1]).includes('临江'));
    const wangshan = rows.find((r) => String(r[1]).includes('望山'));
    expect(linjiang?.slice(2)).toEqual([2, 0, '50%', 1, 0, '临江区投资促进局']);
    expect(wangshan?.slice(2)).toEqual([1, 0, '0%', 0, 0, '—']);
  }, 30_000);

  it('tells the city admin once', async () => {
    const outbox = await b.store.find<{ _id: string; message: { kind: string; toOpenid: string; fields: Record<string, string> } }>(COLLECTIONS.outbox.name, { where: { 'message.kind': 'bulletin_ready' }, limit: 100 });
    expect(outbox.filter((e) => e.message.toOpenid === OPENID.cityAdmin).map((e) => e.message.fields)).toEqual([{ thing1: '2026年11月 · 全市招商通报', thing2: '咨询3条 签约1个' }]);
  });

  it('is nobody else’s: district admins and staff neither list nor open it', async () => {
    for (const openid of [OPENID.admin, OPENID.wangshanAdmin, OPENID.tech]) {
      const { items } = await b.ok<{ items: Item[] }>('report.bulletins', {}, openid);
      expect(items.map((i) => i.id)).not.toContain(CITY);
      expect(await b.call('report.bulletinFile', { bulletinId: CITY, format: 'pdf' }, openid)).toMatchObject({ ok: false, error: { code: 'REPORT.BULLETIN_NOT_FOUND' } });
    }
  });

  it('has its share image: the city, its totals and its districts', async () => {
    const png = await b.ok<{ fileName: string; url: string }>('report.bulletinFile', { bulletinId: CITY, format: 'png' }, OPENID.cityAdmin);
    expect(png.fileName).toBe('2026年11月全市招商工作通报.png');
    const image = decodePng((await fileOf(b, png.url)) as Uint8Array);
    expect([image.width, image.height]).toEqual([1080, 1350]);
    expect(inkPixels(image, SHARE_COLORS.band, { x: 72, y: 70, width: 200, height: 80 })).toBeGreaterThan(1000);
    expect(inkPixels(image, SHARE_COLORS.background, { x: 152, y: 840, width: 300, height: 50 })).toBeGreaterThan(800);
    expect((await b.ok<{ items: Item[] }>('report.bulletins', {}, OPENID.cityAdmin)).items[0]?.pngBytes).toBe((await fileOf(b, png.url))?.byteLength);
  }, 30_000);

  it('is remade once, as edition 2, when the last of its districts’ boards locks — not at the first', async () => {
    const city = async () => (await b.ok<{ items: Item[] }>('report.bulletins', {}, OPENID.cityAdmin)).items.find((i) => i.id === CITY);
    const pdfUrl = async () => (await b.ok<{ url: string }>('report.bulletinFile', { bulletinId: CITY, format: 'pdf' }, OPENID.cityAdmin)).url;
    const first = await pdfUrl();
    expect((await city())?.edition).toBe(1);

    b.clock.set('2026-12-08T00:30:00.000Z'); // 临江区's board locked at 12-08 00:00; 望山区's is live until 12-10 00:00
    const early = await runMonthlyBulletins(b.deps);
    expect(early.remade).toEqual([`bl_${DEMO_DISTRICT_ID}_2026-11`]);
    expect((await city())?.edition).toBe(1);

    b.clock.set('2026-12-10T00:30:00.000Z'); // now 望山区's has locked too
    const last = await runMonthlyBulletins(b.deps);
    expect(last.remade.sort()).toEqual([CITY, 'bl_demo-wangshan_2026-11'].sort());
    expect(await city()).toMatchObject({ edition: 2, ranking: null, inquiries: 3, confirmedSigned: 1 });
    const stored = await b.store.get<Bulletin>(COLLECTIONS.bulletins.name, CITY);
    expect(stored).toMatchObject({ ranking: { locked: true, lockAt: '2026-12-09T16:00:00.000Z' }, editionAt: '2026-12-10T00:30:00.000Z' });
    expect(stored?.pngFileId).toMatch(/2026-11-2\.png$/);
    const second = await pdfUrl();
    expect(second).not.toBe(first);
    expect(pdfText((await fileOf(b, second)) as Uint8Array)).toContain('全市 2 个区县本月共收到招商咨询 3 条');

    // Idempotent: the next day's run (or one racing it) makes no third edition.
    b.clock.set('2026-12-11T00:30:00.000Z');
    expect((await runMonthlyBulletins(b.deps)).remade).toEqual([]);
    expect((await city())?.edition).toBe(2);
  }, 90_000);
});
