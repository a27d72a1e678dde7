import { PERSONA_HEADER } from '../../domain/api/contract';

/** One action over HTTP as a persona, as the H5 transport sends it; throws unless it succeeds. */
const callOk = async <T>(baseUrl: string, persona: string, action: string, input: unknown): Promise<T> => {
  const res = await fetch(new URL(`/api/${action}`, baseUrl), { method: 'POST', headers: { 'content-type': 'application/json', [PERSONA_HEADER]: persona }, body: JSON.stringify({ input }) });
  const body = (await res.json()) as { ok: boolean; data?: T; error?: unknown };
  if (!body.ok) throw new Error(`${action} as ${persona} failed: ${JSON.stringify(body.error)}`);
  return body.data as T;
};

/**
 * Every page of the H5 build with the persona that sees it filled in: investor pages as a visitor or investor,
 * staff pages as the district head (a staff member with leads), share pages as a commissioner. Shared by the
 * accessibility and text-scaling e2e (tests/e2e) and the Lighthouse bench.
 */
export interface AuditedPage {
  name: string;
  persona: string;
  /** The hash route, with its query. */
  path: string;
  /** The page's root test id, present once it has its data. */
  ready: string;
  investor: boolean;
}

export const HEAD_CARD = 'card-staff-head';

/** Ids the pages need, made through the API: a carrier of the head's district and a lead on his card. */
export const preparePages = async (baseUrl: string): Promise<AuditedPage[]> => {
  const card = await callOk<{ district: { id: string } }>(baseUrl, 'visitor', 'card.get', { cardId: HEAD_CARD });
  const carriers = await callOk<{ items: Array<{ id: string }> }>(baseUrl, 'visitor', 'carrier.search', { districtId: card.district.id, sort: 'vacancy', limit: 5 });
  const notice = await callOk<{ version: string }>(baseUrl, 'visitor', 'lead.privacyNotice', {});
  const lead = await callOk<{ leadId: string }>(baseUrl, 'investor', 'lead.submit', {
    idempotencyKey: 'e2e-a11y-lead-0000000000',
    contact: { name: '沈嘉禾', company: '禾源生物医药（上海）有限公司', phone: '13700137000' },
    need: { industry: '生物医药', scale: '100m_500m' },
    message: '希望了解生物医药方向的落地政策与可用载体。',
    source: { channel: 'chat', cardId: HEAD_CARD },
    consent: { agreed: true, noticeVersion: notice.version },
  });
  const carrierId = carriers.items[0]?.id;
  if (!carrierId) throw new Error('the demo district has no carriers');
  return [
    { name: 'card', persona: 'visitor', path: `/pages/card/index?cardId=${HEAD_CARD}`, ready: 'card-page', investor: true },
    { name: 'carriers', persona: 'visitor', path: `/pages/carriers/index?cardId=${HEAD_CARD}`, ready: 'carrier-list', investor: true },
    { name: 'carrier-detail', persona: 'visitor', path: `/pages/carrier-detail/index?carrierId=${carrierId}&cardId=${HEAD_CARD}`, ready: 'carrier-detail', investor: true },
    { name: 'directory', persona: 'visitor', path: `/inquiry/directory/index?cardId=${HEAD_CARD}`, ready: 'directory-page', investor: true },
    { name: 'lead-form', persona: 'investor', path: `/inquiry/lead-form/index?cardId=${HEAD_CARD}&channel=chat`, ready: 'lead-form', investor: true },
    { name: 'my-leads', persona: 'investor', path: `/inquiry/my-leads/index?cardId=${HEAD_CARD}`, ready: 'my-leads', investor: true },
    { name: 'staff-inbox', persona: 'head', path: '/staff/inbox/index', ready: 'inbox', investor: false },
    { name: 'staff-lead-detail', persona: 'head', path: `/staff/lead-detail/index?id=${lead.leadId}`, ready: 'lead-detail', investor: false },
    { name: 'staff-bind', persona: 'investor', path: '/staff/bind/index', ready: 'bind', investor: false },
    { name: 'share-my-card', persona: 'commissioner', path: '/share/my-card/index', ready: 'my-card-page', investor: false },
    { name: 'share-poster', persona: 'commissioner', path: `/share/poster/index?cardId=card-staff-commissioner`, ready: 'poster-page', investor: false },
    { name: 'share-stats', persona: 'commissioner', path: '/share/stats/index', ready: 'stats-page', investor: false },
  ];
};
