import type { ActionEnvelope, FunctionName, ResponseOf } from '../../../domain/api/contract';
import type { cardStatsContract, getMyCardContract } from '../../../domain/api/sharing.contracts';
import { setApiTransport } from '../../../src/services/api-client';
import { failResult, okResult } from '../support/card-view.mother';

export type MyCard = ResponseOf<typeof getMyCardContract>;
export type CardStats = ResponseOf<typeof cardStatsContract>;

/** card.mine for the demo district head: a leader with colleagues to put on duty. */
export const aMyCard = (overrides: Partial<MyCard> = {}, edit: Partial<MyCard['edit']> = {}): MyCard => ({
  cardId: 'card_wang',
  edit: {
    greeting: '欢迎来到临江新区',
    visibility: { phone: true, wechatId: true, wechatQr: true },
    featuredCarrierIds: ['carrier_park_1'],
    featuredIndustries: ['智能制造'],
    onDutyStaffId: null,
    title: '投资促进局局长',
    wechatId: 'linjiang_wjg',
    wechatQr: '/assets/people/wechat-qr.svg',
    photo: null,
    ...edit,
  },
  districtIndustries: ['智能制造', '生物医药', '数字经济', '人工智能', '新能源', '现代商贸', '文化旅游'],
  carriers: [
    { id: 'carrier_park_1', name: '临江智能制造产业园' },
    { id: 'carrier_tower_2', name: '江湾数字经济大厦' },
    { id: 'carrier_lab_3', name: '滨江生物医药孵化器' },
  ],
  colleagues: [
    { staffId: 'staff_li', name: '李晓雯', title: '招商专员' },
    { staffId: 'staff_zhao', name: '赵一鸣', title: '商务局 外资科干部' },
  ],
  isLeader: true,
  ...overrides,
});

export const aCardStats = (overrides: Partial<CardStats> = {}): CardStats => ({
  cardId: 'card_wang',
  views: 1234,
  uniqueVisitors: 321,
  shares: 45,
  maxReshareDepth: 3,
  medianFirstResponseHours: 2.5,
  answeredLeads: 4,
  leads: 12,
  viewsByChannel: { chat: 700, moments: 400, poster: 100, web_link: 34 },
  leadsByChannel: { chat: 8, poster: 3, qr: 1 },
  weeks: [
    { weekStart: '2026-09-14', views: 0, leads: 0 },
    { weekStart: '2026-09-21', views: 40, leads: 0 },
    { weekStart: '2026-09-28', views: 120, leads: 1 },
    { weekStart: '2026-10-05', views: 80, leads: 0 },
    { weekStart: '2026-10-12', views: 300, leads: 4 },
    { weekStart: '2026-10-19', views: 150, leads: 2 },
    { weekStart: '2026-10-26', views: 2, leads: 0 },
    { weekStart: '2026-11-02', views: 90, leads: 5 },
  ],
  ...overrides,
});

type Handler = (input: unknown) => unknown;

/**
 * A fake backend keyed by action name: each handler returns the action's data, or a `failResult(...)` to fail.
 * Returns the jest.fn transport so tests can read what was sent, and a restore function.
 */
export const fakeBackend = (handlers: Record<string, Handler>) => {
  const send = jest.fn((_fn: FunctionName, envelope: ActionEnvelope) => {
    const handler = handlers[envelope.action];
    if (!handler) return Promise.resolve(failResult('ACTION.UNKNOWN', `no fake for ${envelope.action}`));
    try {
      const out = handler(envelope.input);
      if (out && typeof out === 'object' && 'ok' in out && (out as { ok: unknown }).ok === false) return Promise.resolve(out);
      return Promise.resolve(okResult(out));
    } catch (e) {
      return Promise.reject(e);
    }
  });
  const restore = setApiTransport({ send });
  const inputsOf = (action: string) => send.mock.calls.filter(([, env]) => env.action === action).map(([, env]) => env.input);
  return { send, restore, inputsOf };
};

export const failWith = (code: string, message: string, fields?: string[]) => ({ ok: false as const, error: { code, message, ...(fields ? { fields } : {}) } });
