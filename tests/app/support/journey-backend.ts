import type { ActionEnvelope, FunctionName } from '../../../domain/api/contract';
import type { CarrierDetail, CarrierSummary, Person } from '../../../domain/api/views.schema';
import type { ShareChannel } from '../../../domain/lead/lead.schema';
import { setApiTransport } from '../../../src/services/api-client';
import { aCarrier, aPerson, failResult, okResult } from './card-view.mother';

const DAY = 86_400_000;
export const daysAgo = (days: number): string => new Date(Date.now() - days * DAY).toISOString();

/** A backend answer that is a failed action (`{ok: false}`), not a failed transport. */
export class ActionFailure {
  constructor(
    readonly code: string,
    readonly message: string,
  ) {}
}

/** The backend cannot be reached (the transport rejects, as fetch or callFunction do offline). */
export const OFFLINE = Symbol('offline');

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- handlers see whatever input the page sent
type Handler = (input: any) => unknown;

/**
 * An in-memory backend behind the app's one client: each action answers from its handler; a handler may
 * return OFFLINE, throw an ActionFailure, or return a promise the test resolves later.
 */
export const installBackend = (handlers: Record<string, Handler>) => {
  const send = jest.fn(async (_fn: FunctionName, envelope: ActionEnvelope): Promise<unknown> => {
    const handler = handlers[envelope.action];
    if (!handler) return failResult('ACTION.UNKNOWN', '不支持的操作');
    try {
      const data = await handler(envelope.input);
      if (data === OFFLINE) throw new TypeError('Failed to fetch');
      return okResult(data);
    } catch (e) {
      if (e instanceof ActionFailure) return failResult(e.code, e.message);
      throw e;
    }
  });
  const restore = setApiTransport({ send });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the inputs as the page sent them
  const inputsOf = (action: string): any[] => send.mock.calls.filter(([, env]) => env.action === action).map(([, env]) => env.input);
  return { send, restore, inputsOf };
};

/** `count` carriers of mixed types, largest vacancy first (the default sort), verified recently. */
export const someCarriers = (count: number, from = 0): CarrierSummary[] =>
  Array.from({ length: count }, (_, k) => {
    const i = from + k;
    return aCarrier({
      id: `carrier-${String(i).padStart(3, '0')}`,
      type: i % 3 === 0 ? 'factory' : i % 3 === 1 ? 'building' : 'industrial_park',
      name: `演示载体 ${i}`,
      street: ['金湾街道', '滨江街道', '青石街道'][i % 3],
      vacantArea: 50_000 - i * 100,
      totalArea: 80_000,
      lastVerifiedAt: daysAgo(3),
    });
  });

/** A keyset-paginated `carrier.search` over `all`: the cursor is the index of the next item (opaque to the app). */
export const pagedSearch =
  (all: readonly CarrierSummary[], pageSize = 20) =>
  (input: { cursor?: string }) => {
    const start = input.cursor ? Number(input.cursor.slice(1)) : 0;
    const items = all.slice(start, start + pageSize);
    const next = start + pageSize;
    return { items, nextCursor: next < all.length ? `c${next}` : null };
  };

export const aCarrierDetail = (overrides: Partial<CarrierDetail> = {}): CarrierDetail => ({
  ...aCarrier({ id: 'carrier-factory-1', type: 'factory', name: '高新标准厂房 A 区', street: '高新片区', totalArea: 24_000, vacantArea: 6_800, priceMin: 18, priceMax: 26, priceUnit: 'yuan_per_sqm_month', lastVerifiedAt: daysAgo(12) }),
  districtId: 'district_linjiang',
  districtName: '临江新区（演示）',
  isDemo: true,
  address: '云川市临江区高新片区科创大道 88 号',
  floors: 4,
  facilities: ['行车 10 吨', '层高 8 米', '卸货平台'],
  policies: ['首年租金减半', '设备投资补贴 10%'],
  photos: ['https://img.example.cn/factory-1.jpg', 'https://img.example.cn/factory-2.jpg'],
  managerName: '郑经理',
  managerPhone: '13800138021',
  location: { lat: 30.25, lng: 120.16 },
  ...overrides,
});

export const aDirectory = (): { units: Array<{ id: string; name: string }>; people: Person[] } => ({
  units: [
    { id: 'unit-invest', name: '临江区投资促进局' },
    { id: 'unit-tech', name: '临江区科学技术局' },
    { id: 'unit-edu', name: '临江区教育局' },
  ],
  people: [
    aPerson({ staffId: 'staff-head', cardId: 'card-head', name: '林致远', title: '区长 · 招商专员', unitName: '临江区投资促进局', industryFocus: ['数字经济', '先进制造'] }),
    aPerson({ staffId: 'staff-zhou', cardId: 'card-zhou', name: '周若岚', title: '招商专员', unitName: '临江区投资促进局', industryFocus: ['生物医药', '数字经济'] }),
    aPerson({ staffId: 'staff-wang', cardId: 'card-wang2', name: '王书恒', title: '产业科科长', unitName: '临江区科学技术局', industryFocus: ['人工智能'] }),
  ],
});

/** A share hop as `share.create` answers it. */
export const aShareLink = (code: string, channel: ShareChannel = 'chat', cardId = 'card_wang') => ({
  code,
  depth: 1,
  path: `/pages/card/index?cardId=${cardId}&s=${code}`,
  query: `cardId=${cardId}&s=${code}`,
  webUrl: `http://127.0.0.1:8787/#/pages/card/index?cardId=${cardId}&s=${code}&via=${channel}`,
});
