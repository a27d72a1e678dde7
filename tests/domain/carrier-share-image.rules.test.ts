import type { CarrierDetail } from '../../domain/api/views.schema';
import { CARRIER_SHARE_IMAGE_LANGUAGES, carrierImagesFor, carrierShareImageContent, carrierShareImageFingerprintSource } from '../../domain/carrier/carrier-share-image.rules';
import { CARRIER_SHARE_IMAGE_LAYOUT_VERSION, type CarrierShareImageContent } from '../../domain/carrier/carrier-share-image.schema';
import { shareImageFingerprintSource } from '../../domain/share/share-image.rules';

const detail = (over: Partial<CarrierDetail> = {}): CarrierDetail => ({
  id: 'factory-002',
  type: 'factory',
  name: '南岭工业坊',
  street: '南岭街道',
  totalArea: 12000,
  vacantArea: 3000,
  hasVacancy: true,
  priceMin: 20,
  priceMax: 28,
  priceUnit: 'yuan_per_sqm_month',
  photo: '/assets/carriers/factory-0.svg',
  suitedIndustries: ['先进制造'],
  lastVerifiedAt: '2026-11-01T00:00:00.000Z',
  districtId: 'demo-linjiang',
  districtName: '云川市临江区（演示）',
  isDemo: true,
  address: '南岭路 1 号',
  floors: 3,
  facilities: ['行车'],
  policies: [],
  photos: ['/assets/carriers/factory-0.svg', '/assets/carriers/factory-1.svg'],
  managerName: '沈观澜',
  managerPhone: '13800138011',
  location: { lat: 31, lng: 120 },
  ...over,
});

describe('carrier share image rules', () => {
  it('are drawn in Chinese and in English', () => {
    expect(CARRIER_SHARE_IMAGE_LANGUAGES).toEqual(['zh', 'en']);
  });

  it('take what the detail in that language shows: name, type, street, district, areas, price, the first photo', () => {
    expect(carrierShareImageContent(detail(), 'zh')).toEqual({
      lang: 'zh', name: '南岭工业坊', type: 'factory', street: '南岭街道', districtName: '云川市临江区（演示）', totalArea: 12000, vacantArea: 3000,
      hasVacancy: true, priceMin: 20, priceMax: 28, priceUnit: 'yuan_per_sqm_month', photo: '/assets/carriers/factory-0.svg', isDemo: true,
    });
    expect(carrierShareImageContent(detail({ name: 'Nanling Works', photos: [], photo: null }), 'en')).toMatchObject({ lang: 'en', name: 'Nanling Works', photo: null });
  });

  it('fingerprint every drawn field, the language and the layout version — and never what is not drawn', () => {
    const base = carrierShareImageContent(detail(), 'zh');
    const source = carrierShareImageFingerprintSource(base);
    expect(source).toContain(`"carrier",${CARRIER_SHARE_IMAGE_LAYOUT_VERSION}`);
    const changes: Partial<CarrierShareImageContent>[] = [
      { lang: 'en' }, { name: '南岭工业坊二期' }, { type: 'building' }, { street: '金湾街道' }, { districtName: '望山区' }, { totalArea: 12001 },
      { vacantArea: 0 }, { hasVacancy: false }, { priceMin: null }, { priceMax: 30 }, { priceUnit: 'yuan_per_sqm_day' }, { photo: null }, { isDemo: false },
    ];
    const sources = changes.map((c) => carrierShareImageFingerprintSource({ ...base, ...c }));
    expect(new Set([source, ...sources]).size).toBe(changes.length + 1);
    // Not drawn: facilities, the manager, the address.
    expect(carrierShareImageFingerprintSource(carrierShareImageContent(detail({ facilities: [], managerName: '王', address: '别处' }), 'zh'))).toBe(source);
    // A card's source never equals a carrier's.
    expect(shareImageFingerprintSource({ districtName: '', slogan: '', personName: '', personTitle: '', unitName: '', figures: [], isDemo: false }).startsWith('["card"')).toBe(true);
  });

  it('pass on a language’s stored pair only while its fingerprint is current', () => {
    const zh = { fingerprint: 'a'.repeat(32), chat: '/c.jpg', moments: null, savedAt: '2026-12-01T00:00:00.000Z' };
    expect(carrierImagesFor({ zh }, 'zh', 'a'.repeat(32))).toBe(zh);
    expect(carrierImagesFor({ zh }, 'zh', 'b'.repeat(32))).toBeNull();
    expect(carrierImagesFor({ zh }, 'en', 'a'.repeat(32))).toBeNull();
    expect(carrierImagesFor(undefined, 'zh', 'a'.repeat(32))).toBeNull();
  });
});
