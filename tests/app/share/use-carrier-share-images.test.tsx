import { renderHook, waitFor } from '@testing-library/react';
import { en } from '../../../src/i18n/en';
import type { PosterSurface } from '../../../src/share/poster/poster-surface';
import { CARRIER_SHARE_IMAGE_CANVAS_ID, useCarrierShareImages } from '../../../src/share/share-image/use-carrier-share-images';
import { recordingContext } from './poster-canvas';
import { fakeBackend, failWith } from './share-mothers';

const FP_ZH = '0123456789abcdef0123456789abcdef';
const FP_EN = 'fedcba9876543210fedcba9876543210';
const content = (lang: 'zh' | 'en') => ({
  lang,
  name: lang === 'zh' ? '南岭工业坊' : 'Nanling Works',
  type: 'factory',
  street: '南岭街道',
  districtName: '临江区',
  totalArea: 12000,
  vacantArea: 3000,
  hasVacancy: true,
  priceMin: 20,
  priceMax: 28,
  priceUnit: 'yuan_per_sqm_month',
  photo: '/assets/carriers/factory-0.svg',
  isDemo: false,
});
const variant = (lang: 'zh' | 'en', chat: string | null = null, moments: string | null = null) => ({ lang, fingerprint: lang === 'zh' ? FP_ZH : FP_EN, content: content(lang), chat, moments });

/** Surfaces over recording contexts; the photo loads as 1200×800; the JPEG "export" names the size it was asked for. */
const surfaces = (photo = true) => {
  const made: Array<{ options: { width: number; height: number; canvasId: string; pixelRatio?: number }; ctx: ReturnType<typeof recordingContext>; loaded: string[] }> = [];
  const create = jest.fn(async (options: { width: number; height: number; canvasId: string; pixelRatio?: number }): Promise<PosterSurface> => {
    const ctx = recordingContext();
    const loaded: string[] = [];
    made.push({ options, ctx, loaded });
    return {
      ctx,
      loadImage: async (ref) => {
        loaded.push(ref);
        return photo ? { image: { ref }, size: { width: 1200, height: 800 } } : null;
      },
      exportImage: async () => '',
      exportJpegBase64: async () => Buffer.from(`jpeg ${options.width}x${options.height}`).toString('base64'),
    };
  });
  return { create, made };
};

const savedRefs = (input: unknown) => {
  const { lang, shape } = input as { lang: string; shape: string };
  return { fingerprint: lang === 'zh' ? FP_ZH : FP_EN, chat: `/${lang}-chat.jpg`, moments: shape === 'moments' ? `/${lang}-moments.jpg` : null, reused: false };
};

let restore: (() => void) | undefined;
afterEach(() => restore?.());

