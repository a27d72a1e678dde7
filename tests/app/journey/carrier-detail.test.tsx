import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { ActionFailure, aCarrierDetail, daysAgo, installBackend, OFFLINE } from '../support/journey-backend';
import * as Taro from '../support/journey-taro';

jest.mock('@tarojs/taro', () => require('../support/journey-taro'));

const CarrierDetailPage = (require('../../../src/pages/carrier-detail/index') as typeof import('../../../src/pages/carrier-detail/index')).default;

const PARAMS = { carrierId: 'carrier-factory-1', cardId: 'card_wang', s: 'Ab3dEf9hJk', channel: 'qr' };

let backend: ReturnType<typeof installBackend> | undefined;
beforeEach(() => Taro.resetJourneyMock(PARAMS, '/pages/carrier-detail/index'));
afterEach(() => {
  backend?.restore();
  backend = undefined;
  process.env.TARO_ENV = 'weapp';
});

describe('carrier detail', () => {
  it('shows gallery, areas, floors, price with its unit, facilities, industries, policies and the manager', async () => {
    backend = installBackend({ 'carrier.get': () => aCarrierDetail() });
    render(<CarrierDetailPage />);
    const page = await screen.findByTestId('carrier-detail');
    expect(within(page).getByText('高新标准厂房 A 区')).toBeTruthy();
    expect([...page.querySelectorAll('.photo-gallery__photo')].map((img) => img.getAttribute('src'))).toEqual(['https://img.example.cn/factory-1.jpg', 'https://img.example.cn/factory-2.jpg']);
    expect(within(screen.getByTestId('fact-vacant')).getByText('6,800㎡')).toBeTruthy();
    expect(within(screen.getByTestId('fact-total')).getByText('24,000㎡')).toBeTruthy();
    expect(within(screen.getByTestId('fact-floors')).getByText('4 层')).toBeTruthy();
    expect(within(screen.getByTestId('fact-price')).getByText('18–26 元/㎡·月')).toBeTruthy();
    expect(within(screen.getByTestId('facilities')).getByText('行车 10 吨')).toBeTruthy();
    expect(within(screen.getByTestId('suited-industries')).getByText('智能制造')).toBeTruthy();
    expect(within(screen.getByTestId('carrier-policies')).getByText('首年租金减半')).toBeTruthy();
    expect(within(screen.getByTestId('carrier-manager')).getByText('郑经理')).toBeTruthy();
    expect(within(screen.getByTestId('carrier-manager')).getByText('13800138021')).toBeTruthy();
    expect(Taro.setNavigationBarTitle).toHaveBeenCalledWith({ title: '高新标准厂房 A 区' });
  });

  it('says when the vacancy was verified, and marks stale figures', async () => {
    backend = installBackend({ 'carrier.get': () => aCarrierDetail({ lastVerifiedAt: daysAgo(12) }) });
    const { unmount } = render(<CarrierDetailPage />);
    const fresh = await screen.findByTestId('freshness');
    expect(fresh.textContent).toBe('空置面积 · 核实于 12 天前');
    expect(fresh.getAttribute('data-stale')).toBe('false');
    unmount();
    backend.restore();

    backend = installBackend({ 'carrier.get': () => aCarrierDetail({ lastVerifiedAt: daysAgo(140) }) });
    render(<CarrierDetailPage />);
    await waitFor(() => expect(screen.getByTestId('freshness').textContent).toContain('核实于 140 天前'));
    const stale = screen.getByTestId('freshness');
    expect(stale.getAttribute('data-stale')).toBe('true');
    expect(stale.textContent).toContain('数据较久，请来电核实');
  });

  it('calls and copies the manager, opens the map through the privacy helper', async () => {
    backend = installBackend({ 'carrier.get': () => aCarrierDetail() });
    render(<CarrierDetailPage />);
    await screen.findByTestId('carrier-detail');
    fireEvent.click(screen.getByTestId('manager-call'));
    expect(Taro.makePhoneCall).toHaveBeenCalledWith({ phoneNumber: '13800138021' });
    fireEvent.click(screen.getByTestId('manager-copy'));
    await waitFor(() => expect(Taro.setClipboardData).toHaveBeenCalledWith({ data: '13800138021' }));
    fireEvent.click(screen.getByTestId('map-link'));
    await waitFor(() =>
      expect(Taro.openLocation).toHaveBeenCalledWith({ latitude: 30.25, longitude: 120.16, name: '高新标准厂房 A 区', address: '云川市临江区高新片区科创大道 88 号', scale: 16 }),
    );
  });

  it('keeps the page usable when location access is refused', async () => {
    backend = installBackend({ 'carrier.get': () => aCarrierDetail() });
    Taro.openLocation.mockImplementation(() => Promise.reject({ errno: 104, errMsg: 'openLocation:fail privacy permission is not authorized' }));
    render(<CarrierDetailPage />);
    await screen.findByTestId('carrier-detail');
    fireEvent.click(screen.getByTestId('map-link'));
    await waitFor(() => expect(Taro.showToast).toHaveBeenCalledWith({ title: '需同意隐私保护指引后才能打开地图', icon: 'none', duration: 2500 }));
    fireEvent.click(screen.getByTestId('inquire-carrier'));
    expect(Taro.navigateTo).toHaveBeenCalled();
  });

  it('咨询此载体 opens the lead form with the carrier, the card, the share and the channel', async () => {
    backend = installBackend({ 'carrier.get': () => aCarrierDetail() });
    render(<CarrierDetailPage />);
    await screen.findByTestId('carrier-detail');
    fireEvent.click(screen.getByTestId('inquire-carrier'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/inquiry/lead-form/index?carrierId=carrier-factory-1&cardId=card_wang&s=Ab3dEf9hJk&channel=qr' });
  });

  it('shares the carrier with the card and share of this visit (the receiver’s channel is their own)', async () => {
    backend = installBackend({ 'carrier.get': () => aCarrierDetail() });
    render(<CarrierDetailPage />);
    await screen.findByTestId('carrier-detail');
    expect(Taro.pageHandlers.shareAppMessage?.()).toEqual({
      title: '高新标准厂房 A 区 · 可租售 6,800㎡',
      path: '/pages/carrier-detail/index?carrierId=carrier-factory-1&cardId=card_wang&s=Ab3dEf9hJk',
    });
    expect(Taro.pageHandlers.shareTimeline?.()).toEqual({ title: '高新标准厂房 A 区 · 可租售 6,800㎡', query: 'carrierId=carrier-factory-1&cardId=card_wang&s=Ab3dEf9hJk' });
  });

  it('shares the images drawn from the carrier: 5:4 in chats, 1:1 in Moments, cloud ids turned into https first', async () => {
    const chat = 'cloud://env-1.abc/share-images/carriers/carrier-factory-1/zh-0123456789abcdef0123456789abcdef-chat.jpg';
    const moments = 'cloud://env-1.abc/share-images/carriers/carrier-factory-1/zh-0123456789abcdef0123456789abcdef-moments.jpg';
    const getTempFileURL = jest.fn((o: { fileList: string[] }) => Promise.resolve({ fileList: o.fileList.map((fileID) => ({ fileID, tempFileURL: `https://tmp.example/${fileID.split('/').pop()}`, status: 0 })) }));
    const cloud = Taro.cloud as unknown as { getTempFileURL?: typeof getTempFileURL };
    const before = cloud.getTempFileURL;
    cloud.getTempFileURL = getTempFileURL;
    try {
      backend = installBackend({ 'carrier.get': () => aCarrierDetail({ shareImages: { chat, moments } }) });
      render(<CarrierDetailPage />);
      await screen.findByTestId('carrier-detail');
      await waitFor(() => expect(Taro.pageHandlers.shareTimeline?.().imageUrl).toBe('https://tmp.example/zh-0123456789abcdef0123456789abcdef-moments.jpg'));
      expect(Taro.pageHandlers.shareAppMessage?.()).toEqual({
        title: '高新标准厂房 A 区 · 可租售 6,800㎡',
        path: '/pages/carrier-detail/index?carrierId=carrier-factory-1&cardId=card_wang&s=Ab3dEf9hJk',
        imageUrl: 'https://tmp.example/zh-0123456789abcdef0123456789abcdef-chat.jpg',
      });
      expect(getTempFileURL).toHaveBeenCalledWith({ fileList: [chat, moments] });
    } finally {
      cloud.getTempFileURL = before;
    }
  });

  it('on the web asks for no share image (no share sheet there)', async () => {
    process.env.TARO_ENV = 'h5';
    const getTempFileURL = jest.fn(() => Promise.resolve({ fileList: [] }));
    const cloud = Taro.cloud as unknown as { getTempFileURL?: typeof getTempFileURL };
    const before = cloud.getTempFileURL;
    cloud.getTempFileURL = getTempFileURL;
    try {
      backend = installBackend({ 'carrier.get': () => aCarrierDetail({ shareImages: { chat: 'cloud://env-1.abc/c.jpg', moments: null } }) });
      render(<CarrierDetailPage />);
      await screen.findByTestId('carrier-detail');
      expect(screen.getByTestId('copy-link')).toBeTruthy();
      expect(getTempFileURL).not.toHaveBeenCalled();
    } finally {
      cloud.getTempFileURL = before;
    }
  });

  it('on the web links to a map and dials with tel:', async () => {
    process.env.TARO_ENV = 'h5';
    backend = installBackend({ 'carrier.get': () => aCarrierDetail() });
    render(<CarrierDetailPage />);
    await screen.findByTestId('carrier-detail');
    expect(screen.getByTestId('map-link').getAttribute('href')).toBe(
      `https://uri.amap.com/marker?position=120.16,30.25&name=${encodeURIComponent('高新标准厂房 A 区')}&coordinate=gaode&callnative=1`,
    );
    expect(screen.getByTestId('manager-call').getAttribute('href')).toBe('tel:13800138021');
    fireEvent.click(screen.getByTestId('map-link'));
    expect(Taro.openLocation).not.toHaveBeenCalled();
  });

  it('shows a missing carrier as such, and the device copy when offline', async () => {
    backend = installBackend({
      'carrier.get': () => {
        throw new ActionFailure('CARRIER.NOT_FOUND', '未找到该载体，可能已下线');
      },
    });
    const missing = render(<CarrierDetailPage />);
    expect(await screen.findByText('未找到该载体，可能已下线')).toBeTruthy();
    // No retry that cannot succeed: the ways on instead.
    expect(screen.queryByTestId('retry-button')).toBeNull();
    fireEvent.click(screen.getByTestId('dead-end-carriers'));
    fireEvent.click(screen.getByTestId('dead-end-directory'));
    fireEvent.click(screen.getByTestId('dead-end-default-card'));
    expect((Taro.redirectTo.mock.calls as unknown as Array<[{ url: string }]>).map(([o]) => o.url)).toEqual(['/pages/carriers/index', '/inquiry/directory/index', '/pages/card/index']);
    missing.unmount();
    backend.restore();

    backend = installBackend({ 'carrier.get': () => aCarrierDetail() });
    const online = render(<CarrierDetailPage />);
    await screen.findByTestId('carrier-detail');
    online.unmount();
    backend.restore();

    backend = installBackend({ 'carrier.get': () => OFFLINE });
    render(<CarrierDetailPage />);
    expect(screen.getByText('高新标准厂房 A 区')).toBeTruthy();
    expect(await screen.findByTestId('offline-note')).toBeTruthy();
  });

  it('treats a malformed carrier id as a missing carrier without calling the backend', async () => {
    Taro.setRouterParams({ carrierId: '<bad>' }, '/pages/carrier-detail/index');
    backend = installBackend({ 'carrier.get': () => aCarrierDetail() });
    render(<CarrierDetailPage />);
    expect(await screen.findByText('未找到该载体，可能已下线')).toBeTruthy();
    expect(backend.send).not.toHaveBeenCalled();
  });
});
