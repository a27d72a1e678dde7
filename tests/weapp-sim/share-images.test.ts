import { imageDimensions } from '../../domain/share/share-image.rules';
import { DEMO, OPENIDS, startWorld, type SimWorld } from './support/sim-world';

/**
 * The share images of a card and of a carrier, drawn by the weapp build itself: on the page's canvas 2d, exported
 * as JPEG, stored by the sharing function, then used by the pages' onShareAppMessage (5:4) and onShareTimeline (1:1).
 */
let world: SimWorld;

beforeAll(async () => {
  world = await startWorld();
}, 120_000);

afterAll(() => world?.uninstall());

type Call = { api: string; options: unknown };
const callsOf = (calls: Call[], api: string) => calls.filter((c) => c.api === api).map((c) => c.options as Record<string, unknown>);
/** The images the page sent to the cloud: action, its input, and the decoded bytes' type and size. */
const sentImages = (calls: Call[], action: string) =>
  callsOf(calls, 'cloud.callFunction')
    .map((o) => o.data as { action: string; input: Record<string, unknown> })
    .filter((d) => d.action === action)
    .map((d) => {
      const bytes = new Uint8Array(Buffer.from(String(d.input.image), 'base64'));
      return { lang: d.input.lang, shape: d.input.shape, bytes: bytes.length, dims: imageDimensions(bytes) };
    });
const simUrl = (ref: unknown) => `https://sim.invalid/${encodeURIComponent(String(ref))}`;

