/**
 * The DocumentStore contract. Every adapter (SQLite for the local cloud, WeChat cloud through the real
 * wx-server-sdk) runs this same suite, so repositories written against the port behave the same on both.
 */
import type { DocumentStore, FindQuery, StoredDoc, StoreErrorCode, TransactionStore, UpdateOps, Where } from '../../cloudfunctions/_lib/store/store-port';

export interface StoreHarness {
  store: DocumentStore;
  close(): Promise<void>;
}

const ITEMS = 'contract_items';
const PAGES = 'contract_pages';
const DOCS = 'contract_docs';
const ACCOUNTS = 'contract_accounts';
const COUNTERS = 'contract_counters';
/** The suite's own collections: an adapter's environment must have them before the suite runs. */
export const CONTRACT_COLLECTIONS = [ITEMS, PAGES, DOCS, ACCOUNTS, COUNTERS, 'contract_empty'] as const;

/** Mixed on purpose: a number where a boolean is elsewhere, a string where a number is, missing and null fields. */
const ITEM_FIXTURES: StoredDoc[] = [
  { _id: 'i01', name: '标准厂房 A 栋', kind: 'plant', area: 1200, verified: true, tags: ['厂房', 'rail'], owner: { name: 'Li', level: 3 }, note: null },
  { _id: 'i02', name: 'Tesla Gigafactory', kind: 'plant', area: 800, verified: false, tags: ['ev'], owner: { name: 'Wang', level: 1 } },
  { _id: 'i03', name: 'Office (Tower) 2', kind: 'office', area: 300, verified: true, tags: [], owner: { name: 'Li', level: 2 }, note: 'corner' },
  { _id: 'i04', name: 'a.*b literal', kind: 'office', area: 300, verified: 1, tags: ['rail', 7] },
  { _id: 'i05', name: '100%_discount', kind: 'land', area: '500', verified: 0, tags: 'rail' },
  { _id: 'i06', name: 'axxb warehouse', kind: 'land', area: 50, verified: false, owner: { name: 'Zhao', level: 5 } },
];

const rejectsWith = async (p: Promise<unknown>, code: StoreErrorCode): Promise<void> => {
  await expect(p).rejects.toMatchObject({ name: 'StoreError', code });
};

const sorted = (ids: string[]): string[] => [...ids].sort();

