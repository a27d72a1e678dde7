import { meetsDifficulty, solveChallenge } from '../../../domain/lead/web-challenge.rules';
import { pageClock, SLICE_BUDGET_MS, solveInSlices, type SliceClock } from '../../../src/inquiry/lead-form/solve-in-slices';

/**
 * The web form's proof of work (src/inquiry/lead-form/solve-in-slices.ts) is found in slices bounded by main-thread
 * time, so typing never waits on a long task and Lighthouse counts no blocking time for it (#12).
 */

/** A clock that advances by `perLook` ms each time it is read, and counts the page's turns. */
const steppingClock = (perLook: number) => {
  let t = 0;
  const slices: number[] = [];
  let sliceStart = 0;
  const clock: SliceClock & { slices: number[] } = {
    slices,
    now: () => {
      t += perLook;
      return t;
    },
    yieldToPage: async () => {
      slices.push(t - sliceStart);
      sliceStart = t;
    },
  };
  return clock;
};

describe('the proof of work in slices', () => {
  it('finds the same nonce as one long search, yielding whenever a slice has used its budget', async () => {
    const challenge = 'c2VlZC1mb3ItdGhlLXRlc3Q';
    const bits = 12;
    const whole = solveChallenge(challenge, bits);
    const clock = steppingClock(3);
    const proof = await solveInSlices(challenge, bits, clock);
    expect(proof).toEqual({ challenge, nonce: whole.nonce });
    expect(meetsDifficulty(challenge, proof.nonce, bits)).toBe(true);
    // With 3 ms per batch, every slice stops once it is past the budget: at most one batch over.
    expect(clock.slices.length).toBeGreaterThan(0);
    for (const ms of clock.slices) expect(ms).toBeLessThanOrEqual(SLICE_BUDGET_MS + 3 + 3);
  });

  it('on the page, gives the event loop its turn between slices (a timer set meanwhile runs before the answer)', async () => {
    const order: string[] = [];
    setTimeout(() => order.push('timer'), 0);
    // The page's own yield; a clock that runs out each slice after two batches, whatever the machine's speed.
    const proof = await solveInSlices('dGltZXItdGVzdA', 14, { now: steppingClock(5).now, yieldToPage: pageClock.yieldToPage });
    order.push('solved');
    expect(meetsDifficulty('dGltZXItdGVzdA', proof.nonce, 14)).toBe(true);
    expect(order).toEqual(['timer', 'solved']);
  });
});
