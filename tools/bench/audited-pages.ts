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
 * staff pages as the district head (a staff member with leads), share pages as a commissioner, the district
 * office as its admin (许安然; the vacancy confirmation as the external manager a link reaches), the reports as
 * a unit leader (陈启航). Shared by the
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
  /** Which part of the app (the audits report by it). */
  area: 'investor' | 'staff' | 'share' | 'office' | 'reports';
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
  // The one-tap vacancy confirmation opens from a link the office sends the carrier's manager.
  const reminder = await callOk<{ page: string }>(baseUrl, 'admin', 'admin.carrier.remindVacancy', { carrierId });
  const vacancyToken = new URLSearchParams(reminder.page.split('?')[1] ?? '').get('t');
  if (!vacancyToken) throw new Error('the vacancy reminder carried no link');
  return [
    { name: 'card', persona: 'visitor', path: `/pages/card/index?cardId=${HEAD_CARD}`, ready: 'card-page', investor: true, area: 'investor' },
    { name: 'carriers', persona: 'visitor', path: `/pages/carriers/index?cardId=${HEAD_CARD}`, ready: 'carrier-list', investor: true, area: 'investor' },
    { name: 'carrier-detail', persona: 'visitor', path: `/pages/carrier-detail/index?carrierId=${carrierId}&cardId=${HEAD_CARD}`, ready: 'carrier-detail', investor: true, area: 'investor' },
    { name: 'directory', persona: 'visitor', path: `/inquiry/directory/index?cardId=${HEAD_CARD}`, ready: 'directory-page', investor: true, area: 'investor' },
    { name: 'lead-form', persona: 'investor', path: `/inquiry/lead-form/index?cardId=${HEAD_CARD}&channel=chat`, ready: 'lead-form', investor: true, area: 'investor' },
    { name: 'my-leads', persona: 'investor', path: `/inquiry/my-leads/index?cardId=${HEAD_CARD}`, ready: 'my-leads', investor: true, area: 'investor' },
    { name: 'staff-inbox', persona: 'head', path: '/staff/inbox/index', ready: 'inbox', investor: false, area: 'staff' },
    { name: 'staff-lead-detail', persona: 'head', path: `/staff/lead-detail/index?id=${lead.leadId}`, ready: 'lead-detail', investor: false, area: 'staff' },
    { name: 'staff-bind', persona: 'investor', path: '/staff/bind/index', ready: 'bind', investor: false, area: 'staff' },
    { name: 'share-my-card', persona: 'commissioner', path: '/share/my-card/index', ready: 'my-card-page', investor: false, area: 'share' },
    { name: 'share-poster', persona: 'commissioner', path: `/share/poster/index?cardId=card-staff-commissioner`, ready: 'poster-page', investor: false, area: 'share' },
    { name: 'share-stats', persona: 'commissioner', path: '/share/stats/index', ready: 'stats-page', investor: false, area: 'share' },
    { name: 'admin-home', persona: 'admin', path: '/admin/home/index', ready: 'admin-home', investor: false, area: 'office' },
    { name: 'admin-district', persona: 'admin', path: '/admin/district/index', ready: 'admin-district', investor: false, area: 'office' },
    { name: 'admin-org', persona: 'admin', path: '/admin/org/index', ready: 'admin-org', investor: false, area: 'office' },
    { name: 'admin-staff', persona: 'admin', path: '/admin/staff/index', ready: 'admin-staff', investor: false, area: 'office' },
    { name: 'admin-carriers', persona: 'admin', path: '/admin/carriers/index', ready: 'admin-carriers', investor: false, area: 'office' },
    { name: 'admin-carrier-edit', persona: 'admin', path: `/admin/carrier-edit/index?carrierId=${carrierId}`, ready: 'admin-carrier-edit', investor: false, area: 'office' },
    { name: 'admin-import', persona: 'admin', path: '/admin/carrier-import/index', ready: 'admin-import', investor: false, area: 'office' },
    { name: 'admin-staff-import', persona: 'admin', path: '/admin/staff-import/index', ready: 'admin-staff-import', investor: false, area: 'office' },
    { name: 'admin-vacancy', persona: 'investor-b', path: `/admin/vacancy/index?t=${vacancyToken}`, ready: 'vacancy-page', investor: false, area: 'office' },
    { name: 'admin-audit', persona: 'admin', path: '/admin/audit/index', ready: 'admin-audit', investor: false, area: 'office' },
    { name: 'report-dashboard', persona: 'invest-leader', path: '/reports/dashboard/index', ready: 'dashboard', investor: false, area: 'reports' },
    { name: 'report-leads', persona: 'invest-leader', path: '/reports/leads/index?scope=unit&kind=month&filter=all', ready: 'report-leads', investor: false, area: 'reports' },
    { name: 'report-arena', persona: 'invest-leader', path: '/reports/arena/index', ready: 'arena', investor: false, area: 'reports' },
  ];
};
