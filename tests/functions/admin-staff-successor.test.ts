import type { OutboxEntry } from '../../cloudfunctions/_lib/notifications';
import type { CardView } from '../../domain/api/views.schema';
import type { Card } from '../../domain/card/card.schema';
import type { Lead } from '../../domain/lead/lead.schema';
import type { Staff } from '../../domain/org/staff.schema';
import { COLLECTIONS } from '../../cloudfunctions/_lib/store/collections';
import { createTestBackend, leadInput, OPENID, type TestBackend } from '../support/test-backend';

type Revoked = { staffId: string; status: string; cardSuccessorStaffId: string | null; cardIds: string[] };
type AuditRow = { _id: string; action: string; target: { kind: string; id: string }; before: unknown; after: unknown };

// 王书恒 (staff-tech, 科技局, a unit with no leader) owns card-staff-tech and publishes phone, WeChat ID and QR.
const TECH_PHONE = '13800138004';
const TECH_WECHAT = 'linjiang-demo-wang';

describe('a revoked person’s card leads to a successor', () => {
  let b: TestBackend;
  beforeEach(async () => {
    b = await createTestBackend();
  });
  afterEach(() => b.close());

  const cardDoc = (id: string) => b.store.get<Card>(COLLECTIONS.cards.name, id);
  const staffDoc = (id: string) => b.store.get<Staff>(COLLECTIONS.staff.name, id);
  const revokeAudit = async () =>
    (await b.store.find<AuditRow>(COLLECTIONS.audit.name, { where: { districtId: 'demo-linjiang' }, limit: 50 })).filter((a) => a.action === 'staff.revoke');

  it('hands the cards to the chosen colleague, audited before and after, and the public card names them, never the revoked contact', async () => {
    const revoked = await b.ok<Revoked>('admin.staff.revoke', { staffId: 'staff-tech', cardSuccessorStaffId: 'staff-park' }, OPENID.admin);
    expect(revoked).toEqual({ staffId: 'staff-tech', status: 'revoked', cardSuccessorStaffId: 'staff-park', cardIds: ['card-staff-tech'] });
    expect(await cardDoc('card-staff-tech')).toMatchObject({ staffId: 'staff-tech', onDutyStaffId: 'staff-park', updatedAt: b.clock.now.toISOString() });
    expect(await revokeAudit()).toEqual([
      expect.objectContaining({
        target: { kind: 'staff', id: 'staff-tech' },
        before: { status: 'active', cards: [{ cardId: 'card-staff-tech', onDutyStaffId: null }] },
        after: { status: 'revoked', cardSuccessorStaffId: 'staff-park', cards: [{ cardId: 'card-staff-tech', onDutyStaffId: 'staff-park' }] },
      }),
    ]);

    const card = await b.ok<CardView>('card.get', { cardId: 'card-staff-tech' }, OPENID.investorA);
    expect(card.ownerDeparted).toBe(true);
    expect(card.owner).toMatchObject({ staffId: 'staff-tech', name: '王书恒', phone: null, wechatId: null, wechatQr: null, cardId: null });
    expect(card.contact).toMatchObject({ staffId: 'staff-park', name: '郑嘉木', title: '产业园管委会 招商部长', phone: '13800138008', wechatId: 'linjiang-demo-zheng', cardId: 'card-staff-park' });
    expect(card.contact?.wechatQr).toEqual(expect.any(String));
    const seen = JSON.stringify(card);
    expect(seen).not.toContain(TECH_PHONE);
    expect(seen).not.toContain(TECH_WECHAT);
    // 郑嘉木 is told, once.
    const told = (await b.store.find<OutboxEntry>(COLLECTIONS.outbox.name, { limit: 100 })).filter((o) => o.message.page === 'staff/inbox/index');
    expect(told.map((o) => [o.message.toOpenid, o.message.fields.thing2])).toEqual([[OPENID.park, '王书恒 的名片 1 张']]);
    // An anonymous web visitor sees the same.
    expect(await b.ok<CardView>('card.get', { cardId: 'card-staff-tech' }, null)).toEqual(card);
  });

  it('an inquiry through a card shared before the revocation goes to the successor; the share chain keeps the credit', async () => {
    const share = await b.ok<{ code: string }>('share.create', { cardId: 'card-staff-tech', channel: 'moments' }, OPENID.tech);
    await b.ok('admin.staff.revoke', { staffId: 'staff-tech', cardSuccessorStaffId: 'staff-park' }, OPENID.admin);

    const viaShare = await b.ok<CardView>('card.get', { shareCode: share.code }, null);
    expect(viaShare).toMatchObject({ cardId: 'card-staff-tech', ownerDeparted: true, shareCode: share.code, contact: { staffId: 'staff-park' } });

    const { leadId } = await b.ok<{ leadId: string }>('lead.submit', leadInput({ source: { channel: 'moments', cardId: 'card-staff-tech', shareCode: share.code } }), OPENID.investorA);
    const lead = await b.store.get<Lead>(COLLECTIONS.leads.name, leadId);
    expect(lead?.handling).toEqual({ unitId: 'unit-park', staffId: 'staff-park' });
    expect(lead?.credit).toMatchObject({ staffId: 'staff-tech', unitId: 'unit-tech' });
    // It is in the successor's inbox, and the revoked person cannot look.
    const inbox = await b.ok<{ items: Array<{ id: string }> }>('lead.inbox', { tab: 'mine' }, OPENID.park);
    expect(inbox.items.map((i) => i.id)).toContain(leadId);
    expect(await b.call('lead.inbox', { tab: 'mine' }, OPENID.tech)).toMatchObject({ ok: false, error: { code: 'AUTH.STAFF_REVOKED' } });
  });

  it('with nobody chosen: the unit’s leader, else the owner of the district’s default card', async () => {
    // 周若岚's unit (投资促进局) is led by 陈启航.
    expect(await b.ok<Revoked>('admin.staff.revoke', { staffId: 'staff-commissioner' }, OPENID.admin)).toMatchObject({ cardSuccessorStaffId: 'staff-invest-leader', cardIds: ['card-staff-commissioner'] });
    expect((await b.ok<CardView>('card.get', { cardId: 'card-staff-commissioner' }, null)).contact).toMatchObject({ staffId: 'staff-invest-leader', name: '陈启航' });
    // 科技局 has no leader: the default card (林致远's) answers.
    expect(await b.ok<Revoked>('admin.staff.revoke', { staffId: 'staff-tech' }, OPENID.admin)).toMatchObject({ cardSuccessorStaffId: 'staff-head', cardIds: ['card-staff-tech'] });
    const card = await b.ok<CardView>('card.get', { cardId: 'card-staff-tech' }, null);
    expect(card.contact).toMatchObject({ staffId: 'staff-head', phone: '13800138001' });
    expect(JSON.stringify(card)).not.toContain(TECH_PHONE);
  });

  it('skips a fallback who is the person revoked; keeps a card’s active delegate unless told otherwise; no successor leaves the card dark', async () => {
    // 林致远 owns the default card; his unit's leader 陈启航 answers.
    expect(await b.ok<Revoked>('admin.staff.revoke', { staffId: 'staff-head' }, OPENID.admin)).toMatchObject({ cardSuccessorStaffId: 'staff-invest-leader', cardIds: ['card-staff-head'] });
    // 陈启航's card already sends its inquiries to 周若岚: with nobody chosen it keeps her.
    expect(await b.ok<Revoked>('admin.staff.revoke', { staffId: 'staff-invest-leader' }, OPENID.admin)).toMatchObject({ cardIds: [] });
    expect((await b.ok<CardView>('card.get', { cardId: 'card-staff-invest-leader' }, null)).contact).toMatchObject({ staffId: 'staff-commissioner' });
    // 科技局 has no leader and the default card's owner is gone: nobody answers, the card is not shown.
    expect(await b.ok<Revoked>('admin.staff.revoke', { staffId: 'staff-tech' }, OPENID.admin)).toMatchObject({ cardSuccessorStaffId: null, cardIds: [] });
    expect(await b.call('card.get', { cardId: 'card-staff-tech' }, null)).toMatchObject({ ok: false, error: { code: 'CARD.NOT_FOUND' } });
    // Nobody took anything over from 王书恒 or 陈启航: nobody is told about them.
    const told = (await b.store.find<OutboxEntry>(COLLECTIONS.outbox.name, { limit: 100 })).filter((o) => o.message.page === 'staff/inbox/index');
    expect(told.map((o) => o.message.toOpenid)).toEqual([OPENID.investLeader]);
    // 何以宁 (invited, no card) has nothing to hand over.
    expect(await b.ok<Revoked>('admin.staff.revoke', { staffId: 'staff-invited' }, OPENID.admin)).toMatchObject({ status: 'revoked', cardIds: [] });
  });

  it('an explicit choice replaces a card’s earlier delegate', async () => {
    expect(await b.ok<Revoked>('admin.staff.revoke', { staffId: 'staff-edu-head', cardSuccessorStaffId: 'staff-park' }, OPENID.admin)).toMatchObject({ cardIds: ['card-staff-edu-head'] });
    expect((await b.ok<CardView>('card.get', { cardId: 'card-staff-edu-head' }, null)).contact).toMatchObject({ staffId: 'staff-park' });
  });

  it('when a successor leaves in turn, the cards they answered for departed colleagues pass on with their own', async () => {
    await b.ok('admin.staff.revoke', { staffId: 'staff-tech', cardSuccessorStaffId: 'staff-park' }, OPENID.admin);
    // 郑嘉木's unit has no leader: 林致远 (default card) takes both his card and 王书恒's.
    expect(await b.ok<Revoked>('admin.staff.revoke', { staffId: 'staff-park' }, OPENID.admin)).toMatchObject({ cardSuccessorStaffId: 'staff-head', cardIds: ['card-staff-park', 'card-staff-tech'] });
    expect((await b.ok<CardView>('card.get', { cardId: 'card-staff-tech' }, null)).contact).toMatchObject({ staffId: 'staff-head' });
    const [, second] = await revokeAudit();
    expect(second?.before).toMatchObject({ cards: [{ cardId: 'card-staff-park', onDutyStaffId: null }, { cardId: 'card-staff-tech', onDutyStaffId: 'staff-park' }] });
    // A card whose owner is still here keeps its own delegation rules (routing falls back to the owner).
    await b.ok('admin.staff.revoke', { staffId: 'staff-commissioner' }, OPENID.admin);
    expect((await cardDoc('card-staff-edu-head'))?.onDutyStaffId).toBe('staff-commissioner');
  });

  it('refuses a successor who cannot answer, and writes nothing', async () => {
    const refused = [
      [{ cardSuccessorStaffId: 'staff-tech' }, 'ADMIN.STAFF_INACTIVE'], // the person revoked
      [{ cardSuccessorStaffId: 'staff-invited' }, 'ADMIN.STAFF_INACTIVE'], // never bound
      [{ cardSuccessorStaffId: 'ws-staff-head' }, 'STAFF.NOT_FOUND'], // another district
      [{ cardSuccessorStaffId: 'staff-nobody' }, 'STAFF.NOT_FOUND'],
    ] as const;
    for (const [extra, code] of refused) {
      expect(await b.call('admin.staff.revoke', { staffId: 'staff-tech', ...extra }, OPENID.admin)).toMatchObject({ ok: false, error: { code, fields: ['cardSuccessorStaffId'] } });
    }
    expect(await b.call('admin.staff.revoke', { staffId: 'staff-tech', cardSuccessorStaffId: { $ne: null } }, OPENID.admin)).toMatchObject({ ok: false, error: { code: 'VALIDATION.INVALID_INPUT' } });
    await b.ok('admin.staff.revoke', { staffId: 'staff-park' }, OPENID.admin);
    expect(await b.call('admin.staff.revoke', { staffId: 'staff-tech', cardSuccessorStaffId: 'staff-park' }, OPENID.admin)).toMatchObject({ ok: false, error: { code: 'ADMIN.STAFF_INACTIVE' } });
    expect((await staffDoc('staff-tech'))?.status).toBe('active');
    expect((await cardDoc('card-staff-tech'))?.onDutyStaffId ?? null).toBeNull();
    expect(await revokeAudit()).toHaveLength(1);
  });
});
