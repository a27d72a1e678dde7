import { postAction, type ApiResult } from '../support/local-cloud-api';

/** POSTs one action to a running local cloud as the given persona. */
export const post = (baseUrl: string, action: string, input: unknown, persona: string): Promise<ApiResult> => postAction(baseUrl, persona, action, input);

export const submission = (key: string, overrides: Record<string, unknown> = {}) => ({
  idempotencyKey: key,
  contact: { name: '压测投资人', company: '压测公司', phone: '13900139000' },
  need: { industry: '人工智能', scale: 'undecided' },
  message: '',
  source: { channel: 'web_link', cardId: 'card-staff-head' },
  consent: { agreed: true, noticeVersion: '2026-11' },
  ...overrides,
});

export { percentile } from '../../tools/bench/stats';
