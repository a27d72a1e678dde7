import { COLLECTIONS } from '../../cloudfunctions/_lib/store/collections';
import type { CarrierDetail } from '../../domain/api/views.schema';
import type { Carrier } from '../../domain/carrier/carrier.schema';
import { jpegOf, pngOf } from '../support/sample-share-image';
import { createTestBackend, OPENID, type TestBackend } from '../support/test-backend';

type Variant = { lang: 'zh' | 'en'; fingerprint: string; content: Record<string, unknown>; chat: string | null; moments: string | null };
type State = { carrierId: string; variants: Variant[] } | null;
type Saved = { fingerprint: string; chat: string | null; moments: string | null; reused: boolean };

const CHAT = () => jpegOf(500, 400).toString('base64');
const MOMENTS = () => pngOf(400, 400).toString('base64');

const EDIT = {
  type: 'factory',
  name: '临江新港标准厂房',
  street: '金湾街道',
  address: '云川市临江区金湾路 88 号',
  totalArea: 12000,
  vacantArea: 3000,
  floors: null,
  priceMin: 20,
  priceMax: 28,
  priceUnit: 'yuan_per_sqm_month',
  facilities: ['行车 10 吨'],
  suitedIndustries: ['先进制造'],
  policies: [],
  managerName: '钱经理',
  managerPhone: '13800138030',
  managerStaffId: null,
  unitId: null,
  location: { lat: 31.25, lng: 120.6 },
  photos: ['/assets/carriers/factory-0.svg'],
  nameEn: 'Lingjiang Xingang Standard Factory',
};

