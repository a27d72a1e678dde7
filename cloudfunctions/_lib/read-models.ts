import type { CarrierDetail, CarrierSummary, DistrictView, Person } from '../../domain/api/views.schema';
import type { Card } from '../../domain/card/card.schema';
import type { Carrier } from '../../domain/carrier/carrier.schema';
import type { District } from '../../domain/org/district.schema';
import type { Staff } from '../../domain/org/staff.schema';

/** Entity → read model mappings shared by every action that shows the same thing. */

export const toCarrierSummary = (c: Carrier): CarrierSummary => ({
  id: c._id,
  type: c.type,
  name: c.name,
  street: c.street,
  totalArea: c.totalArea,
  vacantArea: c.vacantArea,
  hasVacancy: c.hasVacancy,
  priceMin: c.priceMin,
  priceMax: c.priceMax,
  priceUnit: c.priceUnit,
  photo: c.photos[0] ?? null,
  suitedIndustries: c.suitedIndustries,
  lastVerifiedAt: c.lastVerifiedAt,
});

export const toCarrierDetail = (c: Carrier, district: Pick<District, 'name' | 'isDemo'>): CarrierDetail => ({
  ...toCarrierSummary(c),
  districtId: c.districtId,
  districtName: district.name,
  isDemo: district.isDemo,
  address: c.address,
  floors: c.floors ?? null,
  facilities: c.facilities,
  policies: c.policies,
  photos: c.photos,
  managerName: c.managerName,
  managerPhone: c.managerPhone,
  location: c.location,
});

/** A person as the public sees them: private fields are null unless their card makes them public. */
export const toPerson = (staff: Staff, unitName: string, card: Card | null): Person => {
  // Without a card nobody has chosen what to publish: keep private contact details private.
  const visible = card?.visibility ?? { phone: false, wechatId: false, wechatQr: false };
  return {
    staffId: staff._id,
    cardId: card?._id ?? null,
    unitId: staff.unitId,
    name: staff.name,
    title: staff.title,
    unitName,
    photo: staff.photo ?? null,
    phone: visible.phone ? staff.phone : null,
    wechatId: visible.wechatId ? (staff.wechatId ?? null) : null,
    wechatQr: visible.wechatQr ? (staff.wechatQr ?? null) : null,
    industryFocus: staff.industryFocus,
  };
};

export const toDistrictView = (d: District): DistrictView => ({
  id: d._id,
  name: d.name,
  slogan: d.slogan,
  intro: d.intro,
  keyIndustries: d.keyIndustries,
  headlineFigures: d.headlineFigures,
  policyHighlights: d.policyHighlights,
  coverImage: d.coverImage ?? null,
  isDemo: d.isDemo,
  firstResponseHours: d.sla.firstResponseHours,
});
