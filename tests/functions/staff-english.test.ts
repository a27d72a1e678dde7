import ExcelJS from 'exceljs';
import type { AdminAuditEntry } from '../../domain/audit/audit.schema';
import type { CardView, CarrierDetail, Person } from '../../domain/api/views.schema';
import type { Card } from '../../domain/card/card.schema';
import type { Staff } from '../../domain/org/staff.schema';
import { STAFF_IMPORT_COLUMNS } from '../../domain/org/staff-import.rules';
import { COLLECTIONS } from '../../cloudfunctions/_lib/store/collections';
import { importOnce, xlsxOf, type ImportReport } from '../support/import-files';
import { createTestBackend, leadInput, OPENID, type TestBackend } from '../support/test-backend';

/**
 * Issue 15 (English gap 1): staff carry an optional English name and title. The office writes them (on creation,
 * in the staff editor, through the import's optional columns); public reads in English show them where a person
 * appears — the card's contact, the directory, 我的咨询's handler and reply authors, a carrier's manager — and
 * fall back to the Chinese, named in `fallbackZh`, where none exists. A card's own English still wins.
 */

const HAN = /[\u3400-\u9fff]/;
type OrgStaff = { id: string; name: string; nameEn?: string; titleEn?: string };
type Mine = { items: Array<{ handlerName: string | null; replies: Array<{ staffName: string; text: string }>; fallbackZh?: string[] }> };

