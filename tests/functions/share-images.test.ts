import { COLLECTIONS } from '../../cloudfunctions/_lib/store/collections';
import type { Card } from '../../domain/card/card.schema';
import type { CardView } from '../../domain/api/views.schema';
import { jpegOf, pngOf } from '../support/sample-share-image';
import { createTestBackend, OPENID, type TestBackend } from '../support/test-backend';

type State = { cardId: string; fingerprint: string; content: { districtName: string; personName: string; figures: unknown[] }; chat: string | null; moments: string | null } | null;
type Saved = { fingerprint: string; chat: string | null; moments: string | null; reused: boolean };

const CHAT = () => jpegOf(500, 400).toString('base64');
const MOMENTS = () => pngOf(400, 400).toString('base64');

describe('share images of a card (share.imageState / share.saveImage)', () => {
  let b: TestBackend;
  beforeEach(async () => {
    b = await createTestBackend();
  });
  afterEach(() => b.close());

  const state = async (openid: string = OPENID.head) => (await b.ok<State>('share.imageState', {}, openid)) as NonNullable<State>;
  const save = (input: Record<string, unknown>, openid: string = OPENID.head) => b.call('share.saveImage', input, openid);
  const cardGet = (cardId = 'card-staff-head') => b.ok<CardView>('card.get', { cardId }, OPENID.investorA);

  it('the owner stores both images; card.get then hands them to every visitor', async () => {
    const s = await state();
    expect(s).toMatchObject({ cardId: 'card-staff-head', chat: null, moments: null, content: { districtName: '云川市临江区（演示）', personName: '林致远' } });
    expect(s.fingerprint).toMatch(/^[a-f0-9]{32}$/);
    expect((await cardGet()).shareImages).toBeUndefined();

    const chat = await b.ok<Saved>('share.saveImage', { shape: 'chat', fingerprint: s.fingerprint, image: CHAT() }, OPENID.head);
    expect(chat).toMatchObject({ reused: false, moments: null });
    expect(chat.chat).toBe(`/api/_local/photos/share-images/card-staff-head/${s.fingerprint}-chat.jpg`);
    const both = await b.ok<Saved>('share.saveImage', { shape: 'moments', fingerprint: s.fingerprint, image: MOMENTS() }, OPENID.head);
    expect(both.chat).toBe(chat.chat);
    expect(both.moments).toBe(`/api/_local/photos/share-images/card-staff-head/${s.fingerprint}-moments.png`);

    expect((await cardGet()).shareImages).toEqual({ chat: both.chat, moments: both.moments });
    // The English read passes on the same images (drawn from the card's own content).
    expect((await b.ok<CardView>('card.get', { cardId: 'card-staff-head', lang: 'en' }, OPENID.investorA)).shareImages).toEqual({ chat: both.chat, moments: both.moments });
    expect(await state()).toMatchObject({ chat: both.chat, moments: both.moments });
    const fileId = b.deps.files.fileIdOf(both.chat as string);
    expect(Buffer.from((await b.deps.files.get(fileId as string)) as Uint8Array).equals(jpegOf(500, 400))).toBe(true);
  });

  it('an unchanged card is not stored again: the same fingerprint reuses the kept image', async () => {
    const s = await state();
    const first = await b.ok<Saved>('share.saveImage', { shape: 'chat', fingerprint: s.fingerprint, image: CHAT() }, OPENID.head);
    const before = await b.store.get<Card>(COLLECTIONS.cards.name, 'card-staff-head');
    b.clock.advanceHours(1);
    const again = await b.ok<Saved>('share.saveImage', { shape: 'chat', fingerprint: s.fingerprint, image: jpegOf(500, 400, 3_000).toString('base64') }, OPENID.head);
    expect(again).toEqual({ ...first, reused: true });
    expect(await b.store.get<Card>(COLLECTIONS.cards.name, 'card-staff-head')).toEqual(before);
  });

  it('a changed card gets a new fingerprint: the old images stop showing, are refused as stale and deleted once redrawn', async () => {
    const s = await state();
    const old = await b.ok<Saved>('share.saveImage', { shape: 'chat', fingerprint: s.fingerprint, image: CHAT() }, OPENID.head);
    // The owner changes their title (drawn on the image).
    const mine = await b.ok<{ edit: Record<string, unknown> }>('card.mine', {}, OPENID.head);
    await b.ok('card.update', { ...mine.edit, title: '招商局副局长' }, OPENID.head);

    const changed = await state();
    expect(changed.fingerprint).not.toBe(s.fingerprint);
    expect(changed).toMatchObject({ chat: null, moments: null });
    expect((await cardGet()).shareImages).toBeUndefined();
    expect(await save({ shape: 'chat', fingerprint: s.fingerprint, image: CHAT() })).toMatchObject({ ok: false, error: { code: 'SHARE.IMAGE_STALE', fields: ['fingerprint'] } });

    const fresh = await b.ok<Saved>('share.saveImage', { shape: 'chat', fingerprint: changed.fingerprint, image: CHAT() }, OPENID.head);
    expect(fresh.chat).toContain(changed.fingerprint);
    expect(await b.deps.files.get(b.deps.files.fileIdOf(old.chat as string) as string)).toBeNull();
    expect((await cardGet()).shareImages).toEqual({ chat: fresh.chat, moments: null });
  });

  it('greeting-only edits keep the images (the greeting is not drawn)', async () => {
    const s = await state();
    await b.ok('share.saveImage', { shape: 'chat', fingerprint: s.fingerprint, image: CHAT() }, OPENID.head);
    const mine = await b.ok<{ edit: Record<string, unknown> }>('card.mine', {}, OPENID.head);
    await b.ok('card.update', { ...mine.edit, greeting: '欢迎来临江投资' }, OPENID.head);
    expect((await state()).fingerprint).toBe(s.fingerprint);
    expect((await cardGet()).shareImages?.chat).toContain(s.fingerprint);
  });

  it('refuses bytes that are not a PNG/JPEG of the shape’s exact size, and stores nothing', async () => {
    const s = await state();
    const refused = [
      { shape: 'chat', image: jpegOf(400, 400).toString('base64') },
      { shape: 'moments', image: jpegOf(500, 400).toString('base64') },
      { shape: 'chat', image: Buffer.from('%PDF-1.7 not an image at all').toString('base64') },
      { shape: 'chat', image: jpegOf(500, 400, 64 * 1024 + 1).toString('base64').slice(0, 87_384) },
    ];
    for (const bad of refused) expect(await save({ ...bad, fingerprint: s.fingerprint })).toMatchObject({ ok: false, error: { code: 'SHARE.IMAGE_INVALID', fields: ['image'] } });
    // Over the size limit the contract refuses before any work.
    expect(await save({ shape: 'chat', fingerprint: s.fingerprint, image: jpegOf(500, 400, 70_000).toString('base64') })).toMatchObject({ ok: false, error: { code: 'VALIDATION.INVALID_INPUT' } });
    expect(await save({ shape: 'square', fingerprint: s.fingerprint, image: CHAT() })).toMatchObject({ ok: false, error: { code: 'VALIDATION.INVALID_INPUT' } });
    expect(await save({ shape: 'chat', fingerprint: 'not-a-fingerprint', image: CHAT() })).toMatchObject({ ok: false, error: { code: 'VALIDATION.INVALID_INPUT' } });
    expect(await save({ shape: 'chat', fingerprint: s.fingerprint, image: CHAT(), cardId: 'card-staff-tech' })).toMatchObject({ ok: false, error: { code: 'VALIDATION.INVALID_INPUT' } });
    expect((await b.store.get<Card>(COLLECTIONS.cards.name, 'card-staff-head'))?.shareImages).toBeUndefined();
  });

  it('only the card’s owner: investors and anonymous callers are refused, a colleague writes only their own card', async () => {
    const s = await state();
    for (const openid of [OPENID.investorA, OPENID.anonymous]) {
      expect(await save({ shape: 'chat', fingerprint: s.fingerprint, image: CHAT() }, openid as string)).toMatchObject({ ok: false });
      expect((await b.call('share.imageState', {}, openid)).ok).toBe(false);
    }
    // Another staff member's fingerprint is their own card's; the head's does not fit it.
    expect(await save({ shape: 'chat', fingerprint: s.fingerprint, image: CHAT() }, OPENID.tech)).toMatchObject({ ok: false, error: { code: 'SHARE.IMAGE_STALE' } });
    const tech = await state(OPENID.tech);
    expect(tech.cardId).not.toBe('card-staff-head');
    await b.ok('share.saveImage', { shape: 'chat', fingerprint: tech.fingerprint, image: CHAT() }, OPENID.tech);
    expect((await cardGet()).shareImages).toBeUndefined();
    expect((await cardGet(tech.cardId)).shareImages?.chat).toContain(tech.cardId);
  });
});
