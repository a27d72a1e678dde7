import { randomBytes } from 'node:crypto';
import { isShareCode, isValidScene, makeShareCode, shareCodeFromEntry, SHARE_CODE_LENGTH } from '../../domain/share/share-code.rules';
import { buildShareChain, creditFromChain } from '../../domain/share/share-chain.rules';
import type { Share } from '../../domain/share/share.schema';

const seeded = (seed: number) => (size: number) => {
  const out = new Uint8Array(size);
  for (let i = 0; i < size; i += 1) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    out[i] = (seed >>> 16) & 0xff;
  }
  return out;
};
const secure = (size: number) => new Uint8Array(randomBytes(size));

describe('share codes', () => {
  it('are 10 base-62 characters that fit a mini-program scene', () => {
    const code = makeShareCode(seeded(1));
    expect(code).toHaveLength(SHARE_CODE_LENGTH);
    expect(isShareCode(code)).toBe(true);
    expect(isValidScene(code)).toBe(true);
    expect(isValidScene(`s=${code}`)).toBe(true);
  });

  it('do not repeat across many draws and skip biased bytes', () => {
    const codes = new Set(Array.from({ length: 5000 }, () => makeShareCode(secure)));
    expect(codes.size).toBe(5000);
    // Bytes ≥ 248 would bias the alphabet: they are skipped, only the 0s become characters.
    let calls = 0;
    const mostlyBiased = () => {
      calls += 1;
      return new Uint8Array(16).map((_, i) => (i === 15 ? 0 : 250));
    };
    expect(makeShareCode(mostlyBiased)).toBe('0000000000');
    expect(calls).toBe(10);
  });

  it('scene rules match WeChat: ≤ 32 chars, no % or Chinese', () => {
    expect(isValidScene('a'.repeat(32))).toBe(true);
    expect(isValidScene('a'.repeat(33))).toBe(false);
    expect(isValidScene('a%20b')).toBe(false);
    expect(isValidScene('招商')).toBe(false);
    expect(isValidScene('')).toBe(false);
  });

  it('reads the code from scene, plain-URL QR and query, ignoring junk', () => {
    expect(shareCodeFromEntry({ scene: 'Ab3dE5gH9k' })).toBe('Ab3dE5gH9k');
    expect(shareCodeFromEntry({ scene: encodeURIComponent('s=Ab3dE5gH9k') })).toBe('Ab3dE5gH9k');
    expect(shareCodeFromEntry({ q: encodeURIComponent('https://card.example.gov.cn/#/pages/card/index?s=Ab3dE5gH9k') })).toBe('Ab3dE5gH9k');
    expect(shareCodeFromEntry({ s: 'Ab3dE5gH9k' })).toBe('Ab3dE5gH9k');
    expect(shareCodeFromEntry({ s: '../../etc', scene: '%E0%A4%A' })).toBeNull();
    expect(shareCodeFromEntry({})).toBeNull();
  });
});

const share = (id: string, parent: string | null, staff: string | null): Share => ({
  _id: id,
  districtId: 'd',
  cardId: 'card-1',
  sharerStaffId: staff,
  sharerVisitorHash: staff ? null : 'h',
  parentCode: parent,
  channel: 'chat',
  depth: 0,
  createdAt: '2026-11-30T00:00:00.000Z',
});

describe('share chains and credit', () => {
  const all = new Map<string, Share>([
    ['root', share('root', null, 'head')],
    ['dept', share('dept', 'root', 'tech')],
    ['friend', share('friend', 'dept', null)],
  ]);
  const lookup = (c: string) => all.get(c);

  it('walks from the root to the visited share', () => {
    expect(buildShareChain('friend', lookup).map((s) => s._id)).toEqual(['root', 'dept', 'friend']);
  });

  it('credits the nearest staff sharer and keeps the whole staff chain', () => {
    const credit = creditFromChain(buildShareChain('friend', lookup), 'head');
    expect(credit).toEqual({ chain: ['root', 'dept', 'friend'], staffChain: ['head', 'tech'], creditedStaffId: 'tech', hops: 3 });
  });

  it('falls back to the card owner when no staff shared', () => {
    expect(creditFromChain([share('x', null, null)], 'owner').creditedStaffId).toBe('owner');
  });

  it('tolerates missing parents and cannot loop on cycles', () => {
    expect(buildShareChain('orphan', (c) => (c === 'orphan' ? share('orphan', 'gone', null) : undefined)).map((s) => s._id)).toEqual(['orphan']);
    const cyclic = new Map([
      ['a', share('a', 'b', null)],
      ['b', share('b', 'a', null)],
    ]);
    expect(buildShareChain('a', (c) => cyclic.get(c))).toHaveLength(2);
    expect(buildShareChain('missing', () => undefined)).toEqual([]);
  });
});