describe('share images in the mini-program', () => {
  it('the card: its owner’s editor draws both shapes; a visitor’s card page shares them', async () => {
    const owner = world.phone(OPENIDS.commissioner);
    await owner.app.start('share/my-card/index');
    const sent = sentImages(owner.app.calls, 'share.saveImage');
    expect(sent.map(({ shape, dims }) => [shape, dims])).toEqual([
      ['chat', { type: 'jpg', width: 500, height: 400 }],
      ['moments', { type: 'jpg', width: 400, height: 400 }],
    ]);
    for (const s of sent) expect(s.bytes).toBeGreaterThan(100);
    const card = world.cloud.documents('cards').find((c) => c._id === DEMO.commissionerCardId) as { shareImages?: { chat: string; moments: string } };
    expect(card.shareImages?.chat).toMatch(/^cloud:\/\/.+-chat\.jpg$/);
    expect(card.shareImages?.moments).toMatch(/^cloud:\/\/.+-moments\.jpg$/);
    expect(owner.app.consoleErrors).toEqual([]);

    const { app } = world.phone(OPENIDS.investorA);
    const page = await app.start('pages/card/index', { cardId: DEMO.commissionerCardId });
    expect((page.call('onShareAppMessage', { from: 'menu' }) as { imageUrl?: string }).imageUrl).toBe(simUrl(card.shareImages?.chat));
    expect((page.call('onShareTimeline') as { imageUrl?: string }).imageUrl).toBe(simUrl(card.shareImages?.moments));
    expect(app.consoleErrors).toEqual([]);
    expect(app.violations).toEqual([]);
  });

  it('a carrier: the office’s editor draws both shapes in Chinese and English with its photo; detail pages share them in their language', async () => {
    const admin = world.phone(OPENIDS.admin);
    const editor = await admin.app.start('admin/carrier-edit/index', { carrierId: DEMO.carrierId });
    await admin.app.settle();
    const sent = sentImages(admin.app.calls, 'share.saveCarrierImage');
    expect(sent.map(({ lang, shape, dims }) => [lang, shape, dims])).toEqual([
      ['zh', 'chat', { type: 'jpg', width: 500, height: 400 }],
      ['zh', 'moments', { type: 'jpg', width: 400, height: 400 }],
      ['en', 'chat', { type: 'jpg', width: 500, height: 400 }],
      ['en', 'moments', { type: 'jpg', width: 400, height: 400 }],
    ]);
    for (const s of sent) expect(s.bytes).toBeGreaterThan(100);
    // Drawn from the carrier: its name and its photo on the canvas; the English pair with the English dictionary.
    const ops = admin.app.fake.canvases.flatMap((c) => c.ops);
    expect(ops.some((op) => op.startsWith('fillText') && op.includes(DEMO.carrierName))).toBe(true);
    expect(ops.some((op) => op.startsWith('fillText') && op.includes('Available area'))).toBe(true);
    expect(ops.some((op) => op.startsWith('drawImage'))).toBe(true);
    expect(editor.render().text).toContain('转发载体和分享到朋友圈时会用按载体内容生成的中英文分享图');

    const carrier = world.cloud.documents('carriers').find((c) => c._id === DEMO.carrierId) as { shareImages?: Record<'zh' | 'en', { fingerprint: string; chat: string; moments: string }> };
    const { zh, en } = carrier.shareImages ?? ({} as Record<'zh' | 'en', undefined>);
    expect(zh?.chat).toMatch(new RegExp(`^cloud://.+/share-images/carriers/${DEMO.carrierId}/zh-${zh?.fingerprint}-chat\\.jpg$`));
    expect(en?.moments).toMatch(new RegExp(`/share-images/carriers/${DEMO.carrierId}/en-${en?.fingerprint}-moments\\.jpg$`));
    expect(admin.app.consoleErrors).toEqual([]);

    // Opening the editor again with nothing changed draws nothing.
    const again = world.phone(OPENIDS.admin);
    await again.app.start('admin/carrier-edit/index', { carrierId: DEMO.carrierId });
    await again.app.settle();
    expect(callsOf(again.app.calls, 'canvasToTempFilePath')).toEqual([]);

    const { app } = world.phone(OPENIDS.investorA);
    const page = await app.start('pages/carrier-detail/index', { carrierId: DEMO.carrierId });
    const chat = page.call('onShareAppMessage', { from: 'menu' }) as { imageUrl?: string; path?: string };
    expect(chat.imageUrl).toBe(simUrl(zh?.chat));
    expect(chat.path).toContain(`carrierId=${DEMO.carrierId}`);
    expect((page.call('onShareTimeline') as { imageUrl?: string }).imageUrl).toBe(simUrl(zh?.moments));

    const english = world.phone(OPENIDS.investorB);
    const enPage = await english.app.start('pages/carrier-detail/index', { carrierId: DEMO.carrierId, lang: 'en' });
    await english.app.settle();
    expect((enPage.call('onShareAppMessage', { from: 'menu' }) as { imageUrl?: string }).imageUrl).toBe(simUrl(en?.chat));
    expect((enPage.call('onShareTimeline') as { imageUrl?: string }).imageUrl).toBe(simUrl(en?.moments));
    for (const phone of [app, english.app]) {
      expect(phone.consoleErrors).toEqual([]);
      expect(phone.violations).toEqual([]);
    }
  });
  it('the office’s carrier list redraws in the background, three carriers a visit, the images of carriers changed outside the editor first, then those never drawn', async () => {
    // The vacancy confirmed by link since the editor drew it (the previous test): its images no longer match.
    const stored = world.cloud.backend.collections.get('carriers')?.get(DEMO.carrierId) as unknown as { vacantArea: number };
    stored.vacantArea = Math.max(0, stored.vacantArea - 100);
    const admin = world.phone(OPENIDS.admin);
    const list = await admin.app.start('admin/carriers/index');
    await admin.app.settle();
    const sent = callsOf(admin.app.calls, 'cloud.callFunction')
      .map((o) => o.data as { action: string; input: Record<string, string> })
      .filter((d) => d.action === 'share.saveCarrierImage')
      .map((d) => `${d.input.carrierId}/${d.input.lang}/${d.input.shape}`);
    expect(sent.filter((s) => s.startsWith(`${DEMO.carrierId}/`))).toEqual([`${DEMO.carrierId}/zh/chat`, `${DEMO.carrierId}/zh/moments`, `${DEMO.carrierId}/en/chat`, `${DEMO.carrierId}/en/moments`]);
    expect(list.render().text).toContain(DEMO.carrierName);
    expect(admin.app.consoleErrors).toEqual([]);
    expect(admin.app.violations).toEqual([]);
    // Three carriers a visit: the outdated one first, then two never drawn; the next visit takes the next ones.
    const drawn = new Set(sent.map((x) => x.split('/')[0]));
    expect(drawn.size).toBe(3);
    const after = (await world.cloud.invoke('admin', { action: 'admin.carrier.list', input: { limit: 100 } }, OPENIDS.admin)) as { ok: boolean; data: { items: Array<{ id: string; shareImagesToDraw: string | null }> } };
    for (const row of after.data.items) if (drawn.has(row.id)) expect(row.shareImagesToDraw).toBeNull();
    expect(list.render().text).toContain('个载体的分享图待生成');
    const again = world.phone(OPENIDS.admin);
    await again.app.start('admin/carriers/index');
    await again.app.settle();
    const next = new Set(callsOf(again.app.calls, 'cloud.callFunction').map((o) => o.data as { action: string; input: Record<string, string> }).filter((d) => d.action === 'share.saveCarrierImage').map((d) => d.input.carrierId));
    expect(next.size).toBe(3);
    expect([...next].filter((id) => drawn.has(id))).toEqual([]);
    expect(again.app.consoleErrors).toEqual([]);
  });
});
