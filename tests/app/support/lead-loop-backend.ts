import type { ActionEnvelope, FunctionName } from '../../../domain/api/contract';
import type { InvestorLead } from '../../../domain/api/lead.contracts';
import type { StaffLeadSummary } from '../../../domain/api/workspace.contracts';
import { setApiTransport } from '../../../src/services/api-client';
import { aCardView } from './card-view.mother';

/** One action's answer: data (wrapped as `{ok: true}`), a failure, or a thrown transport error. */
export type Answer = unknown | { fail: { code: string; message?: string; fields?: string[] } } | Error;
export type Handler = (input: Record<string, unknown>, callIndex: number) => Answer | Promise<Answer>;

export interface FakeBackend {
  send: jest.Mock;
  /** Inputs of every call to `action`, in order. */
  inputs: (action: string) => Array<Record<string, unknown>>;
  restore: () => void;
}

/** A transport answering by action name; an action without a handler fails the test loudly. */
export const fakeBackend = (handlers: Record<string, Handler>): FakeBackend => {
  const counts = new Map<string, number>();
  const send = jest.fn(async (_fn: FunctionName, envelope: ActionEnvelope) => {
    const handler = handlers[envelope.action];
    if (!handler) throw new Error(`unexpected action ${envelope.action}`);
    const n = counts.get(envelope.action) ?? 0;
    counts.set(envelope.action, n + 1);
    const answer = await handler(envelope.input as Record<string, unknown>, n);
    if (answer instanceof Error) throw answer;
    if (answer && typeof answer === 'object' && 'fail' in answer) return { ok: false, error: (answer as { fail: unknown }).fail };
    return { ok: true, data: answer };
  });
  const restore = setApiTransport({ send });
  return {
    send,
    inputs: (action) => send.mock.calls.filter(([, e]) => (e as ActionEnvelope).action === action).map(([, e]) => (e as ActionEnvelope).input as Record<string, unknown>),
    restore,
  };
};

export const NOTICE = {
  version: '2026-11',
  title: '个人信息保护说明',
  body: '处理者：临江新区投资促进部门。\n处理目的：仅用于回复您的投资咨询。\n保存期限：咨询结束后保存 2 年。',
  promiseHours: 8,
};

export const aCard = aCardView;

export const anInvestorLead = (overrides: Partial<InvestorLead> = {}): InvestorLead => ({
  id: 'lead_1',
  status: 'new',
  createdAt: '2026-03-02T02:00:00.000Z',
  industry: '生物医药',
  carrierName: null,
  message: '想了解生物医药产业园的租金政策。',
  promiseHours: 8,
  firstResponseDueAt: '2026-03-03T02:00:00.000Z',
  firstRespondedAt: null,
  promiseKept: null,
  handlerName: '李晓雯',
  replies: [],
  ...overrides,
});

export const aStaffLead = (overrides: Partial<StaffLeadSummary> = {}): StaffLeadSummary => ({
  id: 'lead_1',
  status: 'new',
  createdAt: '2026-03-02T02:00:00.000Z',
  contactName: '沈嘉禾',
  company: '禾源生物医药有限公司',
  phoneMasked: '138****8000',
  industry: '生物医药',
  scale: '1亿–5亿元',
  carrierName: null,
  handlerUnitName: '临江新区投资促进局',
  handlerName: '李晓雯',
  creditName: '王建国',
  firstResponseDueAt: '2026-03-03T02:00:00.000Z',
  firstRespondedAt: null,
  overdue: false,
  ...overrides,
});
