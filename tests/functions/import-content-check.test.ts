import type { ContentCheck } from '../../cloudfunctions/_lib/deps';
import { CONTENT_CHECK_BATCH_CHARS, CONTENT_CHECK_CONCURRENCY, packBatches, riskyRows } from '../../cloudfunctions/admin/import-content-check';
import { carrierCheckedText } from '../../cloudfunctions/admin/carrier-save';
import { wordListContentCheck } from '../../tools/local-cloud/word-list-content-check';

/** The word list, counting calls and the most in flight at once (the round trips a caller waits for). */
const measured = (inner: ContentCheck = wordListContentCheck) => {
  const m = {
    calls: 0,
    inFlight: 0,
    maxInFlight: 0,
    waves: 0,
    longest: 0,
    check: async (text: string, openid: string | null) => {
      m.calls += 1;
      m.longest = Math.max(m.longest, text.length);
      m.inFlight += 1;
      m.maxInFlight = Math.max(m.maxInFlight, m.inFlight);
      await new Promise((r) => setTimeout(r, 1));
      m.inFlight -= 1;
      return inner.check(text, openid);
    },
  };
  return m;
};

/** A row of the bench's 5 000-carrier file, as the import checks it. */
const benchRow = (i: number) => ({
  row: i + 2,
  text: carrierCheckedText({ name: `基准厂房 ${i} 号`, address: `云川市临江区金湾路 ${i} 号`, street: '金湾街道', facilities: ['行车 10 吨', '货梯'], policies: [], suitedIndustries: ['先进制造'] }),
});

describe('the import’s batched content check', () => {
  it('packs rows into batches within what one msgSecCheck call reads, in order, every row once', () => {
    const rows = Array.from({ length: 300 }, (_, i) => benchRow(i));
    const batches = packBatches(rows);
    for (const b of batches) expect(b.map((p) => p.text).join('\n').length).toBeLessThanOrEqual(CONTENT_CHECK_BATCH_CHARS);
    expect(batches.flat().map((p) => p.row)).toEqual(rows.map((r) => r.row));
    const least = Math.ceil(rows.reduce((n, r) => n + r.text.length + 1, 0) / CONTENT_CHECK_BATCH_CHARS);
    expect(batches.length).toBeGreaterThanOrEqual(least);
    expect(batches.length).toBeLessThanOrEqual(least + 1);
  });

  it('a row longer than one call is checked piece by piece, every character read', async () => {
    const long = { row: 2, text: `${'园区'.repeat(2000)}赌博` };
    const batches = packBatches([long]);
    expect(batches.map((b) => b.map((p) => p.text.length))).toEqual([[2500], [1502]]);
    expect((await riskyRows(wordListContentCheck, 'o', [long, { row: 3, text: '标准厂房' }])).risky).toEqual(new Set([2]));
  });

  it('halves a refused batch until the refused rows stand alone: only they are refused', async () => {
    const rows = Array.from({ length: 200 }, (_, i) => benchRow(i));
    rows[17] = { row: 19, text: '示例厂房 毒品' };
    rows[150] = { row: 152, text: '诈骗园区' };
    const m = measured();
    const { risky, calls } = await riskyRows(m, 'o', rows);
    expect(risky).toEqual(new Set([19, 152]));
    expect(calls).toBe(m.calls);
    // A few batches, then ~log2(batch) halvings per refused row: far from one call per row.
    expect(calls).toBeLessThan(packBatches(rows).length + 2 * 2 * Math.ceil(Math.log2(rows.length)));
  });

  it('a risky phrase formed only across two rows’ boundary refuses neither; `review` passes, as in the editor', async () => {
    expect((await riskyRows(wordListContentCheck, 'o', [{ row: 2, text: '赌' }, { row: 3, text: '博' }])).risky.size).toBe(0);
    const joinedOnly: ContentCheck = { check: async (text) => (text.includes('\n') ? 'risky' : 'review') };
    expect((await riskyRows(joinedOnly, 'o', [{ row: 2, text: '甲' }, { row: 3, text: '乙' }])).risky.size).toBe(0);
  });

  it('5 000 bench rows: ~200 calls, 8 at a time (≈ 25 round trips: ~7.5 s even at 300 ms a call, beside the apply’s 24 s in its 40 s)', async () => {
    const rows = Array.from({ length: 5000 }, (_, i) => benchRow(i));
    const m = measured();
    const { risky, calls } = await riskyRows(m, 'o', rows);
    expect(risky.size).toBe(0);
    expect(m.longest).toBeLessThanOrEqual(CONTENT_CHECK_BATCH_CHARS);
    expect(m.maxInFlight).toBeLessThanOrEqual(CONTENT_CHECK_CONCURRENCY);
    expect(calls).toBeLessThanOrEqual(220);
    expect(Math.ceil(calls / CONTENT_CHECK_CONCURRENCY) * 0.3).toBeLessThan(40 - 24.1);
  });
});
