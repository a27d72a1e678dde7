import type { CarrierDetail, CarrierSummary, DistrictView, Person } from '../../domain/api/views.schema';
import type { Card } from '../../domain/card/card.schema';
import type { Carrier } from '../../domain/carrier/carrier.schema';
import { contentPicker, englishOf, type ContentLanguage } from '../../domain/common/content-language';
import type { District } from '../../domain/org/district.schema';
import type { Staff } from '../../domain/org/staff.schema';

/**
 * Entity → read model mappings shared by every action that shows the same thing. Given a language, each text is
 * its English variant where one exists, and the view's `fallbackZh` names those still in Chinese.
 */

/** `fallbackZh` only on English reads: Chinese views keep their old shape. */
const withFallbacks = <T extends object>(view: T, fallbackZh: string[] | undefined): T => (fallbackZh ? { ...view, fallbackZh } : view);

export const toCarrierSummary = (c: Carrier, lang?: ContentLanguage): CarrierSummary => {
  const pick = contentPicker(lang);
  return withFallbacks(
    {
      id: c._id,
      type: c.type,
      name: pick.text('name', c.name, c.nameEn),
      street: pick.text('street', c.street, c.streetEn),
      totalArea: c.totalArea,
      vacantArea: c.vacantArea,
      hasVacancy: c.hasVacancy,
      priceMin: c.priceMin,
      priceMax: c.priceMax,
      priceUnit: c.priceUnit,
      photo: c.photos[0] ?? null,
      suitedIndustries: pick.list('suitedIndustries', c.suitedIndustries, c.suitedIndustriesEn),
      lastVerifiedAt: c.lastVerifiedAt,
      ...(lang === 'en' ? { streetZh: c.street } : {}),
    },
    pick.fallbackZh(),
  );
};

/**
 * `manager`: the staff member the carrier names as its manager (`managerStaffId`), if read: their English name
 * stands in for a carrier without `managerNameEn`.
 */
export const toCarrierDetail = (c: Carrier, district: Pick<District, 'name' | 'nameEn' | 'isDemo'>, lang?: ContentLanguage, manager?: Pick<Staff, 'nameEn'> | null): CarrierDetail => {
  const pick = contentPicker(lang);
  const summary = toCarrierSummary(c, lang);
  const detail: CarrierDetail = {
    ...summary,
    districtId: c.districtId,
    districtName: pick.text('districtName', district.name, district.nameEn),
    isDemo: district.isDemo,
    address: pick.text('address', c.address, c.addressEn),
    floors: c.floors ?? null,
    facilities: pick.list('facilities', c.facilities, c.facilitiesEn),
    policies: pick.list('policies', c.policies, c.policiesEn),
    photos: c.photos,
    managerName: pick.text('managerName', c.managerName, c.managerNameEn?.trim() || manager?.nameEn),
    managerPhone: c.managerPhone,
    location: c.location,
  };
  const own = pick.fallbackZh();
  return own ? { ...detail, fallbackZh: [...(summary.fallbackZh ?? []), ...own] } : detail;
};

/** What a person's view may translate: their unit's English name and the district's industry names. */
export interface PersonContext {
  lang?: ContentLanguage;
  unitNameEn?: string | undefined;
  district?: Pick<District, 'keyIndustries' | 'keyIndustriesEn'>;
}

/** A person as the public sees them: private fields are null unless their card makes them public. */
export const toPerson = (staff: Staff, unitName: string, card: Card | null, context: PersonContext = {}): Person => {
  // Without a card nobody has chosen what to publish: keep private contact details private.
  const visible = card?.visibility ?? { phone: false, wechatId: false, wechatQr: false };
  const pick = contentPicker(context.lang);
  const industries = context.district;
  return withFallbacks(
    {
      staffId: staff._id,
      cardId: card?._id ?? null,
      unitId: staff.unitId,
      // The card's own English wins (its owner wrote it); else the office's English for the person.
      name: pick.text('name', staff.name, card?.nameEn?.trim() || staff.nameEn),
      title: pick.text('title', staff.title, card?.titleEn?.trim() || staff.titleEn),
      unitName: pick.text('unitName', unitName, context.unitNameEn),
      photo: staff.photo ?? null,
      phone: visible.phone ? staff.phone : null,
      wechatId: visible.wechatId ? (staff.wechatId ?? null) : null,
      wechatQr: visible.wechatQr ? (staff.wechatQr ?? null) : null,
      industryFocus: staff.industryFocus.map((industry, i) =>
        pick.text(`industryFocus.${i}`, industry, industries ? englishOf(industry, industries.keyIndustries, industries.keyIndustriesEn) : undefined),
      ),
    },
    pick.fallbackZh(),
  );
};

export const toDistrictView = (d: District, lang?: ContentLanguage): DistrictView => {
  const pick = contentPicker(lang);
  return withFallbacks(
    {
      id: d._id,
      name: pick.text('name', d.name, d.nameEn),
      slogan: pick.text('slogan', d.slogan, d.sloganEn),
      intro: pick.text('intro', d.intro, d.introEn),
      keyIndustries: pick.list('keyIndustries', d.keyIndustries, d.keyIndustriesEn),
      headlineFigures: d.headlineFigures.map((f, i) => ({
        label: pick.text(`headlineFigures.${i}.label`, f.label, f.labelEn),
        value: pick.text(`headlineFigures.${i}.value`, f.value, f.valueEn),
      })),
      policyHighlights: pick.list('policyHighlights', d.policyHighlights, d.policyHighlightsEn),
      coverImage: d.coverImage ?? null,
      isDemo: d.isDemo,
      firstResponseHours: d.sla.firstResponseHours,
      ...(lang === 'en' ? { keyIndustriesZh: d.keyIndustries } : {}),
    },
    pick.fallbackZh(),
  );
};
