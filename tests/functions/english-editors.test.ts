import type { AdminAuditEntry } from '../../domain/audit/audit.schema';
import type { CardView, CarrierDetail, CarrierSummary } from '../../domain/api/views.schema';
import type { Carrier } from '../../domain/carrier/carrier.schema';
import type { District } from '../../domain/org/district.schema';
import { COLLECTIONS } from '../../cloudfunctions/_lib/store/collections';
import { createTestBackend, OPENID, type TestBackend } from '../support/test-backend';

type Profile = Record<string, unknown> & { keyIndustries: string[]; headlineFigures: Array<Record<string, string>>; policies: Array<Record<string, unknown>> };
type CarrierEditView = Record<string, unknown> & { facilities: string[] };

const audits = (b: TestBackend) => b.store.find<AdminAuditEntry>(COLLECTIONS.audit.name, { where: { districtId: 'demo-linjiang' }, orderBy: [{ field: 'at', direction: 'asc' }, { field: '_id', direction: 'asc' }], limit: 100 });

describe('the office edits English content, on a real SQLite file', () => {
  let b: TestBackend;
  beforeEach(async () => {
    b = await createTestBackend();
  });
  afterEach(() => b.close());

  it('the district profile: English saved beside the Chinese, shown on English card reads, audited', async () => {
    const { profile } = await b.ok<{ profile: Profile }>('admin.district.get', {}, OPENID.admin);
    expect(profile.sloganEn).toBe('Invest by the river, invest now');
    const edited = {
      ...profile,
      sloganEn: 'By the river, open for business',
      keyIndustriesEn: ['Digital economy'],
      headlineFigures: profile.headlineFigures.map((f, i) => (i === 0 ? { ...f, labelEn: 'Output', valueEn: 'CNY 130 bn' } : f)),
      policies: profile.policies.map((p, i) => (i === 0 ? { ...p, titleEn: 'Tailored terms', summaryEn: 'One task force' } : p)),
    };
    await b.ok('admin.district.update', edited, OPENID.admin);
    const card = await b.ok<CardView>('card.get', { cardId: 'card-staff-head', lang: 'en' }, null);
    expect(card.district.slogan).toBe('By the river, open for business');
    expect(card.district.headlineFigures[0]).toEqual({ label: 'Output', value: 'CNY 130 bn' });
    expect(card.district.policyHighlights[0]).toBe('Tailored terms');
    // Only the first industry has English now: the others fall back and say so.
    expect(card.district.keyIndustries[0]).toBe('Digital economy');
    expect(card.district.fallbackZh).toEqual(expect.arrayContaining(['keyIndustries.1']));
    expect((await b.ok<CardView>('card.get', { cardId: 'card-staff-head' }, null)).district.slogan).toBe('临江而立，投资正当时');
    const [entry] = await audits(b);
    expect((entry.before as Profile).sloganEn).toBe('Invest by the river, invest now');
    expect((entry.after as Profile).sloganEn).toBe('By the river, open for business');
  });

  it('refuses more English industries than Chinese ones, too long or mistyped English, writing nothing', async () => {
    const { profile } = await b.ok<{ profile: Profile }>('admin.district.get', {}, OPENID.admin);
    const before = JSON.stringify(await b.store.get<District>(COLLECTIONS.districts.name, 'demo-linjiang'));
    const refused = [
      { ...profile, keyIndustriesEn: [...profile.keyIndustries, 'One too many'] },
      { ...profile, sloganEn: 'x'.repeat(81) },
      { ...profile, nameEn: 42 },
      { ...profile, introEn: 'a\u202Eb' },
    ];
    const codes = [];
    for (const input of refused) codes.push((await b.call('admin.district.update', input, OPENID.admin)) as { ok: boolean; error?: { code: string } });
    expect(codes.map((r) => r.error?.code)).toEqual(['ADMIN.INVALID_VALUE', 'VALIDATION.INVALID_INPUT', 'VALIDATION.INVALID_INPUT', 'VALIDATION.INVALID_INPUT']);
    expect(JSON.stringify(await b.store.get<District>(COLLECTIONS.districts.name, 'demo-linjiang'))).toBe(before);
  });

  it('a carrier: English saved and searchable, an edit without English fields keeps them, more English items than Chinese refused', async () => {
    const got = await b.ok<{ edit: CarrierEditView }>('admin.carrier.get', { carrierId: 'factory-002' }, OPENID.admin);
    expect(got.edit.nameEn).toBe('');
    const english: CarrierEditView = { ...got.edit, nameEn: 'Nanling Workshop', streetEn: 'Nanling', facilitiesEn: got.edit.facilities.map(() => 'Loading dock') };
    await b.ok('admin.carrier.save', { carrierId: 'factory-002', carrier: english }, OPENID.admin);
    const detail = await b.ok<CarrierDetail>('carrier.get', { carrierId: 'factory-002', lang: 'en' }, null);
    expect(detail).toMatchObject({ name: 'Nanling Workshop', street: 'Nanling' });
    expect(detail.fallbackZh).not.toContain('name');
    const found = await b.ok<{ items: CarrierSummary[] }>('carrier.search', { districtId: 'demo-linjiang', keyword: 'nanling workshop', lang: 'en' }, null);
    expect(found.items.map((c) => c.id)).toEqual(['factory-002']);

    const { nameEn: _n, streetEn: _s, addressEn: _a, facilitiesEn: _f, suitedIndustriesEn: _i, policiesEn: _p, managerNameEn: _m, ...chineseOnly } = english;
    await b.ok('admin.carrier.save', { carrierId: 'factory-002', carrier: { ...chineseOnly, priceMax: 40 } }, OPENID.admin);
    expect((await b.store.get<Carrier>(COLLECTIONS.carriers.name, 'factory-002'))?.nameEn).toBe('Nanling Workshop');

    const tooMany = { ...english, facilitiesEn: [...(english.facilitiesEn as string[]), 'Extra'] };
    expect(await b.call('admin.carrier.save', { carrierId: 'factory-002', carrier: tooMany }, OPENID.admin)).toMatchObject({ ok: false, error: { code: 'ADMIN.INVALID_VALUE', fields: ['facilitiesEn'] } });
    expect(await b.call('admin.carrier.save', { carrierId: 'factory-002', carrier: { ...english, nameEn: 'x'.repeat(81) } }, OPENID.admin)).toMatchObject({ ok: false, error: { code: 'VALIDATION.INVALID_INPUT' } });
  });

  it('a unit’s English name: saved, shown to English readers of the directory, audited', async () => {
    await b.ok('admin.unit.save', { unitId: 'unit-tech', name: '临江区科学技术局', nameEn: 'Sci-Tech Bureau', kind: 'economic_department', isEconomic: true, leaderStaffId: null, parentUnitId: null }, OPENID.admin);
    const org = await b.ok<{ units: Array<{ id: string; nameEn?: string }> }>('admin.org.get', {}, OPENID.admin);
    expect(org.units.find((u) => u.id === 'unit-tech')?.nameEn).toBe('Sci-Tech Bureau');
    const dir = await b.ok<{ units: Array<{ id: string; name: string }> }>('directory.list', { districtId: 'demo-linjiang', lang: 'en' }, null);
    expect(dir.units.find((u) => u.id === 'unit-tech')?.name).toBe('Sci-Tech Bureau');
    const entry = (await audits(b)).find((a) => a.action === 'unit.update');
    expect((entry?.after as { nameEn?: string }).nameEn).toBe('Sci-Tech Bureau');
  });

  it('the card editor: the owner’s English greeting, name and title on English reads of the card', async () => {
    const mine = await b.ok<{ edit: Record<string, unknown> }>('card.mine', {}, OPENID.head);
    expect(mine.edit).toMatchObject({ nameEn: 'Lin Zhiyuan', greetingEn: 'We mean business: let us connect you, invest with you and grow with you.' });
    await b.ok('card.update', { ...mine.edit, greetingEn: 'Talk to me first.', titleEn: 'District Mayor' }, OPENID.head);
    const card = await b.ok<CardView>('card.get', { cardId: 'card-staff-head', lang: 'en' }, null);
    expect(card.greeting).toBe('Talk to me first.');
    expect(card.owner).toMatchObject({ name: 'Lin Zhiyuan', title: 'District Mayor' });
    expect(await b.call('card.update', { ...mine.edit, titleEn: 'x'.repeat(61) }, OPENID.head)).toMatchObject({ ok: false, error: { code: 'VALIDATION.INVALID_INPUT' } });
  });
});
