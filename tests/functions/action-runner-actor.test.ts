import { privacyNoticeContract } from '../../domain/api/lead.contracts';
import { runAction } from '../../cloudfunctions/_lib/action-runner';
import { defineAction } from '../../cloudfunctions/_lib/define-action';
import type { Logger } from '../../cloudfunctions/_lib/deps';
import { COLLECTIONS } from '../../cloudfunctions/_lib/store/collections';
import type { FindQuery, StoredDoc } from '../../cloudfunctions/_lib/store/store-port';
import { createTestBackend, OPENID, type TestBackend } from '../support/test-backend';

/** The caller's staff record is a serial round trip: only actions that use it pay for it. */
describe('the action runner looks the caller up only when the action needs it', () => {
  let b: TestBackend;
  let staffLookups: number;
  const errors: string[] = [];
  beforeEach(async () => {
    b = await createTestBackend();
    staffLookups = 0;
    errors.length = 0;
    const find = b.store.find.bind(b.store);
    b.store.find = (<T extends StoredDoc>(collection: string, query: FindQuery) => {
      if (collection === COLLECTIONS.staff.name && query.where && 'openid' in query.where) staffLookups += 1;
      return find<T>(collection, query);
    }) as typeof b.store.find;
  });
  afterEach(() => b.close());

  const log: Logger = { info: () => undefined, error: (event, fields) => errors.push(`${event} ${String(fields?.error ?? '')}`) };
  const run = (needsActor: boolean, openid: string | null) =>
    runAction(
      [defineAction(privacyNoticeContract, async (_deps, ctx) => ({ version: 'v', title: ctx.actor.kind, body: 'b', promiseHours: 8 }), { needsActor })],
      { ...b.deps, log },
      { openid, appid: null, origin: 'test', requestId: 'r1' },
      { action: privacyNoticeContract.name, input: {} },
    );

  it('an action that declares needsActor gets the caller resolved (one lookup)', async () => {
    const r = await run(true, OPENID.head);
    expect(r).toMatchObject({ ok: true, data: { title: 'staff' } });
    expect(staffLookups).toBe(1);
  });

  it('an action that does not is not looked up, and reading ctx.actor there fails loudly instead of guessing', async () => {
    const r = await run(false, OPENID.head);
    expect(r).toMatchObject({ ok: false, error: { code: 'INTERNAL.UNEXPECTED' } });
    expect(staffLookups).toBe(0);
    expect(errors.join('\n')).toContain('reads ctx.actor without declaring needsActor');
  });

  it('the real public and signed-in actions that do not need it skip the lookup', async () => {
    await b.ok('card.get', {}, OPENID.head);
    await b.ok('lead.mine', {}, OPENID.investorA);
    expect(staffLookups).toBe(0);
    await b.ok('session.whoami', {}, OPENID.head);
    expect(staffLookups).toBe(1);
  });
});