describe('useCarrierShareImages (the carrier editor’s side)', () => {
  it('draws both shapes in Chinese and in English with the carrier’s photo, and stores each under its language’s fingerprint', async () => {
    const fake = fakeBackend({ 'share.carrierImageState': () => ({ carrierId: 'factory-002', variants: [variant('zh'), variant('en')] }), 'share.saveCarrierImage': savedRefs });
    restore = fake.restore;
    const { create, made } = surfaces();
    const { result } = renderHook(() => useCarrierShareImages('factory-002', true, null, create));
    await waitFor(() => expect(result.current.status).toBe('ready'));

    expect(fake.inputsOf('share.carrierImageState')).toEqual([{ carrierId: 'factory-002' }]);
    expect(made.map((m) => [m.options.width, m.options.height, m.options.canvasId, m.options.pixelRatio])).toEqual([
      [500, 400, CARRIER_SHARE_IMAGE_CANVAS_ID, 1],
      [400, 400, CARRIER_SHARE_IMAGE_CANVAS_ID, 1],
      [500, 400, CARRIER_SHARE_IMAGE_CANVAS_ID, 1],
      [400, 400, CARRIER_SHARE_IMAGE_CANVAS_ID, 1],
    ]);
    const drawnTexts = (i: number) => made[i].ctx.calls.filter((c) => c.name === 'fillText').map((c) => c.args[0]);
    expect(drawnTexts(0)).toEqual(expect.arrayContaining(['南岭工业坊', '厂房 · 南岭街道', '3,000㎡']));
    // The English pair speaks English: the dictionary was fetched for it.
    expect(drawnTexts(2)).toEqual(expect.arrayContaining(['Nanling Works', `${en.typeFactory} · 南岭街道`, '3,000 m²', en.factAvailable]));
    // The photo is loaded and drawn on every image.
    for (const m of made) {
      expect(m.loaded).toEqual(['/assets/carriers/factory-0.svg']);
      expect(m.ctx.calls.filter((c) => c.name === 'drawImage')).toHaveLength(1);
    }
    expect(fake.inputsOf('share.saveCarrierImage')).toEqual([
      { carrierId: 'factory-002', lang: 'zh', shape: 'chat', fingerprint: FP_ZH, image: Buffer.from('jpeg 500x400').toString('base64') },
      { carrierId: 'factory-002', lang: 'zh', shape: 'moments', fingerprint: FP_ZH, image: Buffer.from('jpeg 400x400').toString('base64') },
      { carrierId: 'factory-002', lang: 'en', shape: 'chat', fingerprint: FP_EN, image: Buffer.from('jpeg 500x400').toString('base64') },
      { carrierId: 'factory-002', lang: 'en', shape: 'moments', fingerprint: FP_EN, image: Buffer.from('jpeg 400x400').toString('base64') },
    ]);
    expect(result.current).toEqual({ status: 'ready', images: { zh: { chat: '/zh-chat.jpg', moments: '/zh-moments.jpg' }, en: { chat: '/en-chat.jpg', moments: '/en-moments.jpg' } } });
  });

  it('draws only what the current content still needs; a photo that does not load leaves it out', async () => {
    const fake = fakeBackend({ 'share.carrierImageState': () => ({ carrierId: 'factory-002', variants: [variant('zh', '/zh-c.jpg', '/zh-m.jpg'), variant('en', '/en-c.jpg', null)] }), 'share.saveCarrierImage': savedRefs });
    restore = fake.restore;
    const { create, made } = surfaces(false);
    const { result } = renderHook(() => useCarrierShareImages('factory-002', true, null, create));
    await waitFor(() => expect(result.current.status).toBe('ready'));
    expect(made.map((m) => [m.options.width, m.options.height])).toEqual([[400, 400]]);
    expect(made[0].ctx.calls.some((c) => c.name === 'drawImage')).toBe(false);
    expect(fake.inputsOf('share.saveCarrierImage')).toEqual([expect.objectContaining({ lang: 'en', shape: 'moments', fingerprint: FP_EN })]);
  });

  it('asks again after a save, and reports a failure instead of throwing', async () => {
    let stale = true;
    const fake = fakeBackend({
      'share.carrierImageState': () => ({ carrierId: 'factory-002', variants: [variant('zh'), variant('en')] }),
      'share.saveCarrierImage': (input) => (stale ? failWith('SHARE.CARRIER_IMAGE_STALE', '载体信息已更新，请重新生成分享图') : savedRefs(input)),
    });
    restore = fake.restore;
    const { create } = surfaces();
    const { result, rerender } = renderHook(({ revision }) => useCarrierShareImages('factory-002', true, revision, create), { initialProps: { revision: 'a' } });
    await waitFor(() => expect(result.current.status).toBe('failed'));
    stale = false;
    rerender({ revision: 'b' });
    await waitFor(() => expect(result.current.status).toBe('ready'));
    expect(fake.inputsOf('share.carrierImageState')).toHaveLength(2);
  });

  it('does nothing while disabled or without a carrier; a withdrawn carrier draws nothing', async () => {
    const fake = fakeBackend({ 'share.carrierImageState': () => null });
    restore = fake.restore;
    const { create } = surfaces();
    renderHook(() => useCarrierShareImages('factory-002', false, null, create));
    renderHook(() => useCarrierShareImages(null, true, null, create));
    await new Promise((r) => setTimeout(r, 20));
    expect(fake.send).not.toHaveBeenCalled();
    const { result } = renderHook(() => useCarrierShareImages('factory-002', true, null, create));
    await waitFor(() => expect(fake.send).toHaveBeenCalledTimes(1));
    await new Promise((r) => setTimeout(r, 20));
    expect(result.current).toEqual({ status: 'idle', images: {} });
    expect(create).not.toHaveBeenCalled();
  });
});