export function describeStoreContract(name: string, makeStore: () => Promise<StoreHarness>): void {
  describe(`DocumentStore contract: ${name}`, () => {
    let harness: StoreHarness;
    let store: DocumentStore;

    beforeEach(async () => {
      harness = await makeStore();
      store = harness.store;
    });

    afterEach(async () => {
      await harness.close();
    });

    const seedItems = async (): Promise<void> => {
      for (const doc of ITEM_FIXTURES) await store.insert(ITEMS, doc);
    };
    /** Ids matching `where`, order-independent. */
    const idsWhere = async (where: Where, extra: Partial<FindQuery> = {}): Promise<string[]> =>
      sorted((await store.find(ITEMS, { where, limit: 100, ...extra })).map((d) => d._id));
    const idsInOrder = async (query: FindQuery, collection = ITEMS): Promise<string[]> => (await store.find(collection, query)).map((d) => d._id);

    describe('insert and get', () => {
      test('a document round-trips unchanged', async () => {
        const doc = {
          _id: 'd1',
          title: '园区 “厂房” 招商 ✓ 𠮷',
          n: 42,
          x: 0.125,
          neg: -3,
          flag: false,
          none: null,
          list: [1, 'two', true, null, { three: [3] }],
          nested: { a: { b: { c: 'deep' } }, empty: {}, arr: [] },
        };
        await store.insert(DOCS, doc);
        expect(await store.get(DOCS, 'd1')).toEqual(doc);
      });

      test('get of a missing id is null', async () => {
        expect(await store.get(DOCS, 'nope')).toBeNull();
      });

      test('inserting an existing _id fails with STORE.DUPLICATE_ID and keeps the original', async () => {
        await store.insert(DOCS, { _id: 'dup', v: 1 });
        await rejectsWith(store.insert(DOCS, { _id: 'dup', v: 2 }), 'STORE.DUPLICATE_ID');
        expect(await store.get(DOCS, 'dup')).toEqual({ _id: 'dup', v: 1 });
        expect(await store.count(DOCS)).toBe(1);
      });

      test('documents that would not store the same everywhere are refused', async () => {
        const bad: unknown[] = [
          { v: 1 },
          { _id: '', v: 1 },
          { _id: 7, v: 1 },
          { _id: 'lone-\uD800-surrogate' },
          { _id: 'a', at: new Date(0) },
          { _id: 'a', n: Number.NaN },
          { _id: 'a', n: Number.POSITIVE_INFINITY },
          { _id: 'a', 'dotted.key': 1 },
          { _id: 'a', nested: { $op: 1 } },
          { _id: 'a', list: [1, undefined] },
        ];
        for (const doc of bad) await rejectsWith(store.insert(DOCS, doc as StoredDoc), 'STORE.INVALID_QUERY');
        expect(await store.count(DOCS)).toBe(0);
      });

      test('invalid collection names are refused', async () => {
        for (const c of ['', 'bad-name', 'a.b', '1abc', 'x y']) {
          await rejectsWith(store.get(c, 'id'), 'STORE.INVALID_QUERY');
          await rejectsWith(store.find(c, { limit: 1 }), 'STORE.INVALID_QUERY');
        }
      });
    });

    describe('find conditions', () => {
      beforeEach(seedItems);

      test('equality on strings, numbers and dotted paths', async () => {
        expect(await idsWhere({ kind: 'plant' })).toEqual(['i01', 'i02']);
        expect(await idsWhere({ area: 300 })).toEqual(['i03', 'i04']);
        expect(await idsWhere({ 'owner.name': 'Li' })).toEqual(['i01', 'i03']);
        expect(await idsWhere({ 'owner.level': { eq: 3 } })).toEqual(['i01']);
        expect(await idsWhere({ kind: 'office', 'owner.name': 'Li' })).toEqual(['i03']);
        expect(await idsWhere({ _id: 'i05' })).toEqual(['i05']);
      });

      test('booleans equal booleans only, not 1 and 0', async () => {
        expect(await idsWhere({ verified: true })).toEqual(['i01', 'i03']);
        expect(await idsWhere({ verified: false })).toEqual(['i02', 'i06']);
        expect(await idsWhere({ verified: 1 })).toEqual(['i04']);
        expect(await idsWhere({ verified: { ne: true } })).toEqual(['i02', 'i04', 'i05', 'i06']);
      });

      test('null matches null and missing fields', async () => {
        const nullOrMissing = ['i01', 'i02', 'i04', 'i05', 'i06'];
        expect(await idsWhere({ note: null })).toEqual(nullOrMissing);
        expect(await idsWhere({ note: { eq: null } })).toEqual(nullOrMissing);
        expect(await idsWhere({ note: { ne: null } })).toEqual(['i03']);
        expect(await idsWhere({ 'owner.name': null })).toEqual(['i04', 'i05']);
      });

      test('ne includes documents without the field', async () => {
        expect(await idsWhere({ kind: { ne: 'plant' } })).toEqual(['i03', 'i04', 'i05', 'i06']);
        expect(await idsWhere({ 'owner.name': { ne: 'Li' } })).toEqual(['i02', 'i04', 'i05', 'i06']);
      });

      test('ranges compare within one type, and combine', async () => {
        expect(await idsWhere({ area: { gt: 300 } })).toEqual(['i01', 'i02']);
        expect(await idsWhere({ area: { gte: 300 } })).toEqual(['i01', 'i02', 'i03', 'i04']);
        expect(await idsWhere({ area: { lt: 300 } })).toEqual(['i06']);
        expect(await idsWhere({ area: { lte: 300 } })).toEqual(['i03', 'i04', 'i06']);
        expect(await idsWhere({ area: { gte: 100, lt: 1000 } })).toEqual(['i02', 'i03', 'i04']);
        expect(await idsWhere({ name: { gte: 'a', lt: 'b' } })).toEqual(['i04', 'i06']);
        expect(await idsWhere({ area: { gte: '' } })).toEqual(['i05']);
        expect(await idsWhere({ _id: { gt: 'i04' } })).toEqual(['i05', 'i06']);
      });

      test('in, with mixed types, null and an empty list', async () => {
        expect(await idsWhere({ kind: { in: ['office', 'land'] } })).toEqual(['i03', 'i04', 'i05', 'i06']);
        expect(await idsWhere({ area: { in: [300, '500'] } })).toEqual(['i03', 'i04', 'i05']);
        expect(await idsWhere({ note: { in: [null, 'corner'] } })).toEqual(['i01', 'i02', 'i03', 'i04', 'i05', 'i06']);
        expect(await idsWhere({ verified: { in: [true] } })).toEqual(['i01', 'i03']);
        expect(await idsWhere({ _id: { in: ['i02', 'i06', 'zz'] } })).toEqual(['i02', 'i06']);
        expect(await idsWhere({ kind: { in: [] } })).toEqual([]);
      });

      test('has: an array element (or the scalar itself), typed', async () => {
        expect(await idsWhere({ tags: { has: 'rail' } })).toEqual(['i01', 'i04', 'i05']);
        expect(await idsWhere({ tags: { has: '厂房' } })).toEqual(['i01']);
        expect(await idsWhere({ tags: { has: 7 } })).toEqual(['i04']);
        expect(await idsWhere({ tags: { has: '7' } })).toEqual([]);
        expect(await idsWhere({ tags: { has: 'rail' }, kind: 'office' })).toEqual(['i04']);
      });

      test('contains: case-insensitive literal substring, 2-character Chinese terms included', async () => {
        expect(await idsWhere({ name: { contains: '厂房' } })).toEqual(['i01']);
        expect(await idsWhere({ name: { contains: 'TESLA' } })).toEqual(['i02']);
        expect(await idsWhere({ name: { contains: 'gigaFACTORY' } })).toEqual(['i02']);
        expect(await idsWhere({ name: { contains: '.*' } })).toEqual(['i04']);
        expect(await idsWhere({ name: { contains: 'a.*b' } })).toEqual(['i04']);
        expect(await idsWhere({ name: { contains: '(' } })).toEqual(['i03']);
        expect(await idsWhere({ name: { contains: '(Tower)' } })).toEqual(['i03']);
        expect(await idsWhere({ name: { contains: '%_' } })).toEqual(['i05']);
        expect(await idsWhere({ name: { contains: '_' } })).toEqual(['i05']);
        expect(await idsWhere({ name: { contains: 'x' } })).toEqual(['i06']);
        expect(await idsWhere({ name: { contains: '' } })).toEqual(['i01', 'i02', 'i03', 'i04', 'i05', 'i06']);
        expect(await idsWhere({ area: { contains: '5' } })).toEqual(['i05']);
      });

      test('anyOf: at least one alternative, on top of where', async () => {
        expect(await idsWhere({ kind: 'plant' }, { anyOf: [{ area: { lt: 1000 } }, { verified: true }] })).toEqual(['i01', 'i02']);
        expect(await idsWhere({}, { anyOf: [{ 'owner.name': 'Zhao' }, { note: 'corner' }] })).toEqual(['i03', 'i06']);
        expect(await idsWhere({ kind: 'land' }, { anyOf: [{ 'owner.level': { gt: 4 } }, { area: '500', verified: 0 }] })).toEqual(['i05', 'i06']);
      });

      test('orderBy: asc puts missing values first, desc last; later keys break ties', async () => {
        const asc = await idsInOrder({ orderBy: [{ field: 'owner.level', direction: 'asc' }, { field: '_id', direction: 'asc' }], limit: 10 });
        expect(asc).toEqual(['i04', 'i05', 'i02', 'i03', 'i01', 'i06']);
        const desc = await idsInOrder({ orderBy: [{ field: 'owner.level', direction: 'desc' }, { field: '_id', direction: 'asc' }], limit: 10 });
        expect(desc).toEqual(['i06', 'i01', 'i03', 'i02', 'i04', 'i05']);
        const byKind = await idsInOrder({ orderBy: [{ field: 'kind', direction: 'desc' }, { field: '_id', direction: 'desc' }], limit: 10 });
        expect(byKind).toEqual(['i02', 'i01', 'i04', 'i03', 'i06', 'i05']);
      });

      test('limit caps the result after sorting', async () => {
        const top = await idsInOrder({ where: { area: { gte: 0 } }, orderBy: [{ field: 'area', direction: 'desc' }], limit: 2 });
        expect(top).toEqual(['i01', 'i02']);
        expect(await store.find(ITEMS, { limit: 1000 })).toHaveLength(6);
      });

      test('limit must be an integer from 1 to 1000', async () => {
        for (const limit of [0, 1001, -1, 1.5, Number.NaN]) await rejectsWith(store.find(ITEMS, { limit }), 'STORE.INVALID_QUERY');
        await rejectsWith(store.find(ITEMS, {} as FindQuery), 'STORE.INVALID_QUERY');
      });

      test('invalid field paths are refused everywhere a path is accepted', async () => {
        for (const path of ['a..b', '$where', 'a-b', '', '1a', 'a.$x', 'a b', 'a.', '.a', 'a.1']) {
          await rejectsWith(store.find(ITEMS, { where: { [path]: 1 }, limit: 1 }), 'STORE.INVALID_QUERY');
          await rejectsWith(store.find(ITEMS, { anyOf: [{ [path]: 1 }], limit: 1 }), 'STORE.INVALID_QUERY');
          await rejectsWith(store.find(ITEMS, { orderBy: [{ field: path, direction: 'asc' }], limit: 1 }), 'STORE.INVALID_QUERY');
          await rejectsWith(store.count(ITEMS, { [path]: 1 }), 'STORE.INVALID_QUERY');
          await rejectsWith(store.update(ITEMS, 'i01', { set: { [path]: 1 } }), 'STORE.INVALID_QUERY');
          await rejectsWith(store.update(ITEMS, 'i01', { inc: { [path]: 1 } }), 'STORE.INVALID_QUERY');
          await rejectsWith(store.update(ITEMS, 'i01', { push: { [path]: [1] } }), 'STORE.INVALID_QUERY');
        }
        expect(await store.get(ITEMS, 'i01')).toEqual(ITEM_FIXTURES[0]);
      });

      test('malformed conditions are refused', async () => {
        const bad: unknown[] = [
          { area: { between: [1, 2] } },
          { area: {} },
          { area: { eq: { nested: 1 } } },
          { area: { gt: true } },
          { area: { gt: null } },
          { tags: { has: null } },
          { tags: { in: 'rail' } },
          { name: { contains: 5 } },
          { area: [300] },
        ];
        for (const where of bad) await rejectsWith(store.find(ITEMS, { where: where as Where, limit: 5 }), 'STORE.INVALID_QUERY');
        await rejectsWith(store.find(ITEMS, { anyOf: [], limit: 5 }), 'STORE.INVALID_QUERY');
        await rejectsWith(store.find(ITEMS, { orderBy: [{ field: 'area', direction: 'up' as 'asc' }], limit: 5 }), 'STORE.INVALID_QUERY');
      });

      test('count, with and without conditions', async () => {
        expect(await store.count(ITEMS)).toBe(6);
        expect(await store.count(ITEMS, { kind: 'plant' })).toBe(2);
        expect(await store.count(ITEMS, { name: { contains: '厂房' } })).toBe(1);
        expect(await store.count(ITEMS, { note: null })).toBe(5);
        expect(await store.count('contract_empty')).toBe(0);
      });
    });

    describe('keyset pagination', () => {
      test('three pages of a compound sort with ties: no duplicates, no gaps', async () => {
        const docs = Array.from({ length: 25 }, (_, i) => ({ _id: `p${String(i).padStart(2, '0')}`, group: 'g', score: Math.floor(i / 4) % 3 }));
        const others = [0, 1, 2].map((score) => ({ _id: `q${score}`, group: 'h', score }));
        // Inserted out of order, so insertion order cannot pass for sorting.
        for (const doc of [...docs, ...others].sort((a, b) => ((a._id.charCodeAt(2) * 7) % 11) - ((b._id.charCodeAt(2) * 7) % 11))) await store.insert(PAGES, doc);
        const expected = [...docs].sort((a, b) => b.score - a.score || (a._id < b._id ? -1 : 1)).map((d) => d._id);

        const orderBy: FindQuery['orderBy'] = [
          { field: 'score', direction: 'desc' },
          { field: '_id', direction: 'asc' },
        ];
        const pages: string[][] = [];
        type PageDoc = { _id: string; score: number; group: string };
        let last: PageDoc | null = null;
        for (let i = 0; i < 4; i++) {
          const anyOf: Where[] | undefined = last ? [{ score: { lt: last.score } }, { score: last.score, _id: { gt: last._id } }] : undefined;
          const page: PageDoc[] = await store.find<PageDoc>(PAGES, { where: { group: 'g' }, anyOf, orderBy, limit: 10 });
          pages.push(page.map((d) => d._id));
          if (page.length === 0) break;
          last = page[page.length - 1];
        }
        expect(pages.map((p) => p.length)).toEqual([10, 10, 5, 0]);
        const all = pages.flat();
        expect(new Set(all).size).toBe(all.length);
        expect(all).toEqual(expected);
      });
    });

    describe('update', () => {
      const base = {
        _id: 'u1',
        _rev: 1,
        title: 'a',
        stats: { views: 1, nested: { deep: 'x' } },
        tags: ['a'],
        profile: { city: 'SH', zip: '200000' },
      };
      beforeEach(async () => {
        await store.insert(DOCS, base);
      });

      test('set, inc and push on nested paths, creating what is missing', async () => {
        const ok = await store.update(DOCS, 'u1', {
          set: { 'stats.nested.deep': 'y', 'extra.created.flag': true, profile: { city: 'BJ' }, list: [1, 2], cleared: null },
          inc: { 'stats.views': 2, 'stats.likes': 5 },
          push: { tags: ['b', 'c'], history: [{ at: 1 }] },
        });
        expect(ok).toBe(true);
        expect(await store.get(DOCS, 'u1')).toEqual({
          _id: 'u1',
          _rev: 1,
          title: 'a',
          stats: { views: 3, likes: 5, nested: { deep: 'y' } },
          tags: ['a', 'b', 'c'],
          profile: { city: 'BJ' },
          extra: { created: { flag: true } },
          list: [1, 2],
          cleared: null,
          history: [{ at: 1 }],
        });
      });

      test('setting an object replaces it (no merge), even an empty one', async () => {
        await store.update(DOCS, 'u1', { set: { profile: {} } });
        expect((await store.get(DOCS, 'u1'))?.profile).toEqual({});
      });

      test('an update that changes nothing still reports the document as found', async () => {
        expect(await store.update(DOCS, 'u1', { set: { title: 'a' } })).toBe(true);
        expect(await store.update(DOCS, 'u1', { push: { tags: [] } })).toBe(true);
        expect(await store.update(DOCS, 'u1', {})).toBe(true);
      });

      test('updating a missing document returns false', async () => {
        expect(await store.update(DOCS, 'ghost', { set: { title: 'b' } })).toBe(false);
        expect(await store.update(DOCS, 'ghost', { set: { title: 'b' } }, { ifRev: 1 })).toBe(false);
        expect(await store.get(DOCS, 'ghost')).toBeNull();
      });

      test('without ifRev, _rev is left alone unless set', async () => {
        await store.update(DOCS, 'u1', { set: { title: 'b' } });
        expect((await store.get(DOCS, 'u1'))?._rev).toBe(1);
        await store.update(DOCS, 'u1', { set: { _rev: 9 } });
        expect((await store.get(DOCS, 'u1'))?._rev).toBe(9);
      });

      test('ifRev: succeeds on the current revision and increments it; a stale one changes nothing', async () => {
        expect(await store.update(DOCS, 'u1', { set: { title: 'b' }, inc: { 'stats.views': 1 } }, { ifRev: 1 })).toBe(true);
        const after = await store.get(DOCS, 'u1');
        expect(after).toMatchObject({ _rev: 2, title: 'b', stats: { views: 2 } });
        expect(await store.update(DOCS, 'u1', { set: { title: 'c' }, push: { tags: ['z'] } }, { ifRev: 1 })).toBe(false);
        expect(await store.get(DOCS, 'u1')).toEqual(after);
        expect(await store.update(DOCS, 'u1', {}, { ifRev: 2 })).toBe(true);
        expect((await store.get(DOCS, 'u1'))?._rev).toBe(3);
      });

      test('ifRev against a document without _rev is a conflict', async () => {
        await store.insert(DOCS, { _id: 'norev', v: 1 });
        expect(await store.update(DOCS, 'norev', { set: { v: 2 } }, { ifRev: 0 })).toBe(false);
        expect(await store.get(DOCS, 'norev')).toEqual({ _id: 'norev', v: 1 });
      });

      test('malformed updates are refused', async () => {
        const bad: Array<[UpdateOps, { ifRev?: number }?]> = [
          [{ set: { _id: 'x' } }],
          [{ set: { '_id.x': 'x' } }],
          [{ set: { _rev: 5 } }, { ifRev: 1 }],
          [{ inc: { _rev: 1 } }, { ifRev: 1 }],
          [{ set: { stats: {}, 'stats.views': 1 } }],
          [{ set: { title: 'x' }, inc: { title: 1 } }],
          [{ inc: { 'stats.views': Number.NaN } }],
          [{ inc: { 'stats.views': '1' as unknown as number } }],
          [{ push: { tags: 'b' as unknown as unknown[] } }],
          [{ set: { title: undefined } }],
          [{ set: { at: new Date(0) } }],
          [{ unset: { title: true } } as unknown as UpdateOps],
          [{ set: { title: 'x' } }, { ifRev: 1.5 }],
        ];
        for (const [ops, options] of bad) await rejectsWith(store.update(DOCS, 'u1', ops, options), 'STORE.INVALID_QUERY');
        expect(await store.get(DOCS, 'u1')).toEqual(base);
      });

      test('type mismatches with the stored document are refused and change nothing', async () => {
        await rejectsWith(store.update(DOCS, 'u1', { inc: { title: 1 } }), 'STORE.INVALID_QUERY');
        await rejectsWith(store.update(DOCS, 'u1', { push: { title: ['x'] } }), 'STORE.INVALID_QUERY');
        await rejectsWith(store.update(DOCS, 'u1', { set: { 'title.x': 1, other: 1 } }), 'STORE.INVALID_QUERY');
        await rejectsWith(store.update(DOCS, 'u1', { set: { 'tags.x': 1 } }), 'STORE.INVALID_QUERY');
        expect(await store.get(DOCS, 'u1')).toEqual(base);
      });
    });

    describe('remove', () => {
      test('removes once, then reports nothing to remove', async () => {
        await store.insert(DOCS, { _id: 'r1' });
        await store.insert(DOCS, { _id: 'r2' });
        expect(await store.remove(DOCS, 'r1')).toBe(true);
        expect(await store.remove(DOCS, 'r1')).toBe(false);
        expect(await store.get(DOCS, 'r1')).toBeNull();
        expect(await store.count(DOCS)).toBe(1);
      });
    });

    describe('transactions', () => {
      beforeEach(async () => {
        await store.insert(ACCOUNTS, { _id: 'a', _rev: 1, balance: 100 });
        await store.insert(ACCOUNTS, { _id: 'b', _rev: 1, balance: 0 });
      });

      test('commit: all writes land, work sees its own writes, its result is returned', async () => {
        const result = await store.transaction(async (tx) => {
          const a = await tx.get<{ _id: string; balance: number }>(ACCOUNTS, 'a');
          await tx.update(ACCOUNTS, 'a', { inc: { balance: -30 } });
          await tx.update(ACCOUNTS, 'b', { inc: { balance: 30 } });
          await tx.insert(ACCOUNTS, { _id: 'log1', amount: 30 });
          await tx.remove(ACCOUNTS, 'b-missing');
          expect(await tx.get(ACCOUNTS, 'log1')).toEqual({ _id: 'log1', amount: 30 });
          expect((await tx.get<{ _id: string; balance: number }>(ACCOUNTS, 'a'))?.balance).toBe(70);
          return a?.balance;
        });
        expect(result).toBe(100);
        expect((await store.get(ACCOUNTS, 'a'))?.balance).toBe(70);
        expect((await store.get(ACCOUNTS, 'b'))?.balance).toBe(30);
        expect(await store.get(ACCOUNTS, 'log1')).toEqual({ _id: 'log1', amount: 30 });
      });

      test('rollback on throw: the same error comes out and nothing partial remains', async () => {
        const boom = new Error('boom');
        await expect(
          store.transaction(async (tx) => {
            await tx.update(ACCOUNTS, 'a', { set: { balance: 50 } });
            await tx.insert(ACCOUNTS, { _id: 'c', balance: 50 });
            await tx.remove(ACCOUNTS, 'b');
            throw boom;
          }),
        ).rejects.toBe(boom);
        expect(await store.get(ACCOUNTS, 'a')).toEqual({ _id: 'a', _rev: 1, balance: 100 });
        expect(await store.get(ACCOUNTS, 'b')).toEqual({ _id: 'b', _rev: 1, balance: 0 });
        expect(await store.get(ACCOUNTS, 'c')).toBeNull();
      });

      test('a store error inside work rolls back the earlier writes too', async () => {
        await rejectsWith(
          store.transaction(async (tx) => {
            await tx.update(ACCOUNTS, 'a', { set: { balance: 1 } });
            await tx.insert(ACCOUNTS, { _id: 'b', balance: 1 });
          }),
          'STORE.DUPLICATE_ID',
        );
        expect((await store.get(ACCOUNTS, 'a'))?.balance).toBe(100);
      });

      test('the first failure inside a transaction ends it: «insert, else update» fails whole, as on WeChat Cloud', async () => {
        await expect(
          store.transaction(async (tx) => {
            await tx.update(ACCOUNTS, 'a', { set: { balance: 1 } });
            try {
              await tx.insert(ACCOUNTS, { _id: 'b', balance: 1 });
            } catch {
              await tx.update(ACCOUNTS, 'b', { inc: { balance: 1 } });
            }
          }),
        ).rejects.toMatchObject({ name: 'StoreError' });
        // Swallowing the failure does not help either: the transaction cannot commit.
        await rejectsWith(
          store.transaction(async (tx) => {
            await tx.update(ACCOUNTS, 'a', { set: { balance: 2 } });
            await tx.insert(ACCOUNTS, { _id: 'b', balance: 1 }).catch(() => undefined);
          }),
          'STORE.UNAVAILABLE',
        );
        expect(await store.get(ACCOUNTS, 'a')).toEqual({ _id: 'a', _rev: 1, balance: 100 });
        expect(await store.get(ACCOUNTS, 'b')).toEqual({ _id: 'b', _rev: 1, balance: 0 });
      });

      test('ifRev inside a transaction', async () => {
        const outcome = await store.transaction(async (tx) => ({
          stale: await tx.update(ACCOUNTS, 'a', { set: { balance: 1 } }, { ifRev: 0 }),
          current: await tx.update(ACCOUNTS, 'a', { set: { balance: 2 } }, { ifRev: 1 }),
          missing: await tx.update(ACCOUNTS, 'zz', { set: { balance: 3 } }, { ifRev: 1 }),
        }));
        expect(outcome).toEqual({ stale: false, current: true, missing: false });
        expect(await store.get(ACCOUNTS, 'a')).toEqual({ _id: 'a', _rev: 2, balance: 2 });
      });

      test('20 concurrent read-modify-write transactions on one counter lose no update', async () => {
        await store.insert(COUNTERS, { _id: 'c', n: 0 });
        const seen = await Promise.all(
          Array.from({ length: 20 }, () =>
            store.transaction(async (tx) => {
              const c = await tx.get<{ _id: string; n: number }>(COUNTERS, 'c');
              if (!c) throw new Error('counter vanished');
              await tx.update(COUNTERS, 'c', { set: { n: c.n + 1 } });
              return c.n + 1;
            }),
          ),
        );
        expect((await store.get(COUNTERS, 'c'))?.n).toBe(20);
        expect([...seen].sort((x, y) => x - y)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
      }, 60_000);

      test('a transaction handle is dead once its transaction ends', async () => {
        let leaked: TransactionStore | undefined;
        await store.transaction(async (tx) => {
          leaked = tx;
        });
        await rejectsWith(leaked!.get(ACCOUNTS, 'a'), 'STORE.INVALID_QUERY');
        await rejectsWith(leaked!.update(ACCOUNTS, 'a', { set: { balance: 0 } }), 'STORE.INVALID_QUERY');
        expect((await store.get(ACCOUNTS, 'a'))?.balance).toBe(100);
      });
    });
  });
}