describe('share images of a carrier (share.carrierImageState / share.saveCarrierImage)', () => {
  let b: TestBackend;
  beforeEach(async () => {
    b = await createTestBackend();
  });
  afterEach(() => b.close());

  const state = async (carrierId: string, openid: string = OPENID.admin) => (await b.ok<State>('share.carrierImageState', { carrierId }, openid)) as NonNullable<State>;
  const variant = async (carrierId: string, lang: 'zh' | 'en', openid: string = OPENID.admin) => (await state(carrierId, openid)).variants.find((x) => x.lang === lang) as Variant;
  const save = (input: Record<string, unknown>, openid: string = OPENID.admin) => b.call('share.saveCarrierImage', input, openid);
  const carrierGet = (carrierId: string, lang?: 'en') => b.ok<CarrierDetail>('carrier.get', { carrierId, ...(lang ? { lang } : {}) }, OPENID.investorA);
  const create = async () => (await b.ok<{ carrierId: string }>('admin.carrier.save', { carrier: EDIT }, OPENID.admin)).carrierId;

  it('draws from the carrier’s content in Chinese and English; each language’s pair reaches carrier.get in that language only', async () => {
    const carrierId = await create();
    const s = await state(carrierId);
    expect(s.variants.map((x) => x.lang)).toEqual(['zh', 'en']);
    const [zh, en] = s.variants;
    expect(zh.content).toEqual({
      lang: 'zh', name: '临江新港标准厂房', type: 'factory', street: '金湾街道', districtName: '云川市临江区（演示）', totalArea: 12000, vacantArea: 3000,
      hasVacancy: true, priceMin: 20, priceMax: 28, priceUnit: 'yuan_per_sqm_month', photo: '/assets/carriers/factory-0.svg', isDemo: true,
    });
    // English: the English name it has; the street without an English variant stays Chinese (as the page shows it).
    expect(en.content).toMatchObject({ lang: 'en', name: 'Lingjiang Xingang Standard Factory', street: '金湾街道' });
    expect(zh.fingerprint).toMatch(/^[a-f0-9]{32}$/);
    expect(en.fingerprint).not.toBe(zh.fingerprint);
    expect([zh.chat, zh.moments, en.chat, en.moments]).toEqual([null, null, null, null]);
    expect((await carrierGet(carrierId)).shareImages).toBeUndefined();

    const chat = await b.ok<Saved>('share.saveCarrierImage', { carrierId, lang: 'zh', shape: 'chat', fingerprint: zh.fingerprint, image: CHAT() }, OPENID.admin);
    expect(chat).toMatchObject({ reused: false, moments: null, chat: `/api/_local/photos/share-images/carriers/${carrierId}/zh-${zh.fingerprint}-chat.jpg` });
    const both = await b.ok<Saved>('share.saveCarrierImage', { carrierId, lang: 'zh', shape: 'moments', fingerprint: zh.fingerprint, image: MOMENTS() }, OPENID.admin);
    expect(both.moments).toBe(`/api/_local/photos/share-images/carriers/${carrierId}/zh-${zh.fingerprint}-moments.png`);
    expect((await carrierGet(carrierId)).shareImages).toEqual({ chat: both.chat, moments: both.moments });
    expect((await carrierGet(carrierId, 'en')).shareImages).toBeUndefined();
    const stored = await b.deps.files.get(b.deps.files.fileIdOf(both.chat as string) as string);
    expect(Buffer.from(stored as Uint8Array).equals(jpegOf(500, 400))).toBe(true);

    const enChat = await b.ok<Saved>('share.saveCarrierImage', { carrierId, lang: 'en', shape: 'chat', fingerprint: en.fingerprint, image: CHAT() }, OPENID.admin);
    expect((await carrierGet(carrierId, 'en')).shareImages).toEqual({ chat: enChat.chat, moments: null });
    // Storing the English pair keeps the Chinese one.
    expect((await carrierGet(carrierId)).shareImages).toEqual({ chat: both.chat, moments: both.moments });
    expect(await variant(carrierId, 'zh')).toMatchObject({ chat: both.chat, moments: both.moments });
  });

  it('an unchanged carrier is not stored again; an edit of something not drawn keeps the images', async () => {
    const carrierId = await create();
    const zh = await variant(carrierId, 'zh');
    const first = await b.ok<Saved>('share.saveCarrierImage', { carrierId, lang: 'zh', shape: 'chat', fingerprint: zh.fingerprint, image: CHAT() }, OPENID.admin);
    const before = await b.store.get<Carrier>(COLLECTIONS.carriers.name, carrierId);
    const again = await b.ok<Saved>('share.saveCarrierImage', { carrierId, lang: 'zh', shape: 'chat', fingerprint: zh.fingerprint, image: jpegOf(500, 400, 3_000).toString('base64') }, OPENID.admin);
    expect(again).toEqual({ ...first, reused: true });
    expect(await b.store.get<Carrier>(COLLECTIONS.carriers.name, carrierId)).toEqual(before);

    // Facilities are not on the image.
    await b.ok('admin.carrier.save', { carrierId, carrier: { ...EDIT, facilities: ['行车 20 吨'] } }, OPENID.admin);
    expect((await variant(carrierId, 'zh')).fingerprint).toBe(zh.fingerprint);
    expect((await carrierGet(carrierId)).shareImages?.chat).toBe(first.chat);
  });

  it('a change of what is drawn (the vacancy) gets a new fingerprint: old images stop showing, are refused as stale and deleted once redrawn', async () => {
    const carrierId = await create();
    const zh = await variant(carrierId, 'zh');
    const old = await b.ok<Saved>('share.saveCarrierImage', { carrierId, lang: 'zh', shape: 'chat', fingerprint: zh.fingerprint, image: CHAT() }, OPENID.admin);
    await b.ok('admin.carrier.save', { carrierId, carrier: { ...EDIT, vacantArea: 1200 } }, OPENID.admin);

    const changed = await variant(carrierId, 'zh');
    expect(changed.fingerprint).not.toBe(zh.fingerprint);
    expect(changed).toMatchObject({ chat: null, moments: null, content: { vacantArea: 1200 } });
    expect((await carrierGet(carrierId)).shareImages).toBeUndefined();
    expect(await save({ carrierId, lang: 'zh', shape: 'chat', fingerprint: zh.fingerprint, image: CHAT() })).toMatchObject({
      ok: false,
      error: { code: 'SHARE.CARRIER_IMAGE_STALE', message: '载体信息已更新，请重新生成分享图', fields: ['fingerprint'] },
    });

    const fresh = await b.ok<Saved>('share.saveCarrierImage', { carrierId, lang: 'zh', shape: 'chat', fingerprint: changed.fingerprint, image: CHAT() }, OPENID.admin);
    expect(fresh.chat).toContain(changed.fingerprint);
    expect(await b.deps.files.get(b.deps.files.fileIdOf(old.chat as string) as string)).toBeNull();
    expect((await carrierGet(carrierId)).shareImages).toEqual({ chat: fresh.chat, moments: null });
  });

  it('only those who manage the carrier may draw it: its carrier manager, the leader of its unit, the district admin', async () => {
    // 南岭工业坊 (factory-002) is managed by 沈观澜, a carrier manager; building-001 belongs to nobody but the district.
    const managed = await variant('factory-002', 'zh', OPENID.carrierManager);
    expect(await save({ carrierId: 'factory-002', lang: 'zh', shape: 'chat', fingerprint: managed.fingerprint, image: CHAT() }, OPENID.carrierManager)).toMatchObject({ ok: true });
    for (const openid of [OPENID.carrierManager, OPENID.tech, OPENID.investLeader]) {
      expect(await b.call('share.carrierImageState', { carrierId: 'building-001' }, openid)).toMatchObject({ ok: false, error: { code: 'CARRIER.NOT_FOUND' } });
    }
    const building = await variant('building-001', 'zh');
    const before = await b.store.get<Carrier>(COLLECTIONS.carriers.name, 'building-001');
    for (const openid of [OPENID.carrierManager, OPENID.tech, OPENID.investLeader, OPENID.investorA]) {
      expect(await save({ carrierId: 'building-001', lang: 'zh', shape: 'chat', fingerprint: building.fingerprint, image: CHAT() }, openid)).toMatchObject({ ok: false });
    }
    expect(await b.store.get<Carrier>(COLLECTIONS.carriers.name, 'building-001')).toEqual(before);

    // Once the investment bureau owns it, its leader may.
    await b.store.update(COLLECTIONS.carriers.name, 'building-001', { set: { unitId: 'unit-invest' } });
    expect(await save({ carrierId: 'building-001', lang: 'zh', shape: 'chat', fingerprint: building.fingerprint, image: CHAT() }, OPENID.investLeader)).toMatchObject({ ok: true });
    // An unknown id answers the same as one out of reach.
    expect(await b.call('share.carrierImageState', { carrierId: 'no-such-carrier' }, OPENID.admin)).toMatchObject({ ok: false, error: { code: 'CARRIER.NOT_FOUND' } });
  });

  it('refuses an image of the wrong shape or size and a withdrawn carrier, writing nothing', async () => {
    const zh = await variant('building-001', 'zh');
    const before = await b.store.get<Carrier>(COLLECTIONS.carriers.name, 'building-001');
    for (const image of [jpegOf(400, 400).toString('base64'), pngOf(500, 400, 80_000).toString('base64').slice(0, 4), Buffer.from('not an image at all').toString('base64')]) {
      expect(await save({ carrierId: 'building-001', lang: 'zh', shape: 'chat', fingerprint: zh.fingerprint, image })).toMatchObject({ ok: false });
    }
    expect(await save({ carrierId: 'building-001', lang: 'zh', shape: 'moments', fingerprint: zh.fingerprint, image: CHAT() })).toMatchObject({ ok: false, error: { code: 'SHARE.IMAGE_INVALID', fields: ['image'] } });
    expect(await b.store.get<Carrier>(COLLECTIONS.carriers.name, 'building-001')).toEqual(before);

    await b.ok('admin.carrier.setListed', { carrierId: 'building-001', listed: false }, OPENID.admin);
    expect(await b.ok('share.carrierImageState', { carrierId: 'building-001' }, OPENID.admin)).toBeNull();
    expect(await save({ carrierId: 'building-001', lang: 'zh', shape: 'chat', fingerprint: zh.fingerprint, image: CHAT() })).toMatchObject({ ok: false, error: { code: 'CARRIER.NOT_FOUND' } });
  });

  it('admin.carrier.list says which carriers’ images need drawing: never drawn, or drawn before a change made elsewhere', async () => {
    type Row = { id: string; canEdit: boolean; shareImagesToDraw: 'outdated' | 'missing' | null };
    const rows = async (openid: string = OPENID.admin) => {
      const list = await b.ok<{ items: Row[]; withdrawn: Row[] }>('admin.carrier.list', { limit: 100 }, openid);
      return new Map([...list.items, ...list.withdrawn].map((r) => [r.id, r]));
    };
    const carrierId = await create();
    expect((await rows()).get(carrierId)?.shareImagesToDraw).toBe('missing');
    const drawAll = async (halfway: 'missing' | 'outdated') => {
      for (const v of (await state(carrierId)).variants) {
        await b.ok('share.saveCarrierImage', { carrierId, lang: v.lang, shape: 'chat', fingerprint: v.fingerprint, image: CHAT() }, OPENID.admin);
        // One shape of a language is not enough: the pair is what a share needs.
        if (v.lang === 'zh') expect((await rows()).get(carrierId)?.shareImagesToDraw).toBe(halfway);
        await b.ok('share.saveCarrierImage', { carrierId, lang: v.lang, shape: 'moments', fingerprint: v.fingerprint, image: MOMENTS() }, OPENID.admin);
      }
    };
    await drawAll('missing');
    expect((await rows()).get(carrierId)?.shareImagesToDraw).toBeNull();

    // The vacancy changed outside the editor (a confirmation link, an import): outdated, ahead of the never drawn.
    await b.store.update(COLLECTIONS.carriers.name, carrierId, { set: { vacantArea: 800 } });
    expect((await rows()).get(carrierId)?.shareImagesToDraw).toBe('outdated');
    // Half redrawn, the English pair is still the old content's.
    await drawAll('outdated');
    expect((await rows()).get(carrierId)?.shareImagesToDraw).toBeNull();

    // Nobody is asked to draw what they may not store, nor a withdrawn carrier.
    const seen = await rows(OPENID.investLeader);
    expect([...seen.values()].some((r) => !r.canEdit)).toBe(true);
    for (const r of seen.values()) if (!r.canEdit) expect(r.shareImagesToDraw).toBeNull();
    await b.ok('admin.carrier.setListed', { carrierId: 'building-001', listed: false }, OPENID.admin);
    expect((await rows()).get('building-001')?.shareImagesToDraw).toBeNull();
  });

  it('takes a carrier’s share images off with it (下架): the files are deleted, restored it starts undrawn', async () => {
    const zh = await variant('building-001', 'zh');
    const en = await variant('building-001', 'en');
    const kept = [
      await b.ok<Saved>('share.saveCarrierImage', { carrierId: 'building-001', lang: 'zh', shape: 'chat', fingerprint: zh.fingerprint, image: CHAT() }, OPENID.admin),
      await b.ok<Saved>('share.saveCarrierImage', { carrierId: 'building-001', lang: 'zh', shape: 'moments', fingerprint: zh.fingerprint, image: MOMENTS() }, OPENID.admin),
      await b.ok<Saved>('share.saveCarrierImage', { carrierId: 'building-001', lang: 'en', shape: 'chat', fingerprint: en.fingerprint, image: CHAT() }, OPENID.admin),
    ];
    const refs = [kept[1].chat, kept[1].moments, kept[2].chat] as string[];
    for (const ref of refs) expect(await b.deps.files.get(b.deps.files.fileIdOf(ref) as string)).not.toBeNull();

    await b.ok('admin.carrier.setListed', { carrierId: 'building-001', listed: false }, OPENID.admin);
    for (const ref of refs) expect(await b.deps.files.get(b.deps.files.fileIdOf(ref) as string)).toBeNull();
    expect((await b.store.get<Carrier>(COLLECTIONS.carriersWithdrawn.name, 'building-001'))?.shareImages).toBeUndefined();

    await b.ok('admin.carrier.setListed', { carrierId: 'building-001', listed: true }, OPENID.admin);
    expect((await state('building-001')).variants.map((v) => [v.lang, v.chat, v.moments])).toEqual([['zh', null, null], ['en', null, null]]);
    expect((await carrierGet('building-001')).shareImages).toBeUndefined();
  });
});
