import { getCardContract } from '../../domain/api/public-read.contracts';
import type { Carrier } from '../../domain/carrier/carrier.schema';
import { contentPicker, englishOf } from '../../domain/common/content-language';
import { DomainError } from '../../domain/common/result';
import { defineAction } from '../_lib/define-action';
import { toCarrierSummary, toDistrictView, toPerson } from '../_lib/read-models';
import { findCardByStaff, getCard } from '../_lib/repositories/card.repository';
import { findCarriers, getCarriersByIds } from '../_lib/repositories/carrier.repository';
import { firstDistrict, getDistrict, listUnits } from '../_lib/repositories/org.repository';
import { getShare } from '../_lib/repositories/share.repository';
import { getStaffByIds } from '../_lib/repositories/staff.repository';
import { shareImageFingerprint } from '../_lib/share-image-fingerprint';
import { cardShareImageContent, currentShareImages } from '../../domain/share/share-image.rules';

const HIGHLIGHTS = 3;

/**
 * The whole card page in one round trip, two waves of database requests when the link names the card: the card
 * (and share) first, then everything the card points to at once — district, owner and on-duty person in one
 * read, the district's units, the on-duty person's card, the featured carriers in one read. The owner's card is
 * the card itself.
 */
export const getCardAction = defineAction(getCardContract, async (deps, _ctx, input) => {
  const [share, named] = await Promise.all([input.shareCode ? getShare(deps.store, input.shareCode) : null, input.cardId ? getCard(deps.store, input.cardId) : null]);
  let card = named;
  if (!input.cardId) {
    const cardId = share?.cardId ?? (await firstDistrict(deps.store))?.defaultCardId;
    card = cardId ? await getCard(deps.store, cardId) : null;
  }
  if (!card) throw new DomainError('CARD.NOT_FOUND');

  const onDutyId = card.onDutyStaffId && card.onDutyStaffId !== card.staffId ? card.onDutyStaffId : null;
  const [district, people, units, onDutyCard, featured] = await Promise.all([
    getDistrict(deps.store, card.districtId),
    getStaffByIds(deps.store, [card.staffId, onDutyId]),
    listUnits(deps.store, card.districtId),
    onDutyId ? findCardByStaff(deps.store, onDutyId) : null,
    card.featuredCarrierIds.length > 0 ? getCarriersByIds(deps.store, card.featuredCarrierIds) : new Map<string, Carrier>(),
  ]);
  if (!district) throw new DomainError('DISTRICT.NOT_FOUND');
  const owner = people.get(card.staffId);
  const onDuty = card.onDutyStaffId === card.staffId ? owner : onDutyId ? (people.get(onDutyId) ?? null) : null;
  // A revoked owner's card lives on only through a successor who answers it; their own contact is never shown.
  const departed = owner?.status === 'revoked';
  if (!owner || (departed && onDuty?.status !== 'active')) throw new DomainError('CARD.NOT_FOUND');

  const inDistrict = card.featuredCarrierIds.map((id) => featured.get(id)).filter((c): c is Carrier => c !== undefined && c.districtId === district._id);
  const carriers =
    inDistrict.length > 0
      ? inDistrict.slice(0, HIGHLIGHTS)
      : await findCarriers(deps.store, {
          where: { districtId: district._id, hasVacancy: true },
          orderBy: [{ field: 'vacantArea', direction: 'desc' }, { field: '_id', direction: 'desc' }],
          limit: HIGHLIGHTS,
        });
  const unitName = (unitId: string) => units.find((u) => u._id === unitId)?.name ?? '';
  const { lang } = input;
  const personContext = (unitId: string) => ({ lang, unitNameEn: units.find((u) => u._id === unitId)?.nameEn, district });
  // The card's own texts: the greeting, and its featured industries in the district's English names.
  const pick = contentPicker(lang);
  const industries = card.featuredIndustries.length ? card.featuredIndustries : district.keyIndustries.slice(0, 4);
  // Share images only while they still show what the card says (a departed owner's card has none).
  const shareImages = departed ? null : currentShareImages(card.shareImages, shareImageFingerprint(cardShareImageContent({ district, owner, unitName: unitName(owner.unitId) })));

  return {
    cardId: card._id,
    greeting: pick.text('greeting', card.greeting, card.greetingEn),
    district: toDistrictView(district, lang),
    owner: toPerson(owner, unitName(owner.unitId), departed ? null : card, personContext(owner.unitId)),
    ...(departed ? { ownerDeparted: true as const } : {}),
    contact: onDuty && onDuty.status === 'active' ? toPerson(onDuty, unitName(onDuty.unitId), onDuty._id === owner._id ? card : onDutyCard, personContext(onDuty.unitId)) : null,
    featuredIndustries: industries.map((industry, i) => pick.text(`featuredIndustries.${i}`, industry, englishOf(industry, district.keyIndustries, district.keyIndustriesEn))),
    highlightedCarriers: carriers.map((c) => toCarrierSummary(c, lang)),
    shareCode: share && share.cardId === card._id ? share._id : null,
    ...(shareImages ? { shareImages } : {}),
    ...(lang === 'en' ? { fallbackZh: pick.fallbackZh() } : {}),
  };
});
