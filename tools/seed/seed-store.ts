import * as v from 'valibot';
import { CardSchema } from '../../domain/card/card.schema';
import { CarrierSchema } from '../../domain/carrier/carrier.schema';
import { DistrictSchema } from '../../domain/org/district.schema';
import { StaffSchema } from '../../domain/org/staff.schema';
import { TeamSchema } from '../../domain/org/team.schema';
import { UnitSchema } from '../../domain/org/unit.schema';
import { COLLECTIONS } from '../../cloudfunctions/_lib/store/collections';
import type { DocumentStore } from '../../cloudfunctions/_lib/store/store-port';
import { buildDemoDistrict, type SeedCollections } from './demo-district';

const SCHEMAS: Record<string, v.GenericSchema> = {
  [COLLECTIONS.districts.name]: DistrictSchema,
  [COLLECTIONS.units.name]: UnitSchema,
  [COLLECTIONS.staff.name]: StaffSchema,
  [COLLECTIONS.cards.name]: CardSchema,
  [COLLECTIONS.carriers.name]: CarrierSchema,
  [COLLECTIONS.teams.name]: TeamSchema,
};

/** Seed documents must satisfy the same schemas as everything else; a bad seed fails loudly here. */
export const validateSeed = (seed: SeedCollections): void => {
  for (const [collection, docs] of Object.entries(seed)) {
    const schema = SCHEMAS[collection];
    if (!schema) continue;
    for (const doc of docs) {
      const r = v.safeParse(schema, doc);
      if (!r.success) {
        const issue = r.issues[0];
        throw new Error(`seed ${collection}/${doc._id}: ${issue.path?.map((p) => String(p.key)).join('.')} ${issue.message}`);
      }
    }
  }
};

/** Inserts the demo district once; a database that already has districts is left alone. */
export const seedIfEmpty = async (store: DocumentStore, now: Date): Promise<boolean> => {
  if ((await store.count(COLLECTIONS.districts.name)) > 0) return false;
  const seed = buildDemoDistrict(now);
  validateSeed(seed);
  for (const [collection, docs] of Object.entries(seed)) {
    for (const doc of docs) await store.insert(collection, doc);
  }
  return true;
};
