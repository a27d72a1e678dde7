import type { Lead } from '../../domain/lead/lead.schema';
import { COLLECTIONS } from '../../cloudfunctions/_lib/store/collections';
import { leadInput, OPENID, type TestBackend } from './test-backend';

/**
 * The steps the 擂台赛 tests walk leads through: submit through a card, move along the stages (an invalid closing
 * with its reason), and the bureau's confirmation. `backend` is read at call time (suites create it in a hook).
 */
export const arenaLeadSteps = (backend: () => TestBackend) => {
  const rev = async (id: string) => (await backend().store.get<Lead>(COLLECTIONS.leads.name, id))?._rev ?? -1;
  const submit = async (cardId: string, company: string, phone: string) =>
    (await backend().ok<{ leadId: string }>('lead.submit', leadInput({ contact: { name: '测试', company, phone }, source: { channel: 'chat', cardId } }), OPENID.investorA)).leadId;
  const walk = async (leadId: string, openid: string, to: string[]) => {
    for (const status of to) await backend().ok('lead.transition', { leadId, to: status, rev: await rev(leadId), ...(status === 'invalid' ? { reason: '企业放弃' } : {}) }, openid);
  };
  const confirm = async (leadId: string, stage: string) => backend().ok('lead.confirmStage', { leadId, stage, note: '已核验', date: '2026-11-30', rev: await rev(leadId) }, OPENID.investLeader);
  return { rev, submit, walk, confirm };
};
