import type { CardView } from '../../domain/api/views.schema';
import { posterContentFromCard } from '../../src/share/poster/poster-content';
import { createTestBackend, OPENID, type TestBackend } from '../support/test-backend';

// 王书恒 (staff-tech) hands over to 郑嘉木 (staff-park) and leaves; a card he shared before keeps being printed.
describe('a departed owner’s poster names the successor (issue 13 part 4)', () => {
  let b: TestBackend;
  beforeEach(async () => {
    b = await createTestBackend();
  });
  afterEach(() => b.close());

  it('after the handover and the revocation, the poster drawn from a card shared before prints the successor, never the person who left', async () => {
    const share = await b.ok<{ code: string }>('share.create', { cardId: 'card-staff-tech', channel: 'moments' }, OPENID.tech);
    const before = posterContentFromCard(await b.ok<CardView>('card.get', { shareCode: share.code }, OPENID.investorA), 'wxacode');
    expect(before.person).toMatchObject({ name: '王书恒' });

    const done = await b.ok<{ status: string }>('admin.handover.start', { staffId: 'staff-tech', successorStaffId: 'staff-park' }, OPENID.admin);
    expect(done.status).toBe('done');
    await b.ok('admin.staff.revoke', { staffId: 'staff-tech' }, OPENID.admin);

    // What the poster page reads (card.get through the old share) and lays out.
    for (const lang of ['zh', 'en'] as const) {
      const card = await b.ok<CardView>('card.get', { shareCode: share.code, ...(lang === 'en' ? { lang } : {}) }, OPENID.investorB);
      expect(card).toMatchObject({ cardId: 'card-staff-tech', ownerDeparted: true, contact: { staffId: 'staff-park' } });
      const poster = posterContentFromCard(card, 'wxacode', lang);
      expect(poster.person.name).toBe(card.contact?.name);
      expect(JSON.stringify(poster)).not.toContain('王书恒');
    }
    expect(posterContentFromCard(await b.ok<CardView>('card.get', { shareCode: share.code }, null), 'url').person).toMatchObject({ name: '郑嘉木', title: '产业园管委会 招商部长' });
  });
});