describe('staff in English, on a real SQLite file', () => {
  let b: TestBackend;
  beforeEach(async () => {
    b = await createTestBackend();
  });
  afterEach(() => b.close());
  const staffDoc = (id: string) => b.store.get<Staff>(COLLECTIONS.staff.name, id);
  const audits = () => b.store.find<AdminAuditEntry>(COLLECTIONS.audit.name, { where: { districtId: 'demo-linjiang' }, orderBy: [{ field: 'at', direction: 'asc' }, { field: '_id', direction: 'asc' }], limit: 100 });
  const orgStaff = async (id: string) => (await b.ok<{ staff: OrgStaff[] }>('admin.org.get', {}, OPENID.admin)).staff.find((s) => s.id === id);
  /** A card read in English whose own English is gone: its people then speak the office's English for them. */
  const withoutCardEnglish = async (cardId: string) => {
    await b.store.transaction(async (tx) => tx.update(COLLECTIONS.cards.name, cardId, { set: { nameEn: '', titleEn: '' } }));
    expect((await b.store.get<Card>(COLLECTIONS.cards.name, cardId))?.nameEn).toBe('');
  };

  it('the seed gives the people investors meet an English name and title; the office administrator keeps Chinese only', async () => {
    expect(await staffDoc('staff-commissioner')).toMatchObject({ nameEn: 'Zhou Ruolan', titleEn: 'Investment officer, Investment Promotion Bureau' });
    expect(await staffDoc('staff-carrier-manager')).toMatchObject({ nameEn: 'Shen Guanlan' });
    expect((await staffDoc('staff-admin'))?.nameEn).toBeUndefined();
    expect(await orgStaff('staff-commissioner')).toMatchObject({ nameEn: 'Zhou Ruolan' });
  });

  it('admin.staff.create keeps the English given with the Chinese; the office sees it', async () => {
    const { staffId } = await b.ok<{ staffId: string }>('admin.staff.create', { name: '许知行', title: '科员', unitId: 'unit-tech', roles: ['staff'], phone: '13800138050', nameEn: ' Xu Zhixing ', titleEn: 'Officer' }, OPENID.admin);
    expect(await staffDoc(staffId)).toMatchObject({ name: '许知行', nameEn: 'Xu Zhixing', titleEn: 'Officer' });
    const plain = await b.ok<{ staffId: string }>('admin.staff.create', { name: '何见', title: '科员', unitId: 'unit-tech', roles: ['staff'], phone: '13800138051' }, OPENID.admin);
    expect(await orgStaff(plain.staffId)).not.toHaveProperty('nameEn');
  });

  it('admin.staff.setEnglish sets, keeps what is absent, clears what is empty, and audits each change (a repeat writes nothing)', async () => {
    await b.ok('admin.staff.setEnglish', { staffId: 'staff-admin', nameEn: 'Xu Anran', titleEn: 'Information officer' }, OPENID.admin);
    expect(await staffDoc('staff-admin')).toMatchObject({ nameEn: 'Xu Anran', titleEn: 'Information officer' });
    expect(await b.ok('admin.staff.setEnglish', { staffId: 'staff-admin', titleEn: '' }, OPENID.admin)).toEqual({ staffId: 'staff-admin', nameEn: 'Xu Anran', titleEn: '' });
    await b.ok('admin.staff.setEnglish', { staffId: 'staff-admin', titleEn: '' }, OPENID.admin);
    const entries = (await audits()).filter((e) => e.action === 'staff.english');
    expect(entries.map((e) => [e.before, e.after])).toEqual([
      [{ nameEn: '', titleEn: '' }, { nameEn: 'Xu Anran', titleEn: 'Information officer' }],
      [{ nameEn: 'Xu Anran', titleEn: 'Information officer' }, { nameEn: 'Xu Anran', titleEn: '' }],
    ]);
  });

  it('admin.staff.setEnglish: a person outside the caller’s units is missing; too long, bidi or non-text English is refused; nothing is written', async () => {
    const before = JSON.stringify(await staffDoc('staff-commissioner'));
    const techBefore = JSON.stringify(await staffDoc('staff-tech'));
    // The investment bureau's leader manages only the bureau's people: 科技局's are missing to them.
    expect(await b.call('admin.staff.setEnglish', { staffId: 'staff-tech', nameEn: 'Someone' }, OPENID.investLeader)).toMatchObject({ ok: false, error: { code: 'STAFF.NOT_FOUND' } });
    expect(await b.call('admin.staff.setEnglish', { staffId: 'staff-commissioner', nameEn: 'Someone' }, OPENID.commissioner)).toMatchObject({ ok: false, error: { code: 'AUTH.FORBIDDEN' } });
    expect(JSON.stringify(await staffDoc('staff-tech'))).toBe(techBefore);
    for (const input of [{ nameEn: 'x'.repeat(41) }, { titleEn: 'y'.repeat(61) }, { nameEn: 'a\u202Eb' }, { nameEn: 42 }, { nameEn: ['Zhou'] }]) {
      expect(await b.call('admin.staff.setEnglish', { staffId: 'staff-commissioner', ...input }, OPENID.admin)).toMatchObject({ ok: false, error: { code: 'VALIDATION.INVALID_INPUT', message: expect.stringMatching(HAN) } });
    }
    expect(JSON.stringify(await staffDoc('staff-commissioner'))).toBe(before);
  });

  it('the card’s contact and the directory: the office’s English where the card has none, else the Chinese named in fallbackZh', async () => {
    // 孙明澈's card is answered by 周若岚 (on duty); neither card keeps English of its own here.
    await withoutCardEnglish('card-staff-edu-head');
    await withoutCardEnglish('card-staff-commissioner');
    const card = await b.ok<CardView>('card.get', { cardId: 'card-staff-edu-head', lang: 'en' }, null);
    expect(card.owner).toMatchObject({ name: 'Sun Mingche', title: 'Director, Education Bureau' });
    expect(card.contact).toMatchObject({ name: 'Zhou Ruolan', title: 'Investment officer, Investment Promotion Bureau' });
    expect(card.contact?.fallbackZh ?? []).not.toEqual(expect.arrayContaining(['name']));
    // In Chinese nothing changes.
    expect((await b.ok<CardView>('card.get', { cardId: 'card-staff-edu-head' }, null)).contact).toMatchObject({ name: '周若岚' });

    // Without the office's English either, the Chinese is shown and named.
    await b.ok('admin.staff.setEnglish', { staffId: 'staff-commissioner', nameEn: '', titleEn: '' }, OPENID.admin);
    const bare = await b.ok<CardView>('card.get', { cardId: 'card-staff-edu-head', lang: 'en' }, null);
    expect(bare.contact).toMatchObject({ name: '周若岚', fallbackZh: expect.arrayContaining(['name', 'title']) });
    const directory = await b.ok<{ people: Person[] }>('directory.list', { districtId: 'demo-linjiang', lang: 'en' }, null);
    expect(directory.people.find((p) => p.staffId === 'staff-commissioner')).toMatchObject({ name: '周若岚', fallbackZh: expect.arrayContaining(['name']) });
    expect(directory.people.find((p) => p.staffId === 'staff-edu-head')).toMatchObject({ name: 'Sun Mingche' });
  });

  it('a card’s own English name still wins over the office’s', async () => {
    await b.ok('admin.staff.setEnglish', { staffId: 'staff-head', nameEn: 'Office Spelling' }, OPENID.admin);
    const card = await b.ok<CardView>('card.get', { cardId: 'card-staff-head', lang: 'en' }, null);
    expect(card.owner.name).toBe('Lin Zhiyuan');
  });

  it('我的咨询 in English: the handler and the authors of replies by their English names; a reply’s Chinese text stays named', async () => {
    await b.ok('lead.submit', leadInput(), OPENID.investorA);
    const [{ id: leadId }] = (await b.ok<{ items: Array<{ id: string }> }>('lead.mine', {}, OPENID.investorA)).items;
    await b.ok('lead.reply', { leadId, text: 'We will call you tomorrow.' }, OPENID.head);
    await b.ok('admin.staff.setEnglish', { staffId: 'staff-admin', nameEn: 'Xu Anran' }, OPENID.admin);
    await b.ok('lead.reply', { leadId, text: '您好，资料已发送。' }, OPENID.admin);

    const en = await b.ok<Mine>('lead.mine', { lang: 'en' }, OPENID.investorA);
    expect(en.items[0].handlerName).toBe('Lin Zhiyuan');
    expect(en.items[0].replies.map((r) => r.staffName)).toEqual(['Lin Zhiyuan', 'Xu Anran']);
    expect(en.items[0].fallbackZh).toEqual(['replies.1.text']);
    const zh = await b.ok<Mine>('lead.mine', {}, OPENID.investorA);
    expect(zh.items[0].handlerName).toBe('林致远');
    expect(zh.items[0].replies.map((r) => r.staffName)).toEqual(['林致远', '许安然']);
  });

  it('a carrier managed by a colleague: their English name when the carrier has no English manager name of its own', async () => {
    const en = await b.ok<CarrierDetail>('carrier.get', { carrierId: 'factory-002', lang: 'en' }, null);
    expect(en.managerName).toBe('Shen Guanlan');
    expect(en.fallbackZh ?? []).not.toContain('managerName');
    expect((await b.ok<CarrierDetail>('carrier.get', { carrierId: 'factory-002' }, null)).managerName).toBe('沈观澜');
    await b.ok('admin.staff.setEnglish', { staffId: 'staff-carrier-manager', nameEn: '' }, OPENID.admin);
    const bare = await b.ok<CarrierDetail>('carrier.get', { carrierId: 'factory-002', lang: 'en' }, null);
    expect(bare).toMatchObject({ managerName: '沈观澜', fallbackZh: expect.arrayContaining(['managerName']) });
  });

  it('the staff import reads the optional 姓名（英文）/职务（英文） columns; an empty English cell keeps what the editor wrote', async () => {
    expect(STAFF_IMPORT_COLUMNS.filter((c) => !c.required).map((c) => c.header)).toEqual(['工号', '姓名（英文）', '职务（英文）']);
    const header = STAFF_IMPORT_COLUMNS.map((c) => c.header);
    const row = (nameEn: string, titleEn: string) => ['导入英文', '科员', '临江区科学技术局', '工作人员', '13900135555', 'E5555', nameEn, titleEn];
    const apply = async (rows: string[][]) => importOnce<ImportReport & { invites: Array<{ staffId: string }> }>(b.ok, 'admin.staff.import', await xlsxOf('人员', header, rows), '人员.xlsx', 'apply', OPENID.admin);
    const first = await apply([row('Dao Ru', 'Officer')]);
    const staffId = first.invites[0].staffId;
    expect(await staffDoc(staffId)).toMatchObject({ nameEn: 'Dao Ru', titleEn: 'Officer' });
    expect(await apply([row('', '')])).toMatchObject({ errorCount: 0, updated: 0, unchanged: 1 });
    expect(await staffDoc(staffId)).toMatchObject({ nameEn: 'Dao Ru', titleEn: 'Officer' });
    expect(await apply([row('Dao Ru', 'Senior officer')])).toMatchObject({ errorCount: 0, updated: 1 });
    expect((await staffDoc(staffId))?.titleEn).toBe('Senior officer');
    const dry = await importOnce<ImportReport>(b.ok, 'admin.staff.import', await xlsxOf('人员', header, [row('x'.repeat(41), '')]), '人员.xlsx', 'dry_run', OPENID.admin);
    expect(dry.errors.map((e) => [e.code, e.column])).toEqual([['ROW.INVALID', '姓名（英文）']]);
  });

  it('the staff template names the English columns and shows them in its example', async () => {
    const template = await b.ok<{ fileName: string; base64: string }>('admin.staff.importTemplate', {}, OPENID.admin);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(template.base64, 'base64') as unknown as ArrayBuffer);
    expect(wb.worksheets[0].getRow(1).values).toEqual([undefined, '姓名', '职务', '单位', '角色', '手机', '工号', '姓名（英文）', '职务（英文）']);
    const guide: string[] = [];
    wb.worksheets[1].eachRow((r) => guide.push(String(r.getCell(1).value)));
    expect(guide.join('\n')).toContain('姓名（英文）');
    expect(guide.join('\n')).toContain('Xu Zhixing');
  });
});
