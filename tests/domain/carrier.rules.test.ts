import { decodeCursor, encodeCursor } from '../../domain/carrier/carrier-search.rules';
import { freshness, STALE_AFTER_DAYS } from '../../domain/carrier/carrier.rules';
import type { Carrier } from '../../domain/carrier/carrier.schema';

describe('carrier freshness', () => {
  const now = new Date('2026-11-30T12:00:00Z');
  it('labels days since verification and flags stale figures', () => {
    expect(freshness('2026-11-30T01:00:00.000Z', now)).toEqual({ days: 0, stale: false, label: '核实于今天' });
    expect(freshness('2026-11-20T12:00:00.000Z', now).label).toBe('核实于 10 天前');
    const old = new Date(now.getTime() - (STALE_AFTER_DAYS + 1) * 86_400_000).toISOString();
    expect(freshness(old, now).stale).toBe(true);
  });
});

describe('carrier search cursor', () => {
  const last = { _id: 'factory-003', vacantArea: 1200, priceMin: 20, lastVerifiedAt: '2026-11-01T00:00:00.000Z' } as Carrier;
  it('round-trips for its own sort only', () => {
    const cursor = encodeCursor('vacancy', last);
    expect(decodeCursor(cursor, 'vacancy')).toEqual({ sort: 'vacancy', value: 1200, id: 'factory-003' });
    expect(decodeCursor(cursor, 'price')).toBeNull();
    expect(decodeCursor(encodeCursor('verified', last), 'verified')?.value).toBe('2026-11-01T00:00:00.000Z');
  });
  it.each(['', 'garbage', '%E0%A4%A', encodeURIComponent('["vacancy",{"$gt":0},"x"]'), encodeURIComponent('["vacancy",1,"../x"]')])(
    'rejects tampered cursor %j',
    (raw) => {
      expect(decodeCursor(raw, 'vacancy')).toBeNull();
    },
  );
});
