import { adminDistrictGetContract, adminDistrictUpdateContract } from '../../domain/api/admin.contracts';
import { confirmCycleDays } from '../../domain/carrier/vacancy.rules';
import { DomainError } from '../../domain/common/result';
import { canWriteDistrict } from '../../domain/org/admin-access.rules';
import type { District } from '../../domain/org/district.schema';
import { DEFAULT_POOL_RULES } from '../../domain/org/pool-rules.schema';
import { missingCalendarYears } from '../../domain/calendar/working-calendar.rules';
import { WEEKENDS_ONLY } from '../../domain/calendar/working-calendar.schema';
import { defineAction } from '../_lib/define-action';
import { recordAudit } from '../_lib/repositories/audit.repository';
import { getCard, listDistrictCards } from '../_lib/repositories/card.repository';
import { getDistrictTx, updateDistrictFields } from '../_lib/repositories/org-admin.repository';
import { listDistrictStaff } from '../_lib/repositories/staff.repository';
import { actorOf, auditEntry, openOffice, openOfficeForWrite, requireDistrictAdmin, snapshot } from './office-context';

const profileOf = (d: District) => ({
  name: d.name,
  slogan: d.slogan,
  intro: d.intro,
  keyIndustries: d.keyIndustries,
  headlineFigures: d.headlineFigures,
  policies: d.policies ?? d.policyHighlights.map((title) => ({ title, summary: '', fileId: null })),
  coverImage: d.coverImage ?? null,
  defaultCardId: d.defaultCardId ?? null,
  vacancyConfirmDays: confirmCycleDays(d),
  nameEn: d.nameEn ?? '',
  sloganEn: d.sloganEn ?? '',
  introEn: d.introEn ?? '',
  keyIndustriesEn: d.keyIndustriesEn ?? [],
});

export const adminDistrictGetAction = defineAction(adminDistrictGetContract, async (deps, ctx, input) => {
  const office = await openOffice(deps, ctx, input.districtId);
  const { district } = office;
  const [cards, staff] = await Promise.all([listDistrictCards(deps.store, district._id), listDistrictStaff(deps.store, district._id)]);
  const byId = new Map(staff.map((s) => [s._id, s]));
  return {
    districtId: district._id,
    profile: profileOf(district),
    updatedAt: district.updatedAt,
    canEdit: canWriteDistrict(office.staff, district._id),
    sla: district.sla,
    cards: cards.flatMap((c) => {
      const owner = byId.get(c.staffId);
      return owner ? [{ cardId: c._id, ownerName: owner.name, ownerTitle: owner.title }] : [];
    }),
    poolRules: district.poolRules ?? DEFAULT_POOL_RULES,
    calendarMissingYears: missingCalendarYears(district.workingCalendar ?? WEEKENDS_ONLY, ctx.now),
  };
});

/**
 * The district's public profile. card.get reads the district document on every call and the app revalidates
 * its device copy on every open, so a saved change is what the next card view shows.
 */
export const adminDistrictUpdateAction = defineAction(adminDistrictUpdateContract, async (deps, ctx, input) => {
  const office = await openOfficeForWrite(deps, ctx);
  requireDistrictAdmin(office);
  const districtId = office.home._id;
  if (input.defaultCardId) {
    const card = await getCard(deps.store, input.defaultCardId);
    if (!card || card.districtId !== districtId) throw new DomainError('CARD.NOT_FOUND', ['defaultCardId']);
  }
  if (new Set(input.keyIndustries).size !== input.keyIndustries.length) throw new DomainError('ADMIN.INVALID_VALUE', ['keyIndustries']);
  // English industries translate the Chinese ones item by item: never more of them.
  if ((input.keyIndustriesEn?.length ?? 0) > input.keyIndustries.length) throw new DomainError('ADMIN.INVALID_VALUE', ['keyIndustriesEn']);
  const english = [input.nameEn, input.sloganEn, input.introEn, ...(input.keyIndustriesEn ?? []), ...input.headlineFigures.flatMap((f) => [f.labelEn, f.valueEn]), ...input.policies.flatMap((p) => [p.titleEn, p.summaryEn])];
  const checked = await deps.contentCheck.check(
    [input.name, input.slogan, input.intro, ...input.policies.map((p) => `${p.title} ${p.summary}`), ...english.filter((s): s is string => Boolean(s))].join('\n'),
    ctx.openid,
  );
  if (checked === 'risky') throw new DomainError('CONTENT.REJECTED', ['intro']);

  const updatedAt = ctx.now.toISOString();
  const set: Partial<District> = {
    name: input.name,
    slogan: input.slogan,
    intro: input.intro,
    keyIndustries: input.keyIndustries,
    headlineFigures: input.headlineFigures,
    policies: input.policies.map((p) => ({ title: p.title, summary: p.summary, fileId: p.fileId ?? null, titleEn: p.titleEn ?? '', summaryEn: p.summaryEn ?? '' })),
    // The card shows titles; the detailed list lives beside them.
    policyHighlights: input.policies.map((p) => p.title),
    policyHighlightsEn: input.policies.map((p) => p.titleEn ?? ''),
    nameEn: input.nameEn ?? '',
    sloganEn: input.sloganEn ?? '',
    introEn: input.introEn ?? '',
    keyIndustriesEn: input.keyIndustriesEn ?? [],
    coverImage: input.coverImage,
    defaultCardId: input.defaultCardId,
    vacancyConfirmDays: input.vacancyConfirmDays,
    updatedAt,
  };
  const clean = snapshot(set);
  await deps.store.transaction(async (tx) => {
    const before = await getDistrictTx(tx, districtId);
    if (!before) throw new DomainError('DISTRICT.NOT_FOUND');
    await updateDistrictFields(tx, districtId, clean);
    await recordAudit(tx, auditEntry(deps, ctx, actorOf(office), 'district.update', { kind: 'district', id: districtId }, snapshot(profileOf(before)), snapshot({ ...profileOf({ ...before, ...clean } as District) })));
  });
  return { districtId, updatedAt };
});
