import { adminCarrierSaveContract, adminCarrierSetListedContract, type CarrierEdit } from '../../domain/api/admin.contracts';
import { CARRIER_TYPE_LABELS, type Carrier } from '../../domain/carrier/carrier.schema';
import { carrierSearchText } from '../../domain/carrier/carrier.rules';
import { DomainError } from '../../domain/common/result';
import { adminScopeOf, canManageCarrier } from '../../domain/org/admin-access.rules';
import { defineAction } from '../_lib/define-action';
import type { Deps } from '../_lib/deps';
import { newId } from '../_lib/ids';
import { recordAudit } from '../_lib/repositories/audit.repository';
import { getAnyCarrier, moveCarrier, putCarrier } from '../_lib/repositories/carrier-admin.repository';
import { removeShareImages } from '../_lib/share-image-files';
import { getUnit } from '../_lib/repositories/org.repository';
import { getStaff } from '../_lib/repositories/staff.repository';
import { actorOf, auditEntry, openOfficeForWrite, snapshot, type Office } from './office-context';
import { loadManageableCarrier } from './carrier-access';

const ENGLISH_LISTS = [
  ['facilitiesEn', 'facilities'],
  ['suitedIndustriesEn', 'suitedIndustries'],
  ['policiesEn', 'policies'],
] as const;

const ENGLISH_FIELDS = ['nameEn', 'streetEn', 'addressEn', 'facilitiesEn', 'suitedIndustriesEn', 'policiesEn', 'managerNameEn'] as const;
type EnglishOfCarrier = Partial<Pick<Carrier, (typeof ENGLISH_FIELDS)[number]>>;

/** The English an edit carries; a field the edit leaves out (an import row) keeps the stored one. */
const englishOf = (e: CarrierEdit, base: EnglishOfCarrier): EnglishOfCarrier => {
  const out: Record<string, unknown> = {};
  for (const field of ENGLISH_FIELDS) {
    const value = e[field] ?? base[field];
    if (value !== undefined) out[field] = value;
  }
  return out as EnglishOfCarrier;
};

const checkEdit = async (deps: Deps, office: Office, e: CarrierEdit, openid: string | null): Promise<void> => {
  const bad: string[] = [];
  if (e.vacantArea > e.totalArea) bad.push('vacantArea');
  if (e.priceMin > e.priceMax) bad.push('priceMax');
  if (bad.length) throw new DomainError('ADMIN.INVALID_VALUE', bad);
  const districtId = office.home._id;
  if (e.managerStaffId) {
    const m = await getStaff(deps.store, e.managerStaffId);
    if (!m || m.districtId !== districtId) throw new DomainError('STAFF.NOT_FOUND', ['managerStaffId']);
    if (m.status === 'revoked') throw new DomainError('ADMIN.STAFF_INACTIVE', ['managerStaffId']);
  }
  if (e.unitId) {
    const u = await getUnit(deps.store, e.unitId);
    if (!u || u.districtId !== districtId) throw new DomainError('UNIT.NOT_FOUND', ['unitId']);
  }
  // English lists translate the Chinese ones item by item: never more of them.
  const longer = ENGLISH_LISTS.filter(([en, zh]) => (e[en]?.length ?? 0) > e[zh].length).map(([en]) => en);
  if (longer.length) throw new DomainError('ADMIN.INVALID_VALUE', longer);
  // The editor's openid: msgSecCheck v2 checks text on behalf of a user (without one, WeChat's check never runs).
  if ((await deps.contentCheck.check(carrierCheckedText(e), openid)) === 'risky') throw new DomainError('CONTENT.REJECTED', ['name']);
};

type CheckedFields = 'name' | 'address' | 'street' | 'facilities' | 'policies' | 'suitedIndustries' | (typeof ENGLISH_FIELDS)[number];

/**
 * The text of a carrier the content check reads (investors read all of it): the same for an edit in the editor
 * and for an imported row (carrier-import.ts), so both refuse the same listings.
 */
export const carrierCheckedText = (e: Pick<CarrierEdit, CheckedFields> | Pick<Carrier, CheckedFields>): string => {
  const english = [e.nameEn, e.addressEn, e.streetEn, e.managerNameEn, ...(e.facilitiesEn ?? []), ...(e.policiesEn ?? []), ...(e.suitedIndustriesEn ?? [])].filter((s): s is string => Boolean(s));
  return [e.name, e.address, e.street, ...e.facilities, ...e.policies, ...e.suitedIndustries, ...english].join('\n');
};

