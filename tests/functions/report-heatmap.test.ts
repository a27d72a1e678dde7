import type { Carrier } from '../../domain/carrier/carrier.schema';
import type { Lead } from '../../domain/lead/lead.schema';
import { COLLECTIONS } from '../../cloudfunctions/_lib/store/collections';
import { isRollupRecountEvent } from '../../cloudfunctions/reports/heatmap-rollup-recount';
import { createTestBackend, leadInput, OPENID, type TestBackend } from '../support/test-backend';

type Cell = { inquiries: number; signed: number; landed: number; conversionPct: number | null; value: number | null; step: number; spoken: string };
type Heatmap = {
  scopeLabel: string;
  period: { key: string };
  rows: Array<{ key: string; label: string; inquiries: number }>;
  columns: Array<{ key: string; label: string; inquiries: number }>;
  cells: Cell[][];
  namedRowKeys: string[];
  totals: { inquiries: number; signed: number; conversionPct: number | null };
};
type LeadsPage = { items: Array<{ id: string }>; hidden: number };

const DEC = { kind: 'month', key: '2026-12' };
/** 浙江 (33…) and 江苏 (32…) credit codes, checksums valid: the origin comes from their region digits. */
const ZHEJIANG = '91330106MA2B3C4D5D';
const JIANGSU = '91320100MA1M7K2H5G';

