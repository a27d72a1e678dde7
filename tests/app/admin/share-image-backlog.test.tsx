import { renderHook, waitFor } from '@testing-library/react';
import type { PosterSurface } from '../../../src/share/poster/poster-surface';
import { BACKLOG_CANVAS_ID, BACKLOG_PER_VISIT, pickShareImageBacklog, useShareImageBacklog } from '../../../src/admin/carriers/use-share-image-backlog';
import { recordingContext } from '../share/poster-canvas';
import { fakeBackend, failWith } from '../share/share-mothers';

const FP = '0123456789abcdef0123456789abcdef';
const content = (id: string, lang: 'zh' | 'en') => ({
  lang, name: `载体 ${id}`, type: 'factory', street: '南岭街道', districtName: '临江区', totalArea: 12000, vacantArea: 3000,
  hasVacancy: true, priceMin: 20, priceMax: 28, priceUnit: 'yuan_per_sqm_month', photo: null, isDemo: false,
});
const stateOf = (input: unknown) => {
  const { carrierId } = input as { carrierId: string };
  return { carrierId, variants: (['zh', 'en'] as const).map((lang) => ({ lang, fingerprint: FP, content: content(carrierId, lang), chat: null, moments: null })) };
};
const saved = (input: unknown) => {
  const { carrierId, lang, shape } = input as { carrierId: string; lang: string; shape: string };
  return { fingerprint: FP, chat: `/${carrierId}-${lang}-chat.jpg`, moments: shape === 'moments' ? `/${carrierId}-${lang}-moments.jpg` : null, reused: false };
};
const surfaces = () => {
  const canvases: string[] = [];
  const create = jest.fn(async (options: { width: number; height: number; canvasId: string }): Promise<PosterSurface> => {
    canvases.push(options.canvasId);
    return { ctx: recordingContext(), loadImage: async () => null, exportImage: async () => '', exportJpegBase64: async () => Buffer.from(`jpeg ${options.width}x${options.height}`).toString('base64') };
  });
  return { create, canvases };
};
const savedFor = (fake: ReturnType<typeof fakeBackend>) => fake.inputsOf('share.saveCarrierImage').map((i) => { const { carrierId, lang, shape } = i as Record<string, string>; return `${carrierId}/${lang}/${shape}`; });

let restore: (() => void) | undefined;
afterEach(() => restore?.());

describe('the office carrier list’s share image backlog', () => {
  it('takes outdated images first, then never drawn ones, a few a visit, and counts what waits', () => {
    const row = (id: string, shareImagesToDraw: 'outdated' | 'missing' | null) => ({ id, shareImagesToDraw });
    expect(BACKLOG_PER_VISIT).toBe(3);
    expect(pickShareImageBacklog([row('a', 'missing'), row('b', null), row('c', 'missing'), row('d', 'outdated'), row('e', 'missing'), row('f', 'outdated')])).toEqual({ ids: ['d', 'f', 'a'], waiting: 5 });
    expect(pickShareImageBacklog([row('a', null)])).toEqual({ ids: [], waiting: 0 });
  });

  it('draws every stale carrier in turn, both shapes in both languages, on the page’s own canvas', async () => {
    const fake = fakeBackend({ 'share.carrierImageState': stateOf, 'share.saveCarrierImage': saved });
    restore = fake.restore;
    const { create, canvases } = surfaces();
    const { result } = renderHook(() => useShareImageBacklog(['c1', 'c2'], create));
    expect(result.current.left).toBe(2);
    await waitFor(() => expect(result.current).toEqual({ status: 'done', left: 0 }));
    expect(savedFor(fake)).toEqual(['c1/zh/chat', 'c1/zh/moments', 'c1/en/chat', 'c1/en/moments', 'c2/zh/chat', 'c2/zh/moments', 'c2/en/chat', 'c2/en/moments']);
    expect(new Set(canvases)).toEqual(new Set([BACKLOG_CANVAS_ID]));
  });

  it('a new list of the same carriers does not start over; nothing stale draws nothing', async () => {
    const fake = fakeBackend({ 'share.carrierImageState': stateOf, 'share.saveCarrierImage': saved });
    restore = fake.restore;
    const { create } = surfaces();
    const { result, rerender } = renderHook(({ ids }) => useShareImageBacklog(ids, create), { initialProps: { ids: ['c1'] } });
    rerender({ ids: ['c1'] });
    await waitFor(() => expect(result.current.status).toBe('done'));
    rerender({ ids: ['c1'] });
    await new Promise((r) => setTimeout(r, 20));
    expect(fake.inputsOf('share.carrierImageState')).toEqual([{ carrierId: 'c1' }]);

    const none = renderHook(() => useShareImageBacklog([], create));
    await new Promise((r) => setTimeout(r, 20));
    expect(none.result.current).toEqual({ status: 'idle', left: 0 });
    expect(fake.inputsOf('share.carrierImageState')).toHaveLength(1);
  });

  it('a failure ends the round (the rest wait for a later visit); leaving the page stops drawing', async () => {
    const fake = fakeBackend({
      'share.carrierImageState': stateOf,
      'share.saveCarrierImage': (input) => ((input as { carrierId: string }).carrierId === 'c1' ? failWith('SHARE.CARRIER_IMAGE_STALE', '载体信息已更新，请重新生成分享图') : saved(input)),
    });
    restore = fake.restore;
    const { create } = surfaces();
    const { result } = renderHook(() => useShareImageBacklog(['c1', 'c2'], create));
    await waitFor(() => expect(result.current.status).toBe('failed'));
    expect(fake.inputsOf('share.carrierImageState')).toEqual([{ carrierId: 'c1' }]);

    const gone = renderHook(() => useShareImageBacklog(['c3', 'c4'], create));
    gone.unmount();
    await new Promise((r) => setTimeout(r, 30));
    expect(savedFor(fake).filter((s) => s.startsWith('c3') || s.startsWith('c4')).length).toBeLessThanOrEqual(1);
    expect(fake.inputsOf('share.carrierImageState')).not.toContainEqual({ carrierId: 'c4' });
  });
});
