import type { CarrierMatches } from '../../../domain/api/matching.contracts';
import { CARRIER_TYPE_LABELS } from '../../../domain/carrier/carrier.schema';

/** How many carriers a recommendation names: enough to choose from, few enough to read on a phone. */
export const RECOMMENDED = 3;
/** The reply contract's limit; a recommendation must fit it with room for the staff member's own words. */
const REPLY_MAX = 500;

/**
 * The reply a staff member sends to recommend carriers: the top matches with why each fits, in plain Chinese the
 * investor reads in 我的咨询. Staff see it in the reply box first and may edit it before sending.
 */
export const recommendationText = (matches: CarrierMatches['matches']): string => {
  const top = matches.slice(0, RECOMMENDED);
  if (top.length === 0) return '';
  const lines = top.map((m, i) => {
    const where = [CARRIER_TYPE_LABELS[m.carrier.type], m.carrier.street].filter(Boolean).join(' · ');
    const why = m.reasons.slice(0, 3).join('；');
    return `${i + 1}. ${m.carrier.name}（${where}）${why ? `：${why}` : ''}`;
  });
  const text = ['根据您的需求，为您推荐以下载体：', ...lines, '如需实地考察或了解详情，请直接回复或致电我们。'].join('\n');
  return text.length <= REPLY_MAX ? text : `${text.slice(0, REPLY_MAX - 1)}…`;
};
