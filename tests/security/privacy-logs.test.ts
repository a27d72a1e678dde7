import type { Logger } from '../../cloudfunctions/_lib/deps';
import { runAction } from '../../cloudfunctions/_lib/action-runner';
import { ALL_ACTIONS } from '../../tools/local-cloud/all-actions';
import { outboxNotifier } from '../../tools/local-cloud/outbox-notifier';
import { COLLECTIONS } from '../../cloudfunctions/_lib/store/collections';
import { createTestBackend, leadInput, OPENID, type TestBackend } from '../support/test-backend';

/** Logs leave the system (cloud console, terminals): no investor's name, phone, company or words may reach them. */
describe('privacy of logs and audit', () => {
  let b: TestBackend;
  const lines: string[] = [];
  const capture: Logger = {
    info: (event, fields) => lines.push(JSON.stringify({ event, ...fields })),
    error: (event, fields) => lines.push(JSON.stringify({ event, ...fields })),
  };
  beforeAll(async () => {
    b = await createTestBackend();
    b.deps.log = capture;
    b.deps.notifier = outboxNotifier({ failFirst: 2, failWith: 'wx_43101' });
  });
  afterAll(() => b.close());

  it('a whole lead life cycle — including failures — logs no personal data', async () => {
    const contact = { name: '欧阳保密', company: '保密科技股份有限公司', phone: '13912345678', email: 'secret@example.com', wechatId: 'secret_wx' };
    const input = leadInput({ contact, message: '我的预算是三千万，请不要外传' });
    const call = (action: string, data: unknown, openid: string | null) => runAction(ALL_ACTIONS, b.deps, { openid, appid: null, origin: 'test', requestId: 'p' }, { action, input: data });
    const submitted = await call('lead.submit', input, OPENID.investorA);
    expect(submitted.ok).toBe(true);
    const leadId = (submitted as { data: { leadId: string } }).data.leadId;
    await call('lead.submit', { ...input, message: '换内容' }, OPENID.investorA); // conflict path
    await call('lead.submit', leadInput({ contact: { ...contact, phone: '12345' } }), OPENID.investorB); // bad phone path
    await call('lead.revealContact', { leadId }, OPENID.head);
    await call('lead.reply', { leadId, text: '已收到欧阳总的需求' }, OPENID.head);
    await call('lead.detail', { leadId }, OPENID.tech); // denied path
    expect(lines.length).toBeGreaterThan(3);
    const all = lines.join('\n');
    for (const secret of ['欧阳', '保密科技', '13912345678', '1391234', 'secret@example.com', 'secret_wx', '三千万', '已收到']) expect(all).not.toContain(secret);
  });

  it('every contact reveal is in the audit log with who, when and which lead', async () => {
    const audit = await b.store.find<{ _id: string; staffId: string; leadId: string; at: string; action: string }>(COLLECTIONS.audit.name, { limit: 10 });
    expect(audit).toEqual([expect.objectContaining({ action: 'contact_revealed', staffId: 'staff-head', leadId: expect.stringMatching(/^ld_/), at: expect.any(String) })]);
  });
});
