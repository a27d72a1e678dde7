import { solveChallenge } from '../../../domain/lead/web-challenge.rules';

export interface WebProof {
  challenge: string;
  nonce: string;
}

/** Hashes tried between two looks at the clock. */
const BATCH = 200;
/**
 * Main-thread time one slice may take (ms). Far under the 50 ms that makes a «long task» (what slows typing and
 * what Lighthouse counts as blocking time), even on a phone 4× slower than the one it was tuned on: 4 000 hashes a
 * slice took ~100–150 ms there, and the form's blocking time was 2.8 s (#12).
 */
export const SLICE_BUDGET_MS = 8;

export interface SliceClock {
  now: () => number;
  /** Gives the page its turn (input, rendering) before the next slice. */
  yieldToPage: () => Promise<void>;
}

/**
 * A macrotask without setTimeout's 4 ms clamp on nested timers: a message to itself (setTimeout where there is
 * no MessageChannel).
 */
const yieldWithMessage = (): Promise<void> =>
  new Promise<void>((resolve) => {
    if (typeof MessageChannel === 'undefined') {
      setTimeout(resolve, 0);
      return;
    }
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });

export const pageClock: SliceClock = {
  now: () => (typeof performance !== 'undefined' ? performance.now() : Date.now()),
  yieldToPage: yieldWithMessage,
};

/** The web form's proof of work, found in slices of at most SLICE_BUDGET_MS, the page answering in between. */
export const solveInSlices = async (challenge: string, bits: number, clock: SliceClock = pageClock): Promise<WebProof> => {
  let next = 0;
  for (;;) {
    const sliceStart = clock.now();
    do {
      const step = solveChallenge(challenge, bits, next, BATCH);
      if (step.nonce) return { challenge, nonce: step.nonce };
      next = step.next;
    } while (clock.now() - sliceStart < SLICE_BUDGET_MS);
    await clock.yieldToPage();
  }
};
