import { createHash } from 'node:crypto';
import type { Staff } from '../../domain/org/staff.schema';
import { inviteCodeHash } from '../../cloudfunctions/_lib/invite-code-hash';
import { isInviteHashMigrationEvent, runInviteHashMigration } from '../../cloudfunctions/admin/invite-hash-migration';
import { COLLECTIONS } from '../../cloudfunctions/_lib/store/collections';
import { createTestBackend, OPENID, type TestBackend } from '../support/test-backend';

type Created = { staffId: string; inviteCode: string; inviteExpiresAt: string };
const NEW_PERSON = { name: '许知行', title: '科技局 科员', unitId: 'unit-tech', roles: ['staff', 'commissioner'], phone: '13800138020' };
const NEWCOMER = 'demo-openid-newcomer';

describe('district office: staff from invite to revocation', () => {
  let b: TestBackend;
  beforeEach(async () => {
    b = await createTestBackend();
  });
  afterEach(() => b.close());

  const staffDoc = (id: string) => b.store.get<Staff>(COLLECTIONS.staff.name, id);

  it('creates a person with a one-time code that binds once, then never again', async () => {
    const created = await b.ok<Created>('admin.staff.create', NEW_PERSON, OPENID.admin);
    expect(created.inviteCode).toMatch(/^[A-HJ-NP-Z2-9]{8}$/);
    expect(created.inviteExpiresAt).toBe('2026-12-07T02:00:00.000Z');
    // The office sees that a code is out, never the code; the store holds only its keyed hash.
    const org = await b.call('admin.org.get', {}, OPENID.admin);
    expect(JSON.stringify(org)).not.toContain(created.inviteCode);
    expect((org as { data: { staff: Array<{ id: string }> } }).data.staff.find((s) => s.id === created.staffId)).toMatchObject({ status: 'invited', invitePending: true, inviteExpired: false });
    const stored = await staffDoc(created.staffId);
    expect(JSON.stringify(stored)).not.toContain(created.inviteCode);
    expect(stored).toMatchObject({ inviteCode: null, inviteCodeHash: inviteCodeHash(b.deps.analyticsSecret, created.inviteCode) });
    // Keyed: the plain SHA-256 of a 40-bit code (searchable in minutes) is not what is stored.
    expect(stored?.inviteCodeHash).not.toBe(createHash('sha256').update(created.inviteCode).digest('hex'));
    expect(await b.ok('staff.bindInvite', { inviteCode: created.inviteCode }, NEWCOMER)).toEqual({ staffId: created.staffId, name: '许知行' });
    expect(await staffDoc(created.staffId)).toMatchObject({ status: 'active', openid: NEWCOMER, inviteCode: null, inviteCodeHash: null });
    expect(await b.call('staff.bindInvite', { inviteCode: created.inviteCode }, 'demo-openid-someone-else')).toMatchObject({ ok: false, error: { code: 'AUTH.INVITE_INVALID' } });
    // The audit records that a code was issued, never the code.
    const [audit] = await b.store.find<{ _id: string; after: unknown }>(COLLECTIONS.audit.name, { where: { districtId: 'demo-linjiang' }, limit: 5 });
    expect(JSON.stringify(audit.after)).not.toContain(created.inviteCode);
  });

  it('an expired code binds nothing; a re-issued code works and the old one is dead; a revoked code binds nothing', async () => {
    const created = await b.ok<Created>('admin.staff.create', NEW_PERSON, OPENID.admin);
    b.clock.advanceHours(7 * 24 + 1);
    expect(await b.call('staff.bindInvite', { inviteCode: created.inviteCode }, NEWCOMER)).toMatchObject({ ok: false, error: { code: 'AUTH.INVITE_INVALID' } });
    const org = await b.ok<{ staff: Array<{ id: string; inviteExpired: boolean }> }>('admin.org.get', {}, OPENID.admin);
    expect(org.staff.find((s) => s.id === created.staffId)?.inviteExpired).toBe(true);
    const again = await b.ok<{ inviteCode: string }>('admin.staff.invite', { staffId: created.staffId, op: 'reissue' }, OPENID.admin);
    expect(again.inviteCode).not.toBe(created.inviteCode);
    expect(await staffDoc(created.staffId)).toMatchObject({ inviteCode: null, inviteCodeHash: inviteCodeHash(b.deps.analyticsSecret, again.inviteCode) });
    expect(await b.call('staff.bindInvite', { inviteCode: created.inviteCode }, NEWCOMER)).toMatchObject({ ok: false, error: { code: 'AUTH.INVITE_INVALID' } });
    await b.ok('admin.staff.invite', { staffId: created.staffId, op: 'revoke' }, OPENID.admin);
    expect(await b.call('staff.bindInvite', { inviteCode: again.inviteCode }, NEWCOMER)).toMatchObject({ ok: false, error: { code: 'AUTH.INVITE_INVALID' } });
    expect(await staffDoc(created.staffId)).toMatchObject({ inviteCode: null, inviteCodeHash: null });
    expect((await b.ok<{ staff: Array<{ id: string; invitePending: boolean }> }>('admin.org.get', {}, OPENID.admin)).staff.find((s) => s.id === created.staffId)?.invitePending).toBe(false);
    expect(await b.call('admin.staff.invite', { staffId: 'staff-tech', op: 'reissue' }, OPENID.admin)).toMatchObject({ ok: false, error: { code: 'ADMIN.INVITE_NOT_PENDING' } });
  });

  it('plain-text codes stored before hashing (the demo seed’s DEMO2026) still bind, and the migration hashes them so they bind the same', async () => {
    const seeded = 'staff-invited';
    expect(await staffDoc(seeded)).toMatchObject({ status: 'invited', inviteCode: 'DEMO2026' });
    // Not migrated yet: the legacy code binds (and a wrong one does not).
    const legacy = await createTestBackend();
    try {
      expect(await legacy.call('staff.bindInvite', { inviteCode: 'DEMO2027' }, NEWCOMER)).toMatchObject({ ok: false, error: { code: 'AUTH.INVITE_INVALID' } });
      expect(await legacy.ok('staff.bindInvite', { inviteCode: 'DEMO2026' }, NEWCOMER)).toEqual({ staffId: seeded, name: '何以宁' });
      expect(await legacy.store.get<Staff>(COLLECTIONS.staff.name, seeded)).toMatchObject({ status: 'active', inviteCode: null, inviteCodeHash: null });
    } finally {
      await legacy.close();
    }
    // A bound account that still carries a plain code only loses it.
    await b.store.update(COLLECTIONS.staff.name, 'staff-tech', { set: { inviteCode: 'OLDCODE2' } });
    expect(await runInviteHashMigration(b.deps)).toEqual({ ok: true, data: { hashed: 1, dropped: 1, left: 0 } });
    expect(await staffDoc(seeded)).toMatchObject({ inviteCode: null, inviteCodeHash: inviteCodeHash(b.deps.analyticsSecret, 'DEMO2026') });
    expect(await staffDoc('staff-tech')).toMatchObject({ inviteCode: null, inviteCodeHash: null });
    expect(await runInviteHashMigration(b.deps)).toEqual({ ok: true, data: { hashed: 0, dropped: 0, left: 0 } });
    expect(await runInviteHashMigration({ ...b.deps, analyticsSecret: null })).toEqual({ ok: true, data: { hashed: 0, dropped: 0, left: 0 } });
    expect(await b.ok('staff.bindInvite', { inviteCode: 'DEMO2026' }, NEWCOMER)).toEqual({ staffId: seeded, name: '何以宁' });
    // Only the console (no caller identity) starts it: a client's call with the same body is an unknown action.
    const event = { Type: 'Timer', TriggerName: 'invite-hash-migration' };
    expect(isInviteHashMigrationEvent(event, { openid: null, visitor: null })).toBe(true);
    expect(isInviteHashMigrationEvent(event, { openid: OPENID.admin, visitor: null })).toBe(false);
    expect(isInviteHashMigrationEvent(event, { openid: null, visitor: 'tcb_abcdef' })).toBe(false);
  });

  it('without the deployment secret no code is issued or bound: a typed error, nothing written', async () => {
    const before = (await b.store.find<Staff>(COLLECTIONS.staff.name, { where: { districtId: 'demo-linjiang' }, limit: 500 })).length;
    b.deps.analyticsSecret = null;
    expect(await b.call('admin.staff.create', NEW_PERSON, OPENID.admin)).toMatchObject({ ok: false, error: { code: 'CONFIG.ANALYTICS_SECRET_MISSING' } });
    expect(await b.call('staff.bindInvite', { inviteCode: 'DEMO2026' }, NEWCOMER)).toMatchObject({ ok: false, error: { code: 'CONFIG.ANALYTICS_SECRET_MISSING' } });
    expect((await b.store.find<Staff>(COLLECTIONS.staff.name, { where: { districtId: 'demo-linjiang' }, limit: 500 })).length).toBe(before);
  });

  it('a role change and a revocation take effect on the person’s very next request', async () => {
    expect(await b.call('admin.home', {}, OPENID.tech)).toMatchObject({ ok: false, error: { code: 'AUTH.FORBIDDEN' } });
    await b.ok('admin.staff.setRoles', { staffId: 'staff-tech', roles: ['staff', 'commissioner', 'carrier_manager'] }, OPENID.admin);
    expect(await b.ok<{ scope: string }>('admin.home', {}, OPENID.tech)).toMatchObject({ scope: 'carriers' });
    expect(await b.call('lead.inbox', { tab: 'mine' }, OPENID.tech)).toMatchObject({ ok: true });
    await b.ok('admin.staff.revoke', { staffId: 'staff-tech' }, OPENID.admin);
    expect(await b.call('lead.inbox', { tab: 'mine' }, OPENID.tech)).toMatchObject({ ok: false, error: { code: 'AUTH.STAFF_REVOKED' } });
    expect(await b.call('admin.home', {}, OPENID.tech)).toMatchObject({ ok: false, error: { code: 'AUTH.STAFF_REVOKED' } });
    expect(await staffDoc('staff-tech')).toMatchObject({ status: 'revoked', revokedAt: b.clock.now.toISOString() });
  });

  it('a unit leader manages their own unit only and cannot hand out or take away admin', async () => {
    // 陈启航 leads the investment bureau.
    const mine = await b.ok<Created>('admin.staff.create', { ...NEW_PERSON, unitId: 'unit-invest' }, OPENID.investLeader);
    expect(mine.staffId).toMatch(/^staff_/);
    expect(await b.call('admin.staff.create', NEW_PERSON, OPENID.investLeader)).toMatchObject({ ok: false, error: { code: 'UNIT.NOT_FOUND' } });
    expect(await b.call('admin.staff.create', { ...NEW_PERSON, unitId: 'unit-invest', roles: ['admin'] }, OPENID.investLeader)).toMatchObject({ ok: false, error: { code: 'AUTH.FORBIDDEN' } });
    expect(await b.call('admin.staff.revoke', { staffId: 'staff-tech' }, OPENID.investLeader)).toMatchObject({ ok: false, error: { code: 'STAFF.NOT_FOUND' } });
    expect(await b.call('admin.staff.revoke', { staffId: 'staff-admin' }, OPENID.investLeader)).toMatchObject({ ok: false, error: { code: 'AUTH.FORBIDDEN' } });
    expect(await b.call('admin.staff.setRoles', { staffId: 'staff-admin', roles: ['staff'] }, OPENID.investLeader)).toMatchObject({ ok: false, error: { code: 'AUTH.FORBIDDEN' } });
    expect((await staffDoc('staff-admin'))?.roles).toEqual(['admin', 'staff']);
  });

  it('keeps the last admin, and nobody reaches another district’s people', async () => {
    expect(await b.call('admin.staff.revoke', { staffId: 'staff-admin' }, OPENID.admin)).toMatchObject({ ok: false, error: { code: 'ADMIN.LAST_ADMIN' } });
    expect(await b.call('admin.staff.setRoles', { staffId: 'staff-admin', roles: ['staff'] }, OPENID.admin)).toMatchObject({ ok: false, error: { code: 'ADMIN.LAST_ADMIN' } });
    expect(await b.call('admin.staff.revoke', { staffId: 'staff-tech' }, OPENID.wangshanAdmin)).toMatchObject({ ok: false, error: { code: 'STAFF.NOT_FOUND' } });
    expect(await b.call('admin.staff.create', NEW_PERSON, OPENID.wangshanAdmin)).toMatchObject({ ok: false, error: { code: 'UNIT.NOT_FOUND' } });
    expect(await b.call('admin.staff.create', { ...NEW_PERSON, unitId: 'ws-unit-invest' }, OPENID.cityAdmin)).toMatchObject({ ok: false, error: { code: 'AUTH.FORBIDDEN' } });
    expect((await staffDoc('staff-tech'))?.status).toBe('active');
  });
});
