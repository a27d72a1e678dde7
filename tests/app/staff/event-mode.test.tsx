import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { IDEMPOTENCY_KEY_PATTERN } from '../../../domain/api/lead.contracts';
import EventModePage from '../../../src/staff/events/mode/index';
import { fakeBackend, NOTICE, type FakeBackend } from '../support/lead-loop-backend';
import * as Taro from '../support/lead-loop-taro';

/** The device's network as WeChat reports it: a type, and listeners told when it changes. */
const network = { type: 'none' as string, listeners: new Set<(res: { isConnected: boolean }) => void>() };
jest.mock('@tarojs/taro', () => {
  const base = jest.requireActual('../support/lead-loop-taro');
  const extra = {
    getNetworkType: jest.fn(() => Promise.resolve({ networkType: network.type, errMsg: 'getNetworkType:ok' })),
    onNetworkStatusChange: jest.fn((l: (res: { isConnected: boolean }) => void) => network.listeners.add(l)),
    offNetworkStatusChange: jest.fn((l: (res: { isConnected: boolean }) => void) => network.listeners.delete(l)),
  };
  return { ...base, ...extra, __esModule: true, default: { ...base.default, ...extra } };
});
jest.mock('@tarojs/components', () => require('../support/lead-loop-components'));

const EVENT = { id: 'evt_fair', name: '2026 长三角投资洽谈会', date: '2026-12-05', place: '云川国际会展中心 A 馆', mayEdit: true };

let backend: FakeBackend | undefined;
const sentKeys = new Set<string>();
const useBackend = (): FakeBackend => {
  backend = fakeBackend({
    'event.list': () => (network.type === 'none' ? new Error('offline') : { districtId: 'district_linjiang', items: [EVENT] }),
    'lead.privacyNotice': () => (network.type === 'none' ? new Error('offline') : NOTICE),
    'event.submitInquiry': (input) => {
      if (network.type === 'none') return new Error('offline');
      const key = String(input.idempotencyKey);
      const duplicate = sentKeys.has(key);
      sentKeys.add(key);
      return { leadId: `lead_${key}`, duplicate, promiseHours: 8 };
    },
  });
  return backend;
};

const reconnect = async () => {
  network.type = 'wifi';
  await act(async () => {
    for (const l of [...network.listeners]) l({ isConnected: true });
    await new Promise((r) => setTimeout(r, 20));
  });
};

const type = (testId: string, value: string, tag: 'input' | 'textarea' = 'input') =>
  fireEvent.change(screen.getByTestId(testId).querySelector(tag) as HTMLElement, { target: { value } });

const takeInquiry = async (name: string, company: string) => {
  type('event-company', company);
  type('event-contact-name', name);
  type('event-contact-phone', '139 0013 9000');
  type('event-industry', '新能源');
  type('event-need', '3000 ㎡ 厂房', 'textarea');
  fireEvent.click(screen.getByTestId('consent-checkbox'));
  await act(async () => {
    fireEvent.click(screen.getByTestId('event-save-inquiry'));
    await new Promise((r) => setTimeout(r, 5));
  });
};

const openPage = async () => {
  render(<EventModePage />);
  await screen.findByTestId('event-mode');
  await screen.findByText('请投资者阅读：《个人信息保护说明》');
};

beforeEach(() => {
  Taro.resetLeadLoopTaro();
  Taro.setRouterParams({ id: EVENT.id }, '/staff/events/mode/index');
  network.type = 'wifi';
  network.listeners.clear();
  sentKeys.clear();
});
afterEach(() => {
  cleanup();
  backend?.restore();
  backend = undefined;
});

describe('event mode', () => {
  it('opens with no signal from what the device kept, queues three inquiries, keeps them over a reload and sends each once when the network is back', async () => {
    const api = useBackend();
    // Online once (the commissioner opened the event before the fair): list and notice are kept on the device.
    await openPage();
    cleanup();

    network.type = 'none';
    await openPage();
    expect(screen.getByText('2026 长三角投资洽谈会')).toBeTruthy();
    await takeInquiry('李先生', '云帆新能源');
    await takeInquiry('周女士', '江海储能');
    await takeInquiry('王总', '');
    expect(screen.getByTestId('event-queue-count').textContent).toBe('3 条待发送');
    expect(screen.getByTestId('event-queue').textContent).toContain('当前没有网络');
    expect(screen.getAllByTestId('event-queue-item').map((el) => el.textContent)).toEqual(['李先生 · 云帆新能源待发送', '周女士 · 江海储能待发送', '王总待发送']);
    // Nothing got through while offline.
    expect(sentKeys.size).toBe(0);

    // A reload keeps the queue.
    cleanup();
    await openPage();
    expect(screen.getByTestId('event-queue-count').textContent).toBe('3 条待发送');

    await reconnect();
    await waitFor(() => expect(screen.getByTestId('event-queue-count').textContent).toBe('没有待发送的咨询'));
    const accepted = api.inputs('event.submitInquiry').filter((i) => sentKeys.has(String(i.idempotencyKey)));
    const keys = new Set(accepted.map((i) => String(i.idempotencyKey)));
    expect(keys.size).toBe(3);
    for (const k of keys) expect(k).toMatch(IDEMPOTENCY_KEY_PATTERN);
    expect(accepted.map((i) => (i.contact as { name: string }).name).sort()).toEqual(['周女士', '李先生', '王总'].sort());
    expect(accepted[0]).toMatchObject({ eventId: EVENT.id, consent: { agreed: true, noticeVersion: NOTICE.version }, need: { industry: '新能源', scale: 'undecided' }, message: '3000 ㎡ 厂房' });

    // Another reconnect sends nothing again.
    const before = api.inputs('event.submitInquiry').length;
    await reconnect();
    expect(api.inputs('event.submitInquiry').length).toBe(before);
  });

  it('queues nothing until the investor ticks consent, and never restores the tick', async () => {
    useBackend();
    await openPage();
    type('event-contact-name', '李先生');
    type('event-contact-phone', '13900139000');
    type('event-industry', '新能源');
    await act(async () => {
      fireEvent.click(screen.getByTestId('event-save-inquiry'));
    });
    expect(screen.getByTestId('consent-error').textContent).toContain('勾选同意');
    expect(screen.getByTestId('event-queue-count').textContent).toBe('没有待发送的咨询');
    // What was typed survives a reload; consent does not.
    cleanup();
    await openPage();
    expect((screen.getByTestId('event-contact-name').querySelector('input') as HTMLInputElement).value).toBe('李先生');
    expect(screen.getByTestId('consent-checkbox').getAttribute('aria-checked')).toBe('false');
  });

  it('a bad phone is caught on the device, before it could be queued', async () => {
    useBackend();
    await openPage();
    type('event-contact-name', '李先生');
    type('event-contact-phone', '12');
    type('event-industry', '新能源');
    fireEvent.click(screen.getByTestId('consent-checkbox'));
    await act(async () => {
      fireEvent.click(screen.getByTestId('event-save-inquiry'));
    });
    expect(screen.getByTestId('event-contact-phone-error').textContent).toBe('请填写正确的手机号或固定电话');
    expect(screen.getByTestId('event-queue-count').textContent).toBe('没有待发送的咨询');
  });

  it('an unknown event leads back to the list instead of a form that cannot be sent', async () => {
    useBackend();
    Taro.setRouterParams({ id: 'evt_gone' }, '/staff/events/mode/index');
    render(<EventModePage />);
    await screen.findByTestId('event-mode-missing');
    expect(screen.getByText('未找到该活动')).toBeTruthy();
    expect(screen.getByText('返回活动列表')).toBeTruthy();
  });
});
