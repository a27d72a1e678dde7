import { adminCarrierGetContract, adminCarrierListContract } from '../../domain/api/admin.contracts';
import type { Carrier } from '../../domain/carrier/carrier.schema';
import { confirmCycleDays, isVacancyDue, median, vacancyDueAt } from '../../domain/carrier/vacancy.rules';
import { DomainError } from '../../domain/common/result';
import { canManageCarrier } from '../../domain/org/admin-access.rules';
import { carrierShareImagesToDraw } from '../_lib/carrier-share-image-content';
import { defineAction } from '../_lib/define-action';
import { getAnyCarrier, listCarriersVerifiedBefore, listDistrictCarriersByFreshness, listWithdrawnCarriers } from '../_lib/repositories/carrier-admin.repository';
import { listRecentVacancyTokens } from '../_lib/repositories/vacancy-token.repository';
import { canReadDistrict } from '../../domain/org/admin-access.rules';
import { getDistrict } from '../_lib/repositories/org.repository';
import { openOffice, type Office } from './office-context';

const DAY = 86_400_000;

const encodeCursor = (c: Carrier) => `${c.lastVerifiedAt}|${c._id}`;
const decodeCursor = (s: string | undefined): { at: string; id: string } | undefined => {
  if (!s) return undefined;
  const m = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?Z)\|([A-Za-z0-9_-]{1,64})$/.exec(s);
  if (!m) throw new DomainError('VALIDATION.INVALID_INPUT', ['cursor']);
  return { at: m[1], id: m[2] };
};

const rowOf = (office: Office, cycle: number, now: Date) => (c: Carrier, listed: boolean) => {
  const canEdit = canManageCarrier(office.staff, c);
  return {
    id: c._id,
    name: c.name,
    type: c.type,
    street: c.street,
    vacantArea: c.vacantArea,
    totalArea: c.totalArea,
    listed,
    managerName: c.managerName,
    managerStaffId: c.managerStaffId ?? null,
    lastVerifiedAt: c.lastVerifiedAt,
    vacancyDueAt: vacancyDueAt(c.lastVerifiedAt, cycle),
    vacancyDue: isVacancyDue(c.lastVerifiedAt, cycle, now),
    canEdit,
    // Only for those who may draw them, and only while shared at all (a withdrawn carrier has none).
    shareImagesToDraw: listed && canEdit ? carrierShareImagesToDraw(c, office.district) : null,
  };
};

/** The district's carriers, stalest first, with each manager's due count and median days to confirm. */
export const adminCarrierListAction = defineAction(adminCarrierListContract, async (deps, ctx, input) => {
  const office = await openOffice(deps, ctx, input.districtId);
  const { district } = office;
  const cycle = confirmCycleDays(district);
  const after = decodeCursor(input.cursor);
  const page = await listDistrictCarriersByFreshness(deps.store, district._id, input.limit + 1, after);
  const row = rowOf(office, cycle, ctx.now);
  const items = page.slice(0, input.limit);
  const first = !after;
  const [withdrawn, due, tokens] = first
    ? await Promise.all([
        listWithdrawnCarriers(deps.store, district._id),
        listCarriersVerifiedBefore(deps.store, district._id, new Date(ctx.now.getTime() - cycle * DAY).toISOString(), 1000),
        listRecentVacancyTokens(deps.store, district._id, new Date(ctx.now.getTime() - 365 * DAY).toISOString()),
      ])
    : [[], [], []];
  const managers = new Map<string, { managerName: string; staffId: string | null; due: number; waits: number[] }>();
  const managerKey = (name: string, staffId: string | null) => staffId ?? `ext:${name}`;
  for (const c of due) {
    const key = managerKey(c.managerName, c.managerStaffId ?? null);
    const m = managers.get(key) ?? { managerName: c.managerName, staffId: c.managerStaffId ?? null, due: 0, waits: [] };
    m.due += 1;
    managers.set(key, m);
  }
  for (const t of tokens) {
    if (!t.usedAt || !t.managerStaffId) continue;
    const m = managers.get(t.managerStaffId);
    if (m) m.waits.push(Math.round(((Date.parse(t.usedAt) - Date.parse(t.createdAt)) / DAY) * 10) / 10);
  }
  return {
    items: items.map((c) => row(c, true)),
    nextCursor: page.length > input.limit ? encodeCursor(items[items.length - 1]) : null,
    withdrawn: withdrawn.map((c) => row(c, false)),
    managers: [...managers.values()].sort((a, b) => b.due - a.due).map((m) => ({ managerName: m.managerName, staffId: m.staffId, due: m.due, medianConfirmDays: median(m.waits) })),
  };
});

/** One carrier as its editor needs it. Readable by whoever may read its district; `listed` says where it is. */
export const adminCarrierGetAction = defineAction(adminCarrierGetContract, async (deps, ctx, input) => {
  const office = await openOffice(deps, ctx);
  const found = await getAnyCarrier(deps.store, input.carrierId);
  if (!found) throw new DomainError('CARRIER.NOT_FOUND', ['carrierId']);
  const { carrier: c, listed } = found;
  const district = c.districtId === office.home._id ? office.home : await getDistrict(deps.store, c.districtId);
  if (!district || !canReadDistrict(office.staff, office.home, district)) throw new DomainError('CARRIER.NOT_FOUND', ['carrierId']);
  return {
    carrierId: c._id,
    listed,
    edit: {
      type: c.type,
      name: c.name,
      street: c.street,
      address: c.address,
      totalArea: c.totalArea,
      vacantArea: c.vacantArea,
      floors: c.floors ?? null,
      priceMin: c.priceMin,
      priceMax: c.priceMax,
      priceUnit: c.priceUnit,
      facilities: c.facilities,
      suitedIndustries: c.suitedIndustries,
      policies: c.policies,
      managerName: c.managerName,
      managerPhone: c.managerPhone,
      managerStaffId: c.managerStaffId ?? null,
      unitId: c.unitId ?? null,
      location: c.location,
      photos: c.photos,
      nameEn: c.nameEn ?? '',
      streetEn: c.streetEn ?? '',
      addressEn: c.addressEn ?? '',
      facilitiesEn: c.facilitiesEn ?? [],
      suitedIndustriesEn: c.suitedIndustriesEn ?? [],
      policiesEn: c.policiesEn ?? [],
      managerNameEn: c.managerNameEn ?? '',
    },
    photoReviews: (c.photoReviews ?? []).map((r) => ({ ref: r.ref, status: r.status, reason: r.reason, uploadedAt: r.uploadedAt })),
    lastVerifiedAt: c.lastVerifiedAt,
    updatedAt: c.updatedAt,
  };
});