describe('report.heatmap', () => {
  let b: TestBackend;
  const ids: Record<string, string> = {};
  const rev = async (id: string) => (await b.store.get<Lead>(COLLECTIONS.leads.name, id))?._rev ?? -1;
  let factory: Carrier;

  const submit = async (name: string, cardId: string, industry: string, extra: { carrierId?: string; code?: string } = {}) => {
    const input = leadInput({
      contact: { name: '测试', company: `${name}有限公司`, phone: `1390013${String(Object.keys(ids).length).padStart(4, '0')}` },
      need: { industry, scale: 'undecided' },
      source: { channel: 'chat', cardId, ...(extra.carrierId ? { carrierId: extra.carrierId } : {}) },
    });
    ids[name] = (await b.ok<{ leadId: string }>('lead.submit', input, OPENID.investorA)).leadId;
    if (extra.code) await b.ok('lead.setFacts', { leadId: ids[name], creditCode: extra.code, rev: await rev(ids[name]) }, OPENID.admin);
  };
  const signAndConfirm = async (name: string) => {
    for (const to of ['contacted', 'negotiating', 'signed']) await b.ok('lead.transition', { leadId: ids[name], to, rev: await rev(ids[name]) }, OPENID.admin);
    await b.ok('lead.confirmStage', { leadId: ids[name], stage: 'signed', note: '协议已签', date: '2026-12-02', rev: await rev(ids[name]) }, OPENID.investLeader);
  };
  const heat = (openid: string, input: Record<string, unknown>) => b.ok<Heatmap>('report.heatmap', { scope: 'district', period: DEC, kind: 'origin_industry', measure: 'inquiries', ...input }, openid);

  beforeEach(async () => {
    b = await createTestBackend({ now: '2026-12-02T02:00:00.000Z' });
    b.deps.intakeLimits = { perInvestorPer10Min: 100, perInvestorPerDay: 100, perDistrictPerMinute: 100 };
    factory = (await b.store.get<Carrier>(COLLECTIONS.carriers.name, 'factory-001'))!;
    await submit('zj1', 'card-staff-head', '新能源', { code: ZHEJIANG, carrierId: factory._id });
    await submit('zj2', 'card-staff-head', '新能源', { code: ZHEJIANG });
    await submit('zj3', 'card-staff-tech', '人工智能', { code: ZHEJIANG });
    await submit('js1', 'card-staff-tech', '新能源', { code: JIANGSU, carrierId: factory._id });
    await submit('none', 'card-staff-head', '生物医药');
    await signAndConfirm('zj1');
  });
  afterEach(() => b.close());

  it('draws origin × industry from the roll-ups, with signings of those inquiries and their conversion', async () => {
    const finds: string[] = [];
    const find = b.store.find.bind(b.store);
    b.store.find = ((collection: string, q: never) => (finds.push(collection), find(collection, q))) as typeof b.store.find;
    const map = await heat(OPENID.admin, { measure: 'conversion' });
    // Never by counting leads: the read touches roll-ups only.
    expect(finds).toContain(COLLECTIONS.rollups.name);
    expect(finds).not.toContain(COLLECTIONS.leads.name);
    expect(map.rows.map((r) => [r.label, r.inquiries])).toEqual([['浙江', 3], ['江苏', 1], ['来源未知', 1]]);
    expect(map.columns.map((c) => c.label)).toEqual(['新能源', '人工智能', '生物医药']);
    expect(map.cells[0][0]).toMatchObject({ inquiries: 2, signed: 1, conversionPct: 50, value: 50, step: 5, spoken: '浙江 × 新能源：转化率 50%（1 / 2）' });
    expect(map.cells[0][1]).toMatchObject({ inquiries: 1, signed: 0, value: 0, step: 0 });
    expect(map.totals).toEqual({ inquiries: 5, signed: 1, landed: 0, conversionPct: 20 });
    const signed = await heat(OPENID.admin, { measure: 'signed' });
    expect(signed.cells[0][0]).toMatchObject({ value: 1, spoken: '浙江 × 新能源：1 个确认签约（2 条咨询）' });
  });

  it('draws street × carrier type from the asked-about carrier, else the stated type need', async () => {
    const map = await heat(OPENID.admin, { kind: 'street_carrier' });
    expect(map.rows.map((r) => [r.label, r.inquiries])).toEqual([['未指定街道', 3], [factory.street, 2]].sort((x, y) => (y[1] as number) - (x[1] as number)));
    const factoryCol = map.columns.findIndex((c) => c.key === 'factory');
    const streetRow = map.rows.findIndex((r) => r.key === factory.street);
    expect(map.cells[streetRow][factoryCol]).toMatchObject({ inquiries: 2, spoken: `${factory.street} × 厂房：2 条咨询` });
    // leadInput states no type here: the three without a carrier sit under «未指定类型».
    expect(map.columns.map((c) => c.label)).toEqual(['未指定类型', '厂房']);
  });

  it('follows the dashboard’s scopes and periods, and refuses what the dashboard refuses', async () => {
    const unit = await heat(OPENID.investLeader, { scope: 'unit' });
    expect([unit.scopeLabel, unit.totals.inquiries]).toEqual(['临江区投资促进局', 3]);
    const mine = await heat(OPENID.tech, { scope: 'person' });
    expect(mine.totals.inquiries).toBe(2);
    const nov = await heat(OPENID.admin, { period: { kind: 'month', key: '2026-11' } });
    expect([nov.rows, nov.cells, nov.totals.inquiries]).toEqual([[], [], 0]);
    const code = async (openid: string | null, input: Record<string, unknown>) => {
      const r = await b.call('report.heatmap', { scope: 'district', period: DEC, kind: 'origin_industry', measure: 'inquiries', ...input }, openid);
      return r.ok ? 'ok' : r.error.code;
    };
    expect(await code(OPENID.investLeader, {})).toBe('AUTH.FORBIDDEN');
    expect(await code(OPENID.commissioner, { scope: 'unit', unitId: 'unit-tech' })).toBe('AUTH.FORBIDDEN');
    expect(await code(OPENID.investLeader, { scope: 'person', staffId: 'staff-tech' })).toBe('AUTH.FORBIDDEN');
    expect(await code(OPENID.wangshanAdmin, { scope: 'unit', unitId: 'unit-invest' })).toBe('AUTH.FORBIDDEN');
    expect(await code(OPENID.investorA, { scope: 'person' })).toBe('AUTH.FORBIDDEN');
    expect(await code(OPENID.admin, { period: { kind: 'month', key: '2026-Q4' } })).toBe('REPORT.PERIOD_INVALID');
    expect(await code(OPENID.admin, { kind: 'street_views' })).toBe('VALIDATION.INVALID_INPUT');
    expect(await code(OPENID.admin, { measure: 'views' })).toBe('VALIDATION.INVALID_INPUT');
  });

  it('offers the dashboard’s picker: a team to its members, the city to a city admin, whose cells open no leads', async () => {
    const squad = await b.ok<Heatmap & { leadsOpen: boolean; choices: { teams: Array<{ teamId: string }>; city: boolean } }>('report.heatmap', { scope: 'team', teamId: 'team-invest-squad', period: DEC, kind: 'origin_industry', measure: 'inquiries' }, OPENID.head);
    expect([squad.scopeLabel, squad.totals.inquiries, squad.leadsOpen]).toEqual(['招商小组', 3, true]);
    expect(squad.choices).toEqual({ teams: [{ teamId: 'team-invest-squad', name: '招商小组' }], city: false });
    const city = await b.ok<Heatmap & { leadsOpen: boolean; choices: { city: boolean } }>('report.heatmap', { scope: 'city', period: DEC, kind: 'origin_industry', measure: 'inquiries' }, OPENID.cityAdmin);
    expect([city.scopeLabel, city.totals.inquiries, city.leadsOpen, city.choices.city]).toEqual(['全市', 5, false, true]);
    expect(await b.call('report.heatmap', { scope: 'team', teamId: 'team-industry', period: DEC, kind: 'origin_industry', measure: 'inquiries' }, OPENID.head)).toMatchObject({ ok: false, error: { code: 'AUTH.FORBIDDEN' } });
  });

  it('a tapped cell opens exactly the leads it counted, «其他» included, as far as the viewer may see them', async () => {
    const leads = (input: Record<string, unknown>, openid: string = OPENID.admin) => b.ok<LeadsPage>('report.leads', { scope: 'district', period: DEC, filter: 'all', ...input }, openid);
    const cell = [{ filter: 'origin', values: ['330000'] }, { filter: 'industry', values: ['新能源'] }];
    expect((await leads({ where: cell })).items.map((i) => i.id).sort()).toEqual([ids.zj1, ids.zj2].sort());
    expect((await leads({ where: [...cell, { filter: 'confirmed', values: ['signed'] }] })).items.map((i) => i.id)).toEqual([ids.zj1]);
    // «其他»: every origin not named on the map.
    expect((await leads({ where: [{ filter: 'origin', values: ['330000', '320000'], except: true }] })).items.map((i) => i.id)).toEqual([ids.none]);
    expect((await leads({ where: [{ filter: 'street', values: [factory.street] }, { filter: 'carrierType', values: ['factory'] }] })).items.map((i) => i.id).sort()).toEqual([ids.zj1, ids.js1].sort());
    // A unit's staff tap their unit's map: that unit's leads of the cell only.
    const tech = await leads({ scope: 'unit', where: [{ filter: 'industry', values: ['新能源'] }] }, OPENID.tech);
    expect(tech).toMatchObject({ items: [expect.objectContaining({ id: ids.js1 })], hidden: 0 });
    const r = await b.call('report.leads', { scope: 'district', period: DEC, filter: 'all', where: [{ filter: 'origin', values: [] }] }, OPENID.admin);
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION.INVALID_INPUT' } });
  });

  it('exports a cell: exactly the leads its page lists, masked per role, audited with the cell', async () => {
    const leads = (input: Record<string, unknown>, openid: string) => b.ok<LeadsPage>('report.leads', { period: DEC, filter: 'all', ...input }, openid);
    const exportedIds = async (input: Record<string, unknown>, openid: string) => {
      const answer = await b.ok<{ url: string; rows: number; contactRows: number; hidden: number }>('report.export', { period: DEC, table: 'leads', format: 'csv', ...input }, openid);
      const bytes = await b.deps.files.get(`local:${new URL(answer.url, 'http://local').pathname.replace('/api/_local/files/', '')}`);
      const lines = Buffer.from(bytes as Uint8Array).toString('utf8').split('\r\n').slice(1).filter(Boolean);
      return { answer, lines, ids: lines.map((l) => l.split(',')[0]).sort() };
    };
    const listedIds = async (input: Record<string, unknown>, openid: string) => (await leads(input, openid)).items.map((i) => i.id).sort();
    const cases: Array<[string, Record<string, unknown>]> = [
      [OPENID.admin, { scope: 'district', where: [{ filter: 'origin', values: ['330000'] }, { filter: 'industry', values: ['新能源'] }] }],
      [OPENID.admin, { scope: 'district', where: [{ filter: 'origin', values: ['330000', '320000'], except: true }] }],
      [OPENID.admin, { scope: 'district', where: [{ filter: 'origin', values: ['330000'] }, { filter: 'industry', values: ['新能源'] }, { filter: 'confirmed', values: ['signed'] }] }],
      [OPENID.tech, { scope: 'unit', where: [{ filter: 'industry', values: ['新能源'] }] }],
      [OPENID.tech, { scope: 'team', teamId: 'team-industry', where: [{ filter: 'origin', values: ['330000'] }] }],
      [OPENID.commissioner, { scope: 'team', teamId: 'team-invest-squad', where: [{ filter: 'origin', values: ['330000'] }] }],
    ];
    for (const [openid, input] of cases) {
      const file = await exportedIds(input, openid);
      expect([JSON.stringify(input), file.ids]).toEqual([JSON.stringify(input), await listedIds(input, openid)]);
      expect(file.ids.length).toBeGreaterThan(0);
    }
    // The admin may reveal: contact data in the file, each such lead named in the export's audit with the cell.
    const cell = cases[0][1];
    const admin = await exportedIds(cell, OPENID.admin);
    expect(admin.answer).toMatchObject({ rows: 2, contactRows: 2, hidden: 0 });
    const audit = await b.store.find<{ _id: string; action: string; after: Record<string, unknown> }>(COLLECTIONS.audit.name, { where: { districtId: 'demo-linjiang' }, orderBy: [{ field: 'at', direction: 'desc' }, { field: '_id', direction: 'desc' }], limit: 1 });
    expect(audit[0]).toMatchObject({ action: 'report.export', after: { where: cell.where, rows: 2 } });
    expect([...(audit[0]?.after.contactLeadIds as string[])].sort()).toEqual([ids.zj1, ids.zj2].sort());
    // A colleague in the handler's team sees the cell's leads with the phone masked, and reveals nothing.
    const team = await exportedIds(cases[5][1], OPENID.commissioner);
    expect(team.answer).toMatchObject({ rows: 2, contactRows: 0 });
    expect(team.lines.join('\n')).toMatch(/139\*{4}\d{4}/);
    expect(team.lines.join('\n')).not.toMatch(/1390013\d{4}/);
    // A cell with the dashboard table, or a malformed one, is refused, nothing written.
    const before = (await b.store.find(COLLECTIONS.audit.name, { where: { districtId: 'demo-linjiang' }, orderBy: [{ field: 'at', direction: 'desc' }, { field: '_id', direction: 'desc' }], limit: 200 })).length;
    for (const bad of [{ table: 'dashboard', where: cell.where }, { where: [{ filter: 'origin', values: [] }] }, { where: [{ filter: 'phone', values: ['1'] }] }]) {
      const r = await b.call('report.export', { scope: 'district', period: DEC, table: 'leads', format: 'csv', ...bad }, OPENID.admin);
      expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION.INVALID_INPUT' } });
    }
    // A city admin's cell opens no leads, so it exports none.
    expect(await b.call('report.export', { scope: 'city', period: DEC, table: 'leads', format: 'csv', where: cell.where }, OPENID.cityAdmin)).toMatchObject({ ok: false, error: { code: 'AUTH.FORBIDDEN' } });
    expect((await b.store.find(COLLECTIONS.audit.name, { where: { districtId: 'demo-linjiang' }, orderBy: [{ field: 'at', direction: 'desc' }, { field: '_id', direction: 'desc' }], limit: 200 })).length).toBe(before);
  });

  it('runs the roll-up recount only from the console’s timer-shaped event, never for a person', () => {
    const event = { Type: 'Timer', TriggerName: 'rollup-recount' };
    expect(isRollupRecountEvent(event, { openid: null, visitor: null })).toBe(true);
    expect(isRollupRecountEvent(event, { openid: OPENID.admin, visitor: null })).toBe(false);
    expect(isRollupRecountEvent(event, { openid: null, visitor: 'tcb_x' })).toBe(false);
    expect(isRollupRecountEvent({ Type: 'Timer', TriggerName: 'monthly-bulletin' }, { openid: null, visitor: null })).toBe(false);
  });
});
