import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { ActionEnvelope, FunctionName } from '../../../domain/api/contract';
import CardPage from '../../../src/pages/card/index';
import { setApiTransport } from '../../../src/services/api-client';
import { aCardView, failResult, okResult } from '../support/card-view.mother';
import * as Taro from '../support/taro-mock';

type Send = (fn: FunctionName, envelope: ActionEnvelope) => Promise<unknown>;

let restoreTransport: (() => void) | undefined;
const useTransport = (impl: Send) => {
  const send = jest.fn(impl);
  restoreTransport = setApiTransport({ send });
  return send;
};

/** The page also counts the view and prepares shares: count only the card loads. */
const cardLoads = (send: jest.Mock) => send.mock.calls.filter(([, envelope]) => (envelope as ActionEnvelope).action === 'card.get').length;

beforeEach(() => {
  Taro.resetTaroMock();
});

afterEach(() => {
  restoreTransport?.();
  process.env.TARO_ENV = 'weapp';
});

describe('card page', () => {
  it('renders the card: district, slogan, figures, carriers and the commissioners', async () => {
    Taro.setRouterParams({ cardId: 'card_wang' });
    const send = useTransport(() => Promise.resolve(okResult(aCardView())));

    render(<CardPage />);
    expect(screen.getByTestId('card-skeleton')).toBeTruthy();

    expect(await screen.findByText('临江新区')).toBeTruthy();
    expect(screen.getByText('产城融合新高地，智造未来看临江')).toBeTruthy();
    expect(screen.getByTestId('demo-banner')).toBeTruthy();
    expect(screen.getByText('1286亿元')).toBeTruthy();
    expect(screen.getByText('重大产业项目“一事一议”')).toBeTruthy();

    const carriers = screen.getAllByTestId('carrier-summary-card');
    expect(carriers).toHaveLength(2);
    expect(within(carriers[0]).getByText('产业园')).toBeTruthy();
    expect(within(carriers[0]).getByText('临江智能制造产业园')).toBeTruthy();
    expect(within(carriers[0]).getByText('42,000㎡')).toBeTruthy();
    expect(within(carriers[0]).getByText('18.6万㎡')).toBeTruthy();
    expect(within(carriers[0]).getByText('0.9–1.3 元/㎡·天')).toBeTruthy();
    expect(within(carriers[1]).getByText('暂无空置')).toBeTruthy();
    expect(within(carriers[1]).getByText('价格面议')).toBeTruthy();

    const owner = screen.getByTestId('owner-contact');
    expect(within(owner).getByText('王建国')).toBeTruthy();
    expect(within(owner).getByText('投资促进局局长')).toBeTruthy();
    expect(within(owner).getByText('0571-87654321')).toBeTruthy();
    expect(within(owner).getByText('linjiang_wjg')).toBeTruthy();
    const duty = screen.getByTestId('duty-contact');
    expect(within(duty).getByText('李晓雯')).toBeTruthy();
    expect(within(duty).queryByText('复制微信号')).toBeNull();

    expect(send).toHaveBeenCalledWith('public-read', { action: 'card.get', input: { cardId: 'card_wang' } });
    expect(Taro.setNavigationBarTitle).toHaveBeenCalledWith({ title: '临江新区' });
  });

  it('hides the demo banner for a real district', async () => {
    const real = aCardView();
    useTransport(() => Promise.resolve(okResult({ ...real, district: { ...real.district, isDemo: false } })));
    render(<CardPage />);
    await screen.findByText('临江新区');
    expect(screen.queryByTestId('demo-banner')).toBeNull();
  });

  it('reads the share code from a mini-program code scene', async () => {
    Taro.setRouterParams({ scene: encodeURIComponent('s=Ab3dEf9hJk') });
    const send = useTransport(() => Promise.resolve(okResult(aCardView())));
    render(<CardPage />);
    await screen.findByText('临江新区');
    expect(send).toHaveBeenCalledWith('public-read', { action: 'card.get', input: { shareCode: 'Ab3dEf9hJk' } });
  });

  it('a missing or withdrawn card offers the district card, the carriers and the directory instead of a retry', async () => {
    const send = useTransport(() => Promise.resolve(failResult('CARD.NOT_FOUND', '未找到该名片，可能已下线')));
    render(<CardPage />);
    expect(await screen.findByText('未找到该名片，可能已下线')).toBeTruthy();
    expect(screen.queryByText('临江新区')).toBeNull();
    expect(screen.queryByTestId('retry-button')).toBeNull();
    expect(screen.getByTestId('dead-end-default-card').textContent).toBe('查看区招商名片');
    expect(screen.getByTestId('dead-end-carriers').textContent).toBe('浏览可用载体');
    expect(screen.getByTestId('dead-end-directory').textContent).toBe('找对接部门');
    expect(cardLoads(send)).toBe(1);
  });

  it('shows another failure in Chinese and retries on 重试', async () => {
    let attempts = 0;
    const send = useTransport(() => {
      attempts += 1;
      return Promise.resolve(attempts === 1 ? failResult('STORE.BUSY', '系统繁忙，请稍后重试') : okResult(aCardView()));
    });
    render(<CardPage />);
    expect(await screen.findByText('系统繁忙，请稍后重试')).toBeTruthy();
    expect(screen.queryByTestId('dead-end')).toBeNull();
    fireEvent.click(screen.getByText('重试'));
    expect(await screen.findByText('临江新区')).toBeTruthy();
    expect(cardLoads(send)).toBe(2);
  });

  it('says so when the network fails', async () => {
    useTransport(() => Promise.reject(new TypeError('Failed to fetch')));
    render(<CardPage />);
    expect(await screen.findByText('网络连接失败，请检查网络后重试')).toBeTruthy();
    expect(screen.getByTestId('retry-button')).toBeTruthy();
  });

  it('treats a malformed card id in the link as a missing card without calling the backend', async () => {
    Taro.setRouterParams({ cardId: '<script>' });
    const send = useTransport(() => Promise.resolve(okResult(aCardView())));
    render(<CardPage />);
    expect(await screen.findByText('未找到该名片，可能已下线')).toBeTruthy();
    expect(send).not.toHaveBeenCalled();
  });

  it('calls the owner with Taro.makePhoneCall and copies the WeChat ID', async () => {
    useTransport(() => Promise.resolve(okResult(aCardView())));
    render(<CardPage />);
    const owner = await screen.findByTestId('owner-contact');

    fireEvent.click(within(owner).getByText('拨打电话'));
    expect(Taro.makePhoneCall).toHaveBeenCalledWith({ phoneNumber: '0571-87654321' });

    fireEvent.click(within(owner).getByText('复制微信号'));
    expect(Taro.setClipboardData).toHaveBeenCalledWith({ data: 'linjiang_wjg' });

    fireEvent.click(within(screen.getByTestId('duty-contact')).getByText('拨打电话'));
    expect(Taro.makePhoneCall).toHaveBeenLastCalledWith({ phoneNumber: '13800001234' });
  });

  it('offers a tel: link instead of the API on the web', async () => {
    process.env.TARO_ENV = 'h5';
    useTransport(() => Promise.resolve(okResult(aCardView())));
    render(<CardPage />);
    const owner = await screen.findByTestId('owner-contact');
    const call = within(owner).getByTestId('call-button');
    expect(call.tagName).toBe('A');
    expect(call.getAttribute('href')).toBe('tel:057187654321');
    expect(call.textContent).toBe('拨打电话');
  });

  it('shows a notice instead of buttons when the contact keeps phone and WeChat private', async () => {
    const card = aCardView({ contact: null });
    useTransport(() => Promise.resolve(okResult({ ...card, owner: { ...card.owner, phone: null, wechatId: null } })));
    render(<CardPage />);
    const owner = await screen.findByTestId('owner-contact');
    expect(within(owner).getByText('联系方式未公开')).toBeTruthy();
    expect(within(owner).queryByText('拨打电话')).toBeNull();
    expect(within(owner).getByText('1 个工作日内回复咨询')).toBeTruthy();
  });

  it('shares the card with the slogan as title and the card id and share code in the path', async () => {
    Taro.setRouterParams({ s: 'Ab3dEf9hJk' });
    useTransport(() => Promise.resolve(okResult(aCardView({ shareCode: 'Ab3dEf9hJk' }))));
    render(<CardPage />);
    await screen.findByText('临江新区');

    expect(Taro.pageHandlers.shareAppMessage?.()).toEqual({
      title: '产城融合新高地，智造未来看临江',
      path: '/pages/card/index?cardId=card_wang&s=Ab3dEf9hJk',
    });
    expect(Taro.pageHandlers.shareTimeline?.()).toEqual({ title: '产城融合新高地，智造未来看临江', query: 'cardId=card_wang&s=Ab3dEf9hJk' });
    expect(Taro.showShareMenu).toHaveBeenCalledWith({ withShareTicket: false, menus: ['shareAppMessage', 'shareTimeline'] });
  });

  it('shares the images drawn from the card: 5:4 in chats, 1:1 in Moments, cloud ids turned into https first', async () => {
    const chat = 'cloud://env-1.abc/share-images/card_wang/0123456789abcdef0123456789abcdef-chat.jpg';
    const moments = 'cloud://env-1.abc/share-images/card_wang/0123456789abcdef0123456789abcdef-moments.jpg';
    const getTempFileURL = jest.fn((o: { fileList: string[] }) => Promise.resolve({ fileList: o.fileList.map((fileID) => ({ fileID, tempFileURL: `https://tmp.example/${fileID.split('/').pop()}`, status: 0 })) }));
    (Taro.cloud as unknown as { getTempFileURL: typeof getTempFileURL }).getTempFileURL = getTempFileURL;
    useTransport(() => Promise.resolve(okResult(aCardView({ shareImages: { chat, moments } }))));
    render(<CardPage />);
    await screen.findByText('临江新区');
    await waitFor(() => expect(Taro.pageHandlers.shareTimeline?.().imageUrl).toBe('https://tmp.example/0123456789abcdef0123456789abcdef-moments.jpg'));
    expect(Taro.pageHandlers.shareAppMessage?.().imageUrl).toBe('https://tmp.example/0123456789abcdef0123456789abcdef-chat.jpg');
    expect(getTempFileURL).toHaveBeenCalledWith({ fileList: [chat, moments] });
  });

  it('shares without a drawn image while the card has none (the cover when it is a JPEG, else WeChat’s snapshot)', async () => {
    const card = aCardView();
    useTransport(() => Promise.resolve(okResult({ ...card, district: { ...card.district, coverImage: 'https://cdn.example/cover.jpg' } })));
    render(<CardPage />);
    await screen.findByText('临江新区');
    expect(Taro.pageHandlers.shareAppMessage?.().imageUrl).toBe('https://cdn.example/cover.jpg');
    expect(Taro.pageHandlers.shareTimeline?.().imageUrl).toBeUndefined();
  });

  it('refreshes on pull-down and keeps the card on screen when the refresh fails', async () => {
    let attempts = 0;
    const send = useTransport(() => {
      attempts += 1;
      return attempts === 1 ? Promise.resolve(okResult(aCardView())) : Promise.reject(new TypeError('offline'));
    });
    render(<CardPage />);
    await screen.findByText('临江新区');

    await act(async () => {
      Taro.pageHandlers.pullDownRefresh?.();
    });

    await waitFor(() => expect(Taro.stopPullDownRefresh).toHaveBeenCalled());
    expect(cardLoads(send)).toBe(2);
    expect(screen.getByText('临江新区')).toBeTruthy();
    expect(Taro.showToast).toHaveBeenCalledWith({ title: '网络连接失败，请检查网络后重试', icon: 'none' });
  });
});
