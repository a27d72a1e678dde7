import { getMyCardContract, updateMyCardContract } from '../../domain/api/sharing.contracts';
import type { Card } from '../../domain/card/card.schema';
import { DomainError } from '../../domain/common/result';
import type { Staff } from '../../domain/org/staff.schema';
import { defineAction, requireStaff } from '../_lib/define-action';
import { findCardByStaff, saveCardWithProfile } from '../_lib/repositories/card.repository';
import { findCarriers, getCarrier, getCarriersByIds } from '../_lib/repositories/carrier.repository';
import { getDistrict } from '../_lib/repositories/org.repository';
import { getStaff, listDistrictStaff } from '../_lib/repositories/staff.repository';

const isLeader = (s: Staff) => s.roles.includes('unit_leader') || s.roles.includes('admin');

/** A staff member without a card yet gets one on first save ("I can't create my own card" is a known complaint). */
const defaultCard = (staff: Staff, now: Date): Card => ({
  _id: `card-${staff._id}`,
  districtId: staff.districtId,
  staffId: staff._id,
  greeting: '',
  visibility: { phone: true, wechatId: true, wechatQr: true },
  featuredCarrierIds: [],
  featuredIndustries: [],
  updatedAt: now.toISOString(),
});

export const getMyCardAction = defineAction(getMyCardContract, async (deps, ctx) => {
  const staff = requireStaff(ctx);
  const [card, district, carriers, colleagues] = await Promise.all([
    findCardByStaff(deps.store, staff._id),
    getDistrict(deps.store, staff.districtId),
    findCarriers(deps.store, { where: { districtId: staff.districtId }, orderBy: [{ field: 'vacantArea', direction: 'desc' }, { field: '_id', direction: 'desc' }], limit: 200 }),
    listDistrictStaff(deps.store, staff.districtId),
  ]);
  if (!district) throw new DomainError('DISTRICT.NOT_FOUND');
  const c = card ?? defaultCard(staff, ctx.now);
  // The form carries only what a save accepts: an industry the district no longer lists, or a carrier taken off the
  // market, would otherwise make the person's own unchanged card impossible to save.
  const featured = await getCarriersByIds(deps.store, c.featuredCarrierIds);
  return {
    cardId: c._id,
    edit: {
      greeting: c.greeting,
      visibility: c.visibility,
      featuredCarrierIds: c.featuredCarrierIds.filter((id) => featured.get(id)?.districtId === staff.districtId),
      featuredIndustries: c.featuredIndustries.filter((industry) => district.keyIndustries.includes(industry)),
      onDutyStaffId: c.onDutyStaffId ?? null,
      title: staff.title,
      greetingEn: c.greetingEn ?? '',
      nameEn: c.nameEn ?? '',
      titleEn: c.titleEn ?? '',
      wechatId: staff.wechatId ?? null,
      wechatQr: staff.wechatQr ?? null,
      photo: staff.photo ?? null,
    },
    districtIndustries: district.keyIndustries,
    carriers: carriers.map((x) => ({ id: x._id, name: x.name })),
    colleagues: colleagues.filter((s) => s._id !== staff._id && s.roles.includes('commissioner')).map((s) => ({ staffId: s._id, name: s.name, title: s.title })),
    isLeader: isLeader(staff),
  };
});

/** Saves the fields a person controls; the district's slogan, intro and industries stay admin-only. */
export const updateMyCardAction = defineAction(updateMyCardContract, async (deps, ctx, input) => {
  const staff = requireStaff(ctx);
  const district = await getDistrict(deps.store, staff.districtId);
  if (!district) throw new DomainError('DISTRICT.NOT_FOUND');
  const bad: string[] = [];
  for (const industry of input.featuredIndustries) if (!district.keyIndustries.includes(industry)) bad.push('featuredIndustries');
  const carriers = await Promise.all(input.featuredCarrierIds.map((id) => getCarrier(deps.store, id)));
  if (carriers.some((c) => !c || c.districtId !== staff.districtId)) bad.push('featuredCarrierIds');
  if (new Set(input.featuredCarrierIds).size !== input.featuredCarrierIds.length) bad.push('featuredCarrierIds');
  if (bad.length) throw new DomainError('VALIDATION.INVALID_INPUT', [...new Set(bad)]);
  // Cards are public: what a person writes on theirs passes the same content check as an inquiry.
  const english = [input.greetingEn, input.nameEn, input.titleEn].filter((s): s is string => Boolean(s));
  if ((await deps.contentCheck.check([input.greeting, input.title, ...english].join('\n'), ctx.openid)) === 'risky') throw new DomainError('CONTENT.REJECTED', ['greeting']);

  const existing = await findCardByStaff(deps.store, staff._id);
  if (input.onDutyStaffId !== (existing?.onDutyStaffId ?? null)) {
    if (input.onDutyStaffId !== null) {
      if (!isLeader(staff)) throw new DomainError('AUTH.FORBIDDEN');
      const duty = await getStaff(deps.store, input.onDutyStaffId);
      if (!duty || duty.status !== 'active' || duty.districtId !== staff.districtId || duty._id === staff._id || !duty.roles.includes('commissioner')) {
        throw new DomainError('STAFF.NOT_FOUND', ['onDutyStaffId']);
      }
    }
  }

  const now = ctx.now.toISOString();
  const card: Card = {
    ...(existing ?? defaultCard(staff, ctx.now)),
    greeting: input.greeting,
    visibility: input.visibility,
    featuredCarrierIds: input.featuredCarrierIds,
    featuredIndustries: input.featuredIndustries,
    // Absent (an older app) keeps what is stored; empty clears it.
    ...(input.greetingEn !== undefined ? { greetingEn: input.greetingEn } : {}),
    ...(input.nameEn !== undefined ? { nameEn: input.nameEn } : {}),
    ...(input.titleEn !== undefined ? { titleEn: input.titleEn } : {}),
    updatedAt: now,
  };
  if (input.onDutyStaffId) card.onDutyStaffId = input.onDutyStaffId;
  else delete card.onDutyStaffId;

  await saveCardWithProfile(deps.store, card, existing !== null, staff._id, {
    title: input.title,
    wechatId: input.wechatId ?? null,
    wechatQr: input.wechatQr ?? null,
    photo: input.photo ?? null,
  });
  return { cardId: card._id, updatedAt: now };
});