export const fromEdit = (
  e: CarrierEdit,
  base: Pick<Carrier, '_id' | 'districtId' | 'createdAt' | 'lastVerifiedAt' | 'vacancyRemindedAt' | 'photoReviews'> & EnglishOfCarrier,
  now: string,
  vacancyChanged: boolean,
): Carrier => {
  const english = englishOf(e, base);
  return {
    _id: base._id,
    districtId: base.districtId,
    type: e.type,
    name: e.name,
    street: e.street,
    address: e.address,
    totalArea: e.totalArea,
    vacantArea: e.vacantArea,
    hasVacancy: e.vacantArea > 0,
    floors: e.floors,
    priceMin: e.priceMin,
    priceMax: e.priceMax,
    priceUnit: e.priceUnit,
    facilities: e.facilities,
    suitedIndustries: e.suitedIndustries,
    policies: e.policies,
    managerName: e.managerName,
    managerPhone: e.managerPhone,
    managerStaffId: e.managerStaffId,
    unitId: e.unitId,
    location: e.location,
    photos: e.photos,
    photoReviews: base.photoReviews ?? [],
    ...english,
    searchText: carrierSearchText({ ...e, ...english, typeLabel: CARRIER_TYPE_LABELS[e.type] }),
    // Entering a vacancy figure is a verification of it; other edits leave the freshness as it was.
    lastVerifiedAt: vacancyChanged ? now : base.lastVerifiedAt,
    vacancyRemindedAt: vacancyChanged ? null : (base.vacancyRemindedAt ?? null),
    createdAt: base.createdAt,
    updatedAt: now,
  };
};

/**
 * Creates (district admins and unit leaders, for their unit) or edits a carrier (also its staff manager). The
 * result must still be the caller's to manage, so nobody moves a listing out of their own reach by accident.
 */
export const adminCarrierSaveAction = defineAction(adminCarrierSaveContract, async (deps, ctx, input) => {
  const office = await openOfficeForWrite(deps, ctx);
  const now = ctx.now.toISOString();
  const existing = input.carrierId ? await loadManageableCarrier(deps, office, input.carrierId) : null;
  if (!existing) {
    const scope = adminScopeOf(office.staff);
    if (scope?.kind !== 'district' && scope?.kind !== 'unit') throw new DomainError('AUTH.FORBIDDEN');
  }
  await checkEdit(deps, office, input.carrier, ctx.openid);
  // New uploads come only through `admin.carrier.photoAdd` (checked bytes, content review); a save may drop or
  // reorder them. `/assets/…` names an image bundled with the app, which needs no review.
  const kept = new Set(existing?.carrier.photos ?? []);
  if (input.carrier.photos.some((p) => !kept.has(p) && !p.startsWith('/assets/'))) throw new DomainError('PHOTO.NOT_UPLOADED', ['photos']);
  const base = existing?.carrier ?? { _id: newId('car', ctx.now, deps.randomBytes), districtId: office.home._id, createdAt: now, lastVerifiedAt: now, vacancyRemindedAt: null };
  const changed = !existing || existing.carrier.vacantArea !== input.carrier.vacantArea || existing.carrier.totalArea !== input.carrier.totalArea;
  const carrier = fromEdit(input.carrier, base, now, changed);
  if (!canManageCarrier(office.staff, carrier)) throw new DomainError('AUTH.FORBIDDEN', ['unitId']);
  const listed = existing?.listed ?? true;
  await deps.store.transaction(async (tx) => {
    const fresh = existing ? await getAnyCarrier(tx, carrier._id) : null;
    if (existing && (!fresh || fresh.listed !== listed || fresh.carrier.updatedAt !== existing.carrier.updatedAt)) throw new DomainError('ADMIN.CONCURRENT_UPDATE');
    await putCarrier(tx, carrier, listed, !!existing);
    await recordAudit(tx, auditEntry(deps, ctx, actorOf(office), existing ? 'carrier.update' : 'carrier.create', { kind: 'carrier', id: carrier._id }, existing ? snapshot(existing.carrier) : null, snapshot(carrier)));
  });
  return { carrierId: carrier._id, updatedAt: now };
});

/** 下架 / 重新上架: the document moves between the catalogue and the withdrawn collection, in one transaction. */
export const adminCarrierSetListedAction = defineAction(adminCarrierSetListedContract, async (deps, ctx, input) => {
  const office = await openOfficeForWrite(deps, ctx);
  const found = await loadManageableCarrier(deps, office, input.carrierId);
  if (found.listed === input.listed) return { carrierId: found.carrier._id, listed: found.listed };
  const now = ctx.now.toISOString();
  const dropped = await deps.store.transaction(async (tx) => {
    const fresh = await getAnyCarrier(tx, input.carrierId);
    if (!fresh || fresh.listed === input.listed) throw new DomainError('ADMIN.CONCURRENT_UPDATE');
    // Off the market, its share images go with it: nobody shares a withdrawn carrier, and a file left public
    // would keep showing its vacancy. Back on the market, they are drawn afresh (the office list, the editor).
    const { shareImages, ...rest } = fresh.carrier;
    await moveCarrier(tx, { ...(input.listed ? fresh.carrier : rest), updatedAt: now }, input.listed);
    await recordAudit(tx, auditEntry(deps, ctx, actorOf(office), input.listed ? 'carrier.restore' : 'carrier.withdraw', { kind: 'carrier', id: input.carrierId }, { listed: fresh.listed }, { listed: input.listed }));
    return input.listed ? [] : Object.values(shareImages ?? {}).flatMap((pair) => [pair?.chat, pair?.moments]);
  });
  await removeShareImages(deps, dropped);
  return { carrierId: input.carrierId, listed: input.listed };
});
