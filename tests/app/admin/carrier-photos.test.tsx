import { act, fireEvent, render, screen } from '@testing-library/react';
import CarrierEditPage from '../../../src/admin/carrier-edit/index';
import { fakeBackend, type FakeBackend } from '../support/lead-loop-backend';
import * as TaroMock from '../support/taro-mock';

let backend: FakeBackend | undefined;
beforeEach(() => {
  TaroMock.resetTaroMock();
  localStorage.clear();
  process.env.TARO_ENV = 'h5';
});
afterEach(() => {
  backend?.restore();
  process.env.TARO_ENV = 'weapp';
});

const EDIT = {
  type: 'building', name: '临江数字大厦', street: '金湾街道', address: '金湾路 1 号', totalArea: 1000, vacantArea: 100, floors: null, priceMin: 0, priceMax: 0,
  priceUnit: 'yuan_per_sqm_day', facilities: [], suitedIndustries: [], policies: [], managerName: '钱经理', managerPhone: '13800138030', managerStaffId: null, unitId: null,
  location: { lat: 31.2, lng: 120.5 }, photos: ['/assets/carriers/building-0.svg'],
};
const NEW_PHOTO = '/api/_local/photos/carrier-photos/car_1/pho1.png';
const get = (photoReviews: unknown[] = []) => () => ({ carrierId: 'car_1', listed: true, edit: EDIT, photoReviews, lastVerifiedAt: '2026-11-30T02:00:00.000Z', updatedAt: '2026-11-30T02:00:00.000Z' });

const pick = async (file: File) => {
  await act(async () => {
    fireEvent.change(screen.getByTestId('carrier-photo-input'), { target: { files: [file] } });
    await new Promise((r) => setTimeout(r, 50));
  });
};
const png = (bytes: number) => new File([new Uint8Array(bytes)], 'a.png', { type: 'image/png' });

describe('carrier editor: photos on the web', () => {
  it('uploads a chosen PNG in chunks and shows the new photo', async () => {
    TaroMock.setRouterParams({ carrierId: 'car_1' }, '/admin/carrier-edit/index');
    const api = (backend = fakeBackend({ 'admin.carrier.get': get(), 'admin.carrier.photoChunk': (i) => ({ index: i.index, total: i.total }), 'admin.carrier.photoAdd': () => ({ photos: [...EDIT.photos, NEW_PHOTO], reviews: [] }) }));
    render(<CarrierEditPage />);
    await screen.findByTestId('carrier-photo-input');
    expect(screen.getByTestId('carrier-photo-input').getAttribute('accept')).toBe('image/jpeg,image/png,image/webp');
    await pick(png(40_000));
    const chunks = api.inputs('admin.carrier.photoChunk');
    // 40 000 bytes → 53 336 base64 characters → two chunks.
    expect(chunks.map((c) => [c.index, c.total, String(c.chunk).length])).toEqual([[0, 2, 48_000], [1, 2, 5_336]]);
    expect(api.inputs('admin.carrier.photoAdd')).toEqual([{ carrierId: 'car_1', source: { kind: 'chunks', uploadId: chunks[0].uploadId, total: 2 } }]);
    expect(screen.getAllByTestId('carrier-photo')).toHaveLength(2);
    // Saving keeps the uploaded photo in the list.
    await act(async () => {
      fireEvent.click(screen.getByTestId('carrier-save'));
      await new Promise((r) => setTimeout(r, 20));
    });
    expect((api.inputs('admin.carrier.save')[0].carrier as { photos: string[] }).photos).toEqual([...EDIT.photos, NEW_PHOTO]);
  });

  it('refuses a 6 MB file and a PDF on the device, sending nothing', async () => {
    TaroMock.setRouterParams({ carrierId: 'car_1' }, '/admin/carrier-edit/index');
    const api = (backend = fakeBackend({ 'admin.carrier.get': get() }));
    render(<CarrierEditPage />);
    await screen.findByTestId('carrier-photo-input');
    await pick(png(6 * 1024 * 1024));
    expect(screen.getByTestId('carrier-field-photos').textContent).toContain('不能超过 5 MB');
    await pick(new File(['%PDF-1.7'], 'x.pdf', { type: 'application/pdf' }));
    expect(screen.getByTestId('carrier-field-photos').textContent).toContain('只支持 JPG、PNG 或 WebP');
    expect(api.inputs('admin.carrier.photoChunk')).toEqual([]);
  });

  it('says when the server refuses the bytes, and shows photos in review and refused ones with the reason', async () => {
    TaroMock.setRouterParams({ carrierId: 'car_1' }, '/admin/carrier-edit/index');
    const reviews = [
      { ref: NEW_PHOTO, status: 'reviewing', reason: null, uploadedAt: '2026-11-30T02:00:00.000Z' },
      { ref: '/api/_local/photos/carrier-photos/car_1/pho2.png', status: 'rejected', reason: '未通过内容安全审核，已删除', uploadedAt: '2026-11-30T02:00:00.000Z' },
    ];
    const api = (backend = fakeBackend({
      'admin.carrier.get': get(reviews),
      'admin.carrier.photoChunk': (i) => ({ index: i.index, total: i.total }),
      'admin.carrier.photoAdd': () => ({ fail: { code: 'PHOTO.TYPE_UNSUPPORTED', message: '只支持 JPG、PNG 或 WebP 格式的图片' } }),
      'admin.carrier.photoDismiss': () => ({ photos: EDIT.photos, reviews: [reviews[0]] }),
    }));
    render(<CarrierEditPage />);
    await screen.findByTestId('carrier-photo-reviewing');
    await pick(new File([new Uint8Array([0x25, 0x50, 0x44, 0x46])], 'fake.png', { type: 'image/png' }));
    expect(screen.getByTestId('carrier-field-photos').textContent).toContain('只支持 JPG、PNG 或 WebP');
    expect(api.inputs('admin.carrier.photoAdd')).toHaveLength(1);
    expect(screen.getByTestId('carrier-photo-rejected').textContent).toContain('未通过内容安全审核');
    await act(async () => {
      fireEvent.click(screen.getByTestId('carrier-photo-dismiss'));
      await new Promise((r) => setTimeout(r, 20));
    });
    expect(api.inputs('admin.carrier.photoDismiss')).toEqual([{ carrierId: 'car_1', ref: reviews[1].ref }]);
    expect(screen.queryByTestId('carrier-photo-rejected')).toBeNull();
  });

  it('a carrier not saved yet asks to save first', async () => {
    TaroMock.setRouterParams({}, '/admin/carrier-edit/index');
    backend = fakeBackend({});
    render(<CarrierEditPage />);
    expect((await screen.findByTestId('carrier-field-photos')).textContent).toContain('请先保存载体');
    expect(screen.queryByTestId('carrier-photo-input')).toBeNull();
  });
});
