import { renderHook, waitFor } from '@testing-library/react';
import type { PosterSurface } from '../../../src/share/poster/poster-surface';
import { SHARE_IMAGE_CANVAS_ID, useShareImages } from '../../../src/share/share-image/use-share-images';
import { recordingContext } from './poster-canvas';
import { fakeBackend, failWith } from './share-mothers';

const FP = '0123456789abcdef0123456789abcdef';
const CONTENT = { districtName: '临江新区', slogan: '产城融合新高地', personName: '王建国', personTitle: '局长', unitName: '投资促进局', figures: [{ value: '1,286 亿元', label: '地区生产总值' }], isDemo: false };

/** Surfaces over recording contexts; the JPEG "export" names the size it was asked for. */
const surfaces = () => {
  const made: Array<{ options: { width: number; height: number; canvasId: string; pixelRatio?: number }; ctx: ReturnType<typeof recordingContext> }> = [];
  const create = jest.fn(async (options: { width: number; height: number; canvasId: string; pixelRatio?: number }): Promise<PosterSurface> => {
    const ctx = recordingContext();
    made.push({ options, ctx });
    return { ctx, loadImage: async () => null, exportImage: async () => '', exportJpegBase64: async () => Buffer.from(`jpeg ${options.width}x${options.height}`).toString('base64') };
  });
  return { create, made };
};

let restore: (() => void) | undefined;
afterEach(() => restore?.());

describe('useShareImages (the owner’s side)', () => {
  it('draws the shapes the card still needs at their exact sizes and stores each under the fingerprint', async () => {
    const fake = fakeBackend({
      'share.imageState': () => ({ cardId: 'card_wang', fingerprint: FP, content: CONTENT, chat: null, moments: null }),
      'share.saveImage': (input) => {
        const { shape } = input as { shape: 'chat' | 'moments' };
        return { fingerprint: FP, chat: '/api/_local/photos/share-images/card_wang/c.jpg', moments: shape === 'moments' ? '/api/_local/photos/share-images/card_wang/m.jpg' : null, reused: false };
      },
    });
    restore = fake.restore;
    const { create, made } = surfaces();
    const { result } = renderHook(() => useShareImages(true, null, create));
    await waitFor(() => expect(result.current.status).toBe('ready'));
    expect(made.map((m) => m.options)).toEqual([
      { width: 500, height: 400, canvasId: SHARE_IMAGE_CANVAS_ID, pixelRatio: 1 },
      { width: 400, height: 400, canvasId: SHARE_IMAGE_CANVAS_ID, pixelRatio: 1 },
    ]);
    expect(made[0].ctx.calls.some((c) => c.name === 'fillText' && c.args[0] === '王建国')).toBe(true);
    expect(fake.inputsOf('share.saveImage')).toEqual([
      { shape: 'chat', fingerprint: FP, image: Buffer.from('jpeg 500x400').toString('base64') },
      { shape: 'moments', fingerprint: FP, image: Buffer.from('jpeg 400x400').toString('base64') },
    ]);
    expect(result.current).toEqual({ status: 'ready', chat: '/api/_local/photos/share-images/card_wang/c.jpg', moments: '/api/_local/photos/share-images/card_wang/m.jpg' });
  });

  it('draws nothing when both images of the current content exist', async () => {
    const fake = fakeBackend({ 'share.imageState': () => ({ cardId: 'card_wang', fingerprint: FP, content: CONTENT, chat: '/c.jpg', moments: '/m.jpg' }) });
    restore = fake.restore;
    const { create } = surfaces();
    const { result } = renderHook(() => useShareImages(true, null, create));
    await waitFor(() => expect(result.current.status).toBe('ready'));
    expect(create).not.toHaveBeenCalled();
    expect(fake.inputsOf('share.saveImage')).toEqual([]);
  });

  it('asks again after a save, and reports a failure instead of throwing', async () => {
    let stale = true;
    const fake = fakeBackend({
      'share.imageState': () => ({ cardId: 'card_wang', fingerprint: FP, content: CONTENT, chat: null, moments: null }),
      'share.saveImage': () => (stale ? failWith('SHARE.IMAGE_STALE', '名片内容刚有变化，请重新生成分享图') : { fingerprint: FP, chat: '/c.jpg', moments: '/m.jpg', reused: false }),
    });
    restore = fake.restore;
    const { create } = surfaces();
    const { result, rerender } = renderHook(({ revision }) => useShareImages(true, revision, create), { initialProps: { revision: 'a' } });
    await waitFor(() => expect(result.current.status).toBe('failed'));
    stale = false;
    rerender({ revision: 'b' });
    await waitFor(() => expect(result.current.status).toBe('ready'));
    expect(fake.inputsOf('share.imageState')).toHaveLength(2);
  });

  it('does nothing while disabled (no card saved yet)', async () => {
    const fake = fakeBackend({});
    restore = fake.restore;
    const { result } = renderHook(() => useShareImages(false, null, surfaces().create));
    await new Promise((r) => setTimeout(r, 20));
    expect(result.current.status).toBe('idle');
    expect(fake.send).not.toHaveBeenCalled();
  });
});
