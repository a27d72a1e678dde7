import type { Lead } from '../../domain/lead/lead.schema';
import { COLLECTIONS } from '../../cloudfunctions/_lib/store/collections';
import { createTestBackend, leadInput, OPENID, type TestBackend } from '../support/test-backend';

type Inbox = { items: Array<{ id: string; phoneMasked: string | null; maskedWay?: string }> };
type Revealed = { phone: string | null; email: string | null; wechatId: string | null };

/** «At least one way to reach you» and foreign numbers, on a real SQLite file. */
describe('lead.submit with foreign and phone-less contacts', () => {
  let b: TestBackend;
  beforeEach(async () => {
    b = await createTestBackend();
  });
  afterEach(() => b.close());

  const leads = () => b.store.find<Lead>(COLLECTIONS.leads.name, { limit: 10 });
  const submit = (contact: Record<string, unknown>) => b.call<{ leadId: string }>('lead.submit', leadInput({ contact: { name: 'Anna Schmidt', company: 'Rhein GmbH', ...contact } }), OPENID.investorA);

  it('stores a German number in E.164, masked for staff, full on reveal', async () => {
    const r = await submit({ phone: '+49 30 1234 5678' });
    expect(r.ok).toBe(true);
    const [lead] = await leads();
    expect(lead.contact.phone).toBe('+493012345678');
    const inbox = await b.ok<Inbox>('lead.inbox', { tab: 'mine' }, OPENID.head);
    expect(inbox.items[0]).toMatchObject({ phoneMasked: '+493****5678' });
    expect(inbox.items[0].maskedWay).toBeUndefined();
  });

  it('accepts an email alone: no phone field is stored, staff see the masked email and reveal it', async () => {
    const r = await submit({ phone: '', email: 'anna.schmidt@rhein.example' });
    expect(r.ok).toBe(true);
    const [lead] = await leads();
    expect(lead.contact).toEqual({ name: 'Anna Schmidt', company: 'Rhein GmbH', email: 'anna.schmidt@rhein.example' });
    expect('phone' in lead.contact).toBe(false);
    const inbox = await b.ok<Inbox>('lead.inbox', { tab: 'mine' }, OPENID.head);
    expect(inbox.items[0]).toMatchObject({ phoneMasked: 'an***@rhein.example', maskedWay: 'email' });
    expect(JSON.stringify(inbox)).not.toContain('anna.schmidt');
    const revealed = await b.ok<Revealed>('lead.revealContact', { leadId: lead._id }, OPENID.head);
    expect(revealed).toEqual({ phone: null, email: 'anna.schmidt@rhein.example', wechatId: null });
  });

  it('accepts a WeChat ID alone (no phone key sent at all)', async () => {
    const r = await submit({ phone: undefined, wechatId: 'anna_rhein01' });
    expect(r.ok).toBe(true);
    const inbox = await b.ok<Inbox>('lead.inbox', { tab: 'mine' }, OPENID.head);
    expect(inbox.items[0]).toMatchObject({ phoneMasked: 'an***01', maskedWay: 'wechat' });
    const [lead] = await leads();
    expect(await b.ok<Revealed>('lead.revealContact', { leadId: lead._id }, OPENID.head)).toEqual({ phone: null, email: null, wechatId: 'anna_rhein01' });
  });

  it.each([
    ['no way to reach at all', { phone: '' }, 'LEAD.CONTACT_REQUIRED'],
    ['only blanks', { phone: '   ' }, 'LEAD.CONTACT_REQUIRED'],
    ['an impossible foreign number, even with an email', { phone: '+852 12', email: 'a@b.example' }, 'LEAD.INVALID_PHONE'],
    ['a +44 number too short for its plan', { phone: '+44 20 7946' }, 'LEAD.INVALID_PHONE'],
    ['a malformed email alone', { phone: '', email: 'not-an-email' }, 'VALIDATION.INVALID_INPUT'],
  ])('refuses %s and writes nothing', async (_label, contact, code) => {
    const r = await submit(contact);
    expect(r).toMatchObject({ ok: false, error: { code } });
    expect(await b.store.count(COLLECTIONS.leads.name)).toBe(0);
    expect(await b.store.count(COLLECTIONS.rateCounters.name)).toBe(0);
  });

  it('the refusal names the phone field and says, in Chinese, that one way is enough', async () => {
    const r = await submit({ phone: '' });
    expect(r).toMatchObject({ ok: false, error: { code: 'LEAD.CONTACT_REQUIRED', message: '请至少留下一种联系方式：电话、邮箱或微信号', fields: ['contact.phone'] } });
  });
});
