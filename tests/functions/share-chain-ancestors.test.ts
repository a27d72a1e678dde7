import type { Lead } from '../../domain/lead/lead.schema';
import type { Share } from '../../domain/share/share.schema';
import { COLLECTIONS } from '../../cloudfunctions/_lib/store/collections';
import { createTestBackend, leadInput, OPENID, type TestBackend } from '../support/test-backend';

type Created = { code: string; depth: number };
const CARD = 'card-staff-head';

/** A share stores its chain's codes, so a lead reads the whole chain in one request; older shares still credit. */
describe('share chains stored on the share', () => {
  let b: TestBackend;
  beforeEach(async () => {
    b = await createTestBackend();
  });
  afterEach(() => b.close());

  it('each reshare stores its ancestors, parent first, and a lead through it is credited from them', async () => {
    const root = await b.ok<Created>('share.create', { cardId: CARD, channel: 'moments' }, OPENID.head);
    const dept = await b.ok<Created>('share.create', { cardId: CARD, channel: 'chat', parentCode: root.code }, OPENID.tech);
    const friend = await b.ok<Created>('share.create', { cardId: CARD, channel: 'chat', parentCode: dept.code }, OPENID.investorB);
    const stored = (code: string) => b.store.get<Share>(COLLECTIONS.shares.name, code);
    expect((await stored(root.code))?.ancestorCodes).toEqual([]);
    expect((await stored(dept.code))?.ancestorCodes).toEqual([root.code]);
    expect((await stored(friend.code))?.ancestorCodes).toEqual([dept.code, root.code]);

    await b.ok('lead.submit', leadInput({ source: { channel: 'chat', cardId: CARD, shareCode: friend.code } }), OPENID.investorA);
    const [lead] = await b.store.find<Lead>(COLLECTIONS.leads.name, { limit: 1 });
    expect(lead.credit).toEqual({ staffId: 'staff-tech', unitId: 'unit-tech', shareChain: ['staff-head', 'staff-tech'], hops: 3 });
  });

  it('shares stored before ancestor codes existed are walked parent by parent, with the same credit', async () => {
    const base = { districtId: 'demo-linjiang', cardId: CARD, sharerVisitorHash: null, createdAt: '2026-11-01T00:00:00.000Z' };
    const legacy: Share[] = [
      { ...base, _id: 'LegacyRoot', sharerStaffId: 'staff-head', parentCode: null, channel: 'moments', depth: 0 },
      { ...base, _id: 'LegacyDept', sharerStaffId: 'staff-tech', parentCode: 'LegacyRoot', channel: 'chat', depth: 1 },
      { ...base, _id: 'LegacyFrnd', sharerStaffId: null, sharerVisitorHash: 'some-visitor', parentCode: 'LegacyDept', channel: 'chat', depth: 2 },
    ];
    for (const s of legacy) await b.store.insert(COLLECTIONS.shares.name, s);
    await b.ok('lead.submit', leadInput({ source: { channel: 'chat', cardId: CARD, shareCode: 'LegacyFrnd' } }), OPENID.investorA);
    const [lead] = await b.store.find<Lead>(COLLECTIONS.leads.name, { limit: 1 });
    expect(lead.credit).toEqual({ staffId: 'staff-tech', unitId: 'unit-tech', shareChain: ['staff-head', 'staff-tech'], hops: 3 });

    // A reshare below a legacy share without a stored chain stays legacy too: its chain is walked, never cut short.
    const below = await b.ok<Created>('share.create', { cardId: CARD, channel: 'chat', parentCode: 'LegacyFrnd' }, OPENID.investorB);
    expect((await b.store.get<Share>(COLLECTIONS.shares.name, below.code))?.ancestorCodes).toBeUndefined();
    // Below a legacy root, the chain is complete: the root itself.
    const belowRoot = await b.ok<Created>('share.create', { cardId: CARD, channel: 'qr', parentCode: 'LegacyRoot' }, OPENID.tech);
    expect((await b.store.get<Share>(COLLECTIONS.shares.name, belowRoot.code))?.ancestorCodes).toEqual(['LegacyRoot']);
  });
});
