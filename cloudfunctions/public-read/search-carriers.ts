import { searchCarriersContract } from '../../domain/api/public-read.contracts';
import { carrierTypeForKeyword, decodeCursor, encodeCursor, normaliseKeyword, SORT_KEYS } from '../../domain/carrier/carrier-search.rules';
import { DomainError } from '../../domain/common/result';
import { defineAction } from '../_lib/define-action';
import { toCarrierSummary } from '../_lib/read-models';
import { countMatchingCarriers, findCarriers } from '../_lib/repositories/carrier.repository';
import type { FieldCondition, Where } from '../_lib/store/store-port';

/**
 * Filtered, sorted carrier list with keyset pagination (no OFFSET: stable and fast at any depth). The price sort
 * groups by price unit, then orders by price within each unit.
 */
export const searchCarriersAction = defineAction(searchCarriersContract, async (deps, _ctx, input) => {
  const key = SORT_KEYS[input.sort];
  const where: Where = { districtId: input.districtId };
  // A keyword that names a kind of carrier («园区», «写字楼») searches that type, unless another type is chosen.
  const named = input.keyword ? carrierTypeForKeyword(input.keyword) : null;
  const keywordType = named && (!input.type || input.type === named) ? named : null;
  const type = input.type ?? keywordType;
  if (type) where.type = type;
  if (input.street) where.street = input.street;
  if (input.industry) where.suitedIndustries = { has: input.industry };
  if (input.keyword && !keywordType) where.searchText = { contains: normaliseKeyword(input.keyword) };
  if (input.hasVacancy) where.hasVacancy = true;
  if (input.minVacantArea !== undefined || input.maxVacantArea !== undefined) {
    const range: Exclude<FieldCondition, string | number | boolean | null> = {};
    if (input.minVacantArea !== undefined) range.gte = input.minVacantArea;
    if (input.maxVacantArea !== undefined) range.lte = input.maxVacantArea;
    where.vacantArea = range;
  }
  // A ceiling is in one unit: 3.5 元/㎡·天 and 3.5 万元/亩 are different worlds.
  if (input.maxPrice !== undefined && input.priceUnit === undefined) throw new DomainError('VALIDATION.INVALID_INPUT', ['priceUnit']);
  if (input.priceUnit) where.priceUnit = input.priceUnit;
  if (input.maxPrice !== undefined) where.priceMin = { lte: input.maxPrice };

  const after = (value: string | number) => (key.direction === 'desc' ? { lt: value } : { gt: value });
  let anyOf: Where[] | undefined;
  if (input.cursor) {
    const cursor = decodeCursor(input.cursor, input.sort);
    if (!cursor) throw new DomainError('VALIDATION.INVALID_INPUT', ['cursor']);
    // The tie-break runs in the sort's direction so one index serves the whole ORDER BY (no temp B-tree).
    const within: Where[] = [{ [key.field]: after(cursor.value) }, { [key.field]: cursor.value, _id: after(cursor.id) }];
    anyOf = key.group && cursor.group ? [{ [key.group]: after(cursor.group) }, ...within.map((w) => ({ [key.group as string]: cursor.group as string, ...w }))] : within;
  }

  // The count goes out beside the page (same wave), on the first page only: later pages keep the first's figure.
  const [rows, total] = await Promise.all([
    findCarriers(deps.store, {
      where,
      anyOf,
      orderBy: [...(key.group ? [{ field: key.group, direction: key.direction }] : []), { field: key.field, direction: key.direction }, { field: '_id', direction: key.direction }],
      limit: input.limit + 1,
    }),
    input.cursor ? null : countMatchingCarriers(deps.store, where),
  ]);
  const page = rows.slice(0, input.limit);
  const hasMore = rows.length > input.limit;
  return {
    items: page.map((c) => toCarrierSummary(c, input.lang)),
    nextCursor: hasMore && page.length ? encodeCursor(input.sort, page[page.length - 1]) : null,
    total,
    keywordType,
  };
});
