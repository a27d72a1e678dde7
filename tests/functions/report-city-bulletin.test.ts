import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Lead } from '../../domain/lead/lead.schema';
import { cityBulletinId } from '../../domain/report/city-bulletin.rules';
import { COLLECTIONS } from '../../cloudfunctions/_lib/store/collections';
import { runMonthlyBulletins } from '../../cloudfunctions/reports/monthly-bulletins';
import { DEMO_DISTRICT_ID } from '../../tools/seed/demo-district';
import { DEMO_CITY_ID } from '../../tools/seed/second-district';
import { createTestBackend, leadInput, OPENID, type TestBackend } from '../support/test-backend';

type Item = { id: string; month: string; level: string; label: string; title: string; inquiries: number; confirmedSigned: number; ranking: unknown };

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
});
