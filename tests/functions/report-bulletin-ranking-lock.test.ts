import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Bulletin } from '../../domain/report/bulletin.schema';
import type { Lead } from '../../domain/lead/lead.schema';
import { arenaSnapshotId } from '../../domain/ranking/arena-lock.rules';
import { COLLECTIONS } from '../../cloudfunctions/_lib/store/collections';
import { runMonthlyBulletins } from '../../cloudfunctions/reports/monthly-bulletins';
import { DEMO_DISTRICT_ID } from '../../tools/seed/demo-district';
import { createTestBackend, leadInput, OPENID, type TestBackend } from '../support/test-backend';

type Item = { id: string; month: string; level: string; ranking: { locked: boolean; lockAt: string } | null; edition: number };

/** The PDF's text as poppler's pdftotext reads it, with the line breaks of the layout taken out. */
const pdfText = (bytes: Uint8Array): string => {
  const dir = mkdtempSync(join(tmpdir(), 'investcard-pdf-'));
  try {
    writeFileSync(join(dir, 'b.pdf'), bytes);
    return execFileSync('pdftotext', [join(dir, 'b.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};
const squeeze = (s: string) => s.replace(/\s+/g, '');

const fileOf = async (b: TestBackend, url: string) => b.deps.files.get(`local:${new URL(url, 'http://local').pathname.replace('/api/_local/files/', '')}`);

/**
 * November's bulletin is made on 12-01, the first working day, before November's board locks (5 working days
 * after the month: 12-07 24:00 China time). It says its ranking is live and when it locks; once the board has
 * locked, the daily run remakes it as edition 2 with the locked ranking.
 */
describe('每月一通报 and the board’s lock', () => {
  let b: TestBackend;
  const ID = `bl_${DEMO_DISTRICT_ID}_2026-11`;
  const rev = async (id: string) => (await b.store.get<Lead>(COLLECTIONS.leads.name, id))?._rev ?? -1;
  const listed = async () => (await b.ok<{ items: Item[] }>('report.bulletins', {}, OPENID.admin)).items.find((i) => i.id === ID);
  const files = async () => {
    const pdf = await b.ok<{ url: string }>('report.bulletinFile', { bulletinId: ID, format: 'pdf' }, OPENID.admin);
    const xlsx = await b.ok<{ url: string }>('report.bulletinFile', { bulletinId: ID, format: 'xlsx' }, OPENID.admin);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from((await fileOf(b, xlsx.url)) as Uint8Array) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('擂台赛排名');
    return { pdfUrl: pdf.url, text: pdfText((await fileOf(b, pdf.url)) as Uint8Array), note: String(sheet?.getRow(sheet.rowCount).getCell(1).value ?? '') };
  };

  beforeAll(async () => {
    b = await createTestBackend({ now: '2026-11-10T02:00:00.000Z' });
    const leadId = (await b.ok<{ leadId: string }>('lead.submit', leadInput({ contact: { name: '测试', company: '云帆智能科技有限公司', phone: '13900139003' }, source: { channel: 'chat', cardId: 'card-staff-head' } }), OPENID.investorA)).leadId;
    for (const to of ['contacted', 'negotiating', 'signed']) await b.ok('lead.transition', { leadId, to, rev: await rev(leadId) }, OPENID.head);
    await b.ok('lead.confirmStage', { leadId, stage: 'signed', note: '协议已签', date: '2026-11-10', rev: await rev(leadId) }, OPENID.investLeader);
  });
  afterAll(() => b.close());

  it('made on the first working day, it says the ranking is live as of then and when it locks: PDF, workbook, list', async () => {
    b.clock.set('2026-11-30T23:30:00.000Z'); // 12-01 07:30 China time
    expect((await runMonthlyBulletins(b.deps)).made).toContain(ID);
    const statement = '排名为截至 2026-12-01 07:30 的实时排名，将于 2026-12-07 24:00 锁定；锁定后本通报更新为按锁定排名的第二版。';
    const { text, note } = await files();
    expect(text).toContain(squeeze(statement));
    expect(text).toContain('擂台赛排名');
    expect(note).toBe(statement);
    expect(await listed()).toMatchObject({ level: 'district', ranking: { locked: false, lockAt: '2026-12-07T16:00:00.000Z' }, edition: 1 });
  }, 30_000);

  it('is not remade while the board is live', async () => {
    b.clock.set('2026-12-07T15:00:00.000Z');
    expect((await runMonthlyBulletins(b.deps)).remade).toEqual([]);
    expect((await listed())?.edition).toBe(1);
  }, 30_000);

  it('after the lock, the daily run remakes it once as edition 2 with the locked ranking', async () => {
    const first = await files();
    b.clock.set('2026-12-08T00:30:00.000Z'); // 12-08 08:30 China time, the board locked at 00:00
    const run = await runMonthlyBulletins(b.deps);
    expect(run.locked).toContain(arenaSnapshotId(DEMO_DISTRICT_ID, '2026-11'));
    // (望山区's November is remade too: every district's bulletin follows its own board.)
    expect(run.remade.filter((id) => id.includes(DEMO_DISTRICT_ID))).toEqual([ID]);
    expect(await listed()).toMatchObject({ ranking: { locked: true, lockAt: '2026-12-07T16:00:00.000Z' }, edition: 2 });
    const second = await files();
    expect(second.pdfUrl).not.toBe(first.pdfUrl);
    const statement = '排名为 2026-12-07 24:00 锁定的排名（锁定后的更正以调整项列入得分）。';
    expect(second.text).toContain(squeeze(statement));
    expect(second.text).not.toContain('实时排名');
    expect(second.note).toBe(statement);
    // Every edition makes its own share image too.
    expect((await b.store.get<Bulletin>(COLLECTIONS.bulletins.name, ID))?.pngFileId).toMatch(/2026-11-2\.png$/);
    // The month's figures are still there.
    expect(second.text).toContain('本月共收到招商咨询1条');
    expect((await runMonthlyBulletins(b.deps)).remade).toEqual([]);
  }, 30_000);
});
