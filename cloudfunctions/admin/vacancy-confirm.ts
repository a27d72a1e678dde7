import { adminCarrierRemindContract, vacancyConfirmContract, vacancyPeekContract } from '../../domain/api/admin.contracts';
import type { Carrier } from '../../domain/carrier/carrier.schema';
import { VACANCY_TOKEN_DAYS, vacancyQuestion } from '../../domain/carrier/vacancy.rules';
import { DomainError } from '../../domain/common/result';
import { defineAction, type ActionContext } from '../_lib/define-action';
import type { Deps } from '../_lib/deps';
import { notifyStaff } from '../_lib/notifications';
import { recordAudit } from '../_lib/repositories/audit.repository';
import { getAnyCarrier, setCarrierFields } from '../_lib/repositories/carrier-admin.repository';
import { getDistrict } from '../_lib/repositories/org.repository';
import { getStaff } from '../_lib/repositories/staff.repository';
import { getVacancyToken, insertVacancyToken, markVacancyTokenUsed, type VacancyToken } from '../_lib/repositories/vacancy-token.repository';
import { hashedId } from '../_lib/visitor-hash';
import { actorOf, auditEntry, openOfficeForWrite } from './office-context';
import { loadManageableCarrier } from './carrier-access';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
export const VACANCY_PAGE = 'admin/vacancy/index';

const newToken = (deps: Deps): string => {
  let t = '';
  // 62 × 4 = 248 < 256: bytes ≥ 248 are dropped so every symbol is equally likely.
  while (t.length < 24) for (const b of deps.randomBytes(32)) if (b < 248 && t.length < 24) t += BASE62[b % 62];
  return t;
};

const tokenId = (token: string) => hashedId('vt', token);

/**
 * Issues a one-tap confirmation link for a carrier and sends it: a staff manager gets a message in WeChat
 * (outbox locally); for an external manager the caller gets the link to forward. Used by the button in the
 * carrier list and by the reminder sweep.
 */
export const issueVacancyLink = async (deps: Deps, now: Date, carrier: Carrier): Promise<{ token: string; page: string; webUrl: string; delivery: 'manager' | 'forward'; expiresAt: string }> => {
  const token = newToken(deps);
  const expiresAt = new Date(now.getTime() + VACANCY_TOKEN_DAYS * 86_400_000).toISOString();
  const manager = carrier.managerStaffId ? await getStaff(deps.store, carrier.managerStaffId) : null;
  const active = manager && manager.status === 'active' && manager.openid ? manager : null;
  const doc: VacancyToken = { _id: tokenId(token), districtId: carrier.districtId, carrierId: carrier._id, managerStaffId: active?._id ?? null, createdAt: now.toISOString(), expiresAt, usedAt: null };
  await deps.store.transaction(async (tx) => {
    await insertVacancyToken(tx, doc);
    await setCarrierFields(tx, carrier._id, true, { vacancyRemindedAt: now.toISOString() });
  });
  const page = `${VACANCY_PAGE}?t=${token}`;
  if (active) {
    await notifyStaff(deps, [active], () => ({ kind: 'vacancy_confirm', page, fields: { thing1: '空置面积待核实', thing2: carrier.name.slice(0, 20), time3: now.toISOString() } }), null);
  }
  return { token, page, webUrl: `${deps.webBaseUrl.replace(/\/+$/, '')}/#/${page}`, delivery: active ? 'manager' : 'forward', expiresAt };
};

export const adminCarrierRemindAction = defineAction(adminCarrierRemindContract, async (deps, ctx, input) => {
  const office = await openOfficeForWrite(deps, ctx);
  const { carrier, listed } = await loadManageableCarrier(deps, office, input.carrierId);
  if (!listed) throw new DomainError('CARRIER.NOT_FOUND', ['carrierId']);
  const link = await issueVacancyLink(deps, ctx.now, carrier);
  await deps.store.transaction((tx) => recordAudit(tx, auditEntry(deps, ctx, actorOf(office), 'carrier.remind', { kind: 'carrier', id: carrier._id }, null, { delivery: link.delivery, expiresAt: link.expiresAt })));
  return { page: link.page, webUrl: link.webUrl, delivery: link.delivery, expiresAt: link.expiresAt };
});

const openToken = async (deps: Deps, ctx: ActionContext, token: string) => {
  const doc = await getVacancyToken(deps.store, tokenId(token));
  if (!doc || Date.parse(doc.expiresAt) <= ctx.now.getTime()) throw new DomainError('VACANCY.LINK_INVALID');
  const found = await getAnyCarrier(deps.store, doc.carrierId);
  if (!found || found.carrier.districtId !== doc.districtId) throw new DomainError('VACANCY.LINK_INVALID');
  return { doc, carrier: found.carrier, listed: found.listed };
};

/** What the one-tap page shows: «仍有 N ㎡ 空置». The token is the credential; nothing private is returned. */
export const vacancyPeekAction = defineAction(vacancyPeekContract, async (deps, ctx, input) => {
  const { doc, carrier } = await openToken(deps, ctx, input.token);
  const district = await getDistrict(deps.store, carrier.districtId);
  return {
    carrierName: carrier.name,
    districtName: district?.name ?? '',
    vacantArea: carrier.vacantArea,
    totalArea: carrier.totalArea,
    question: vacancyQuestion(carrier.vacantArea),
    lastVerifiedAt: carrier.lastVerifiedAt,
    used: doc.usedAt !== null,
  };
});

/** Confirms the figure as it is, or records a new one; the carrier's freshness restarts today. One use per link. */
export const vacancyConfirmAction = defineAction(vacancyConfirmContract, async (deps, ctx, input) => {
  const { doc, carrier, listed } = await openToken(deps, ctx, input.token);
  if (doc.usedAt) throw new DomainError('VACANCY.LINK_INVALID');
  const vacantArea = input.vacantArea ?? carrier.vacantArea;
  if (vacantArea > carrier.totalArea) throw new DomainError('ADMIN.INVALID_VALUE', ['vacantArea']);
  const at = ctx.now.toISOString();
  const manager = doc.managerStaffId ? await getStaff(deps.store, doc.managerStaffId) : null;
  await deps.store.transaction(async (tx) => {
    const fresh = await getVacancyToken(tx, doc._id);
    if (!fresh || fresh.usedAt) throw new DomainError('VACANCY.LINK_INVALID');
    await markVacancyTokenUsed(tx, doc._id, at);
    await setCarrierFields(tx, carrier._id, listed, { vacantArea, hasVacancy: vacantArea > 0, lastVerifiedAt: at, vacancyRemindedAt: null, updatedAt: at });
    await recordAudit(
      tx,
      auditEntry(
        deps,
        ctx,
        { districtId: carrier.districtId, staffId: manager?._id ?? null, actorName: manager?.name ?? `${carrier.managerName}（外部管理人）` },
        'carrier.vacancy_confirm',
        { kind: 'carrier', id: carrier._id },
        { vacantArea: carrier.vacantArea, lastVerifiedAt: carrier.lastVerifiedAt },
        { vacantArea, lastVerifiedAt: at },
      ),
    );
  });
  return { carrierName: carrier.name, vacantArea, lastVerifiedAt: at };
});
