import { cardShareImageContent, currentShareImages, imageDimensions, shareImageFingerprintSource, shareImageProblem } from '../../domain/share/share-image.rules';
import { MAX_SHARE_IMAGE_BYTES, MAX_SHARE_IMAGE_CHARS, SHARE_IMAGE_LAYOUT_VERSION, SHARE_IMAGE_SIZES, type CardShareImageContent } from '../../domain/share/share-image.schema';
import { jpegOf, pngOf } from '../support/sample-share-image';

const content = (over: Partial<CardShareImageContent> = {}): CardShareImageContent => ({
  districtName: '云川市临江区（演示）',
  slogan: '临江而立，投资正当时',
  personName: '林致远',
  personTitle: '区长',
  unitName: '临江区投资促进局',
  figures: [{ value: '1,286 亿元', label: '地区生产总值' }],
  isDemo: true,
  ...over,
});

describe('share image rules', () => {
  it('are 5:4 for a chat share and 1:1 for Moments, as WeChat shows them', () => {
    const { chat, moments } = SHARE_IMAGE_SIZES;
    expect(chat.width * 4).toBe(chat.height * 5);
    expect(moments.width).toBe(moments.height);
    expect(MAX_SHARE_IMAGE_CHARS).toBe(Math.ceil(MAX_SHARE_IMAGE_BYTES / 3) * 4);
  });

  it('take a card’s Chinese content and the district’s first two headline figures', () => {
    const figures = [1, 2, 3].map((n) => ({ label: `指标${n}`, value: `${n} 亿元` }));
    const c = cardShareImageContent({ district: { name: '临江区', slogan: '口号', headlineFigures: figures }, owner: { name: '林致远', title: '区长' }, unitName: '区政府' });
    expect(c).toEqual({ districtName: '临江区', slogan: '口号', personName: '林致远', personTitle: '区长', unitName: '区政府', figures: figures.slice(0, 2).map(({ value, label }) => ({ value, label })), isDemo: false });
  });

  it('fingerprint every drawn field and the layout version, nothing else', () => {
    const base = shareImageFingerprintSource(content());
    expect(shareImageFingerprintSource(content())).toBe(base);
    expect(base).toContain(JSON.stringify(SHARE_IMAGE_LAYOUT_VERSION));
    const changes: Partial<CardShareImageContent>[] = [
      { districtName: '临江区' },
      { slogan: '新口号' },
      { personName: '王书恒' },
      { personTitle: '副区长' },
      { unitName: '科技局' },
      { figures: [{ value: '1,300 亿元', label: '地区生产总值' }] },
      { figures: [{ value: '1,286 亿元', label: 'GDP' }] },
      { figures: [] },
      { isDemo: false },
    ];
    const sources = changes.map((c) => shareImageFingerprintSource(content(c)));
    expect(new Set([base, ...sources]).size).toBe(changes.length + 1);
    // Fields are kept apart: moving text from one field to the next is a change.
    expect(shareImageFingerprintSource(content({ personName: '林致', personTitle: '远区长' }))).not.toBe(base);
  });

  it('pass on stored images only while they belong to the current fingerprint', () => {
    const stored = { fingerprint: 'a'.repeat(32), chat: '/c.jpg', moments: null, savedAt: '2026-12-02T00:00:00.000Z' };
    expect(currentShareImages(stored, 'a'.repeat(32))).toEqual({ chat: '/c.jpg', moments: null });
    expect(currentShareImages(stored, 'b'.repeat(32))).toBeNull();
    expect(currentShareImages({ ...stored, chat: null }, 'a'.repeat(32))).toBeNull();
    expect(currentShareImages(undefined, 'a'.repeat(32))).toBeNull();
  });

  it('read the dimensions of PNG and JPEG headers, and nothing else', () => {
    expect(imageDimensions(pngOf(400, 400))).toEqual({ type: 'png', width: 400, height: 400 });
    expect(imageDimensions(jpegOf(500, 400))).toEqual({ type: 'jpg', width: 500, height: 400 });
    expect(imageDimensions(Buffer.from('GIF89a....'))).toBeNull();
    expect(imageDimensions(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00]))).toBeNull();
    expect(imageDimensions(Buffer.alloc(0))).toBeNull();
  });

  it('accept only an image of the shape’s exact size within the byte limit', () => {
    expect(shareImageProblem(jpegOf(500, 400), 'chat', MAX_SHARE_IMAGE_BYTES)).toBeNull();
    expect(shareImageProblem(pngOf(400, 400), 'moments', MAX_SHARE_IMAGE_BYTES)).toBeNull();
    expect(shareImageProblem(jpegOf(400, 400), 'chat', MAX_SHARE_IMAGE_BYTES)).toBe('SHARE.IMAGE_INVALID');
    expect(shareImageProblem(jpegOf(1000, 800), 'chat', MAX_SHARE_IMAGE_BYTES)).toBe('SHARE.IMAGE_INVALID');
    expect(shareImageProblem(jpegOf(500, 400, MAX_SHARE_IMAGE_BYTES + 1), 'chat', MAX_SHARE_IMAGE_BYTES)).toBe('SHARE.IMAGE_INVALID');
    expect(shareImageProblem(new Uint8Array(0), 'chat', MAX_SHARE_IMAGE_BYTES)).toBe('SHARE.IMAGE_INVALID');
  });
});
