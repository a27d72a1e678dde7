import type { Staff } from '../../domain/org/staff.schema';
import { findImportMatch, indexPeople, planStaffRow, rolesFromCell, STAFF_IMPORT_COLUMNS, validateStaffRow, type StaffImportRow } from '../../domain/org/staff-import.rules';
import { mapColumns } from '../../domain/import/import-file.rules';

const UNITS = [
  { _id: 'u-invest', name: '投资促进局' },
  { _id: 'u-tech', name: '科技局' },
  { _id: 'u-dup1', name: '办公室' },
  { _id: 'u-dup2', name: '办公室' },
];
const { index } = mapColumns(STAFF_IMPORT_COLUMNS, ['工号', '姓名', '职务', '单位', '角色', '手机']);
const row = (cells: Partial<Record<'no' | 'name' | 'title' | 'unit' | 'roles' | 'phone', string>>) =>
  validateStaffRow([cells.no ?? '', cells.name ?? '许知行', cells.title ?? '科员', cells.unit ?? '科技局', cells.roles ?? '工作人员', cells.phone ?? '13900139000'], index, UNITS);
const codeOf = (r: ReturnType<typeof row>) => (r.ok ? 'OK' : r.problem.code);

const person = (over: Partial<Staff> = {}): Staff => ({
  _id: 'staff-x', districtId: 'd', unitId: 'u-tech', name: '许知行', title: '科员', roles: ['staff'], status: 'active', phone: '13900139000', industryFocus: [], openid: 'o', createdAt: '2026-11-01T00:00:00.000Z', ...over,
});
const NOW = new Date('2026-11-30T02:00:00.000Z');
const ADMIN = { unitId: null, grantable: ['commissioner', 'staff', 'unit_leader', 'admin', 'carrier_manager'] as const };
const LEADER = { unitId: 'u-tech', grantable: ['commissioner', 'staff', 'carrier_manager'] as const };
const valid = (r: ReturnType<typeof row>): StaffImportRow => {
  if (!r.ok) throw new Error(r.problem.code);
  return r.value;
};

describe('staff import rules', () => {
  it('reads columns in any order, roles by their Chinese names in a fixed order, phones normalised, the key from 工号 else phone', () => {
    const r = row({ no: 'E-7', roles: '招商专员，工作人员、招商专员', phone: '+86 139-0013-9000' });
    expect(r).toEqual({ ok: true, key: 'no:E-7', value: { name: '许知行', title: '科员', unitId: 'u-tech', roles: ['commissioner', 'staff'], phone: '13900139000', employeeNo: 'E-7' } });
    expect(row({})).toMatchObject({ ok: true, key: 'tel:13900139000' });
    expect(rolesFromCell('区管理员、载体管理人')).toEqual({ roles: ['admin', 'carrier_manager'] });
    expect(rolesFromCell('局长')).toEqual({ unknown: '局长' });
  });

  it('gives each bad cell its stable code', () => {
    expect(codeOf(row({ name: '' }))).toBe('ROW.REQUIRED');
    expect(codeOf(row({ name: '许'.repeat(21) }))).toBe('ROW.INVALID');
    expect(codeOf(row({ title: '科员\u202e' }))).toBe('ROW.INVALID');
    expect(codeOf(row({ unit: '宣传部' }))).toBe('ROW.UNKNOWN_UNIT');
    expect(codeOf(row({ unit: '办公室' }))).toBe('ROW.AMBIGUOUS_UNIT');
    expect(codeOf(row({ roles: '、' }))).toBe('ROW.UNKNOWN_ROLE');
    expect(codeOf(row({ phone: '=1+1' }))).toBe('ROW.BAD_PHONE');
    expect(codeOf(row({ no: '工号 1' }))).toBe('ROW.BAD_EMPLOYEE_NO');
  });

  it('finds the person by key, else 工号, else an unrevoked phone; a phone under another 工号 is someone else', () => {
    const r = valid(row({ no: 'E-7' }));
    const byKey = person({ _id: 'k' });
    expect(findImportMatch(r, byKey, indexPeople([]))).toEqual({ ok: true, match: byKey });
    const sameNo = person({ _id: 'n', employeeNo: 'E-7', phone: '13800000000' });
    expect(findImportMatch(r, null, indexPeople([sameNo]))).toEqual({ ok: true, match: sameNo });
    const samePhone = person({ _id: 'p', phone: '139 0013 9000' });
    expect(findImportMatch(r, null, indexPeople([samePhone]))).toEqual({ ok: true, match: samePhone });
    expect(findImportMatch(r, null, indexPeople([person({ status: 'revoked' })]))).toEqual({ ok: true, match: null });
    expect(findImportMatch(r, null, indexPeople([person({ employeeNo: 'E-8' })]))).toMatchObject({ ok: false, problem: { code: 'ROW.PHONE_TAKEN' } });
  });

  it('plans create / update / unchanged within the caller’s reach', () => {
    const r = valid(row({ roles: '工作人员' }));
    expect(planStaffRow(r, null, ADMIN, 1, NOW)).toEqual({ ok: true, plan: { kind: 'create', row: r } });
    expect(planStaffRow(r, person(), ADMIN, 1, NOW)).toMatchObject({ ok: true, plan: { kind: 'unchanged' } });
    expect(planStaffRow({ ...r, title: '科长' }, person(), ADMIN, 1, NOW)).toMatchObject({ ok: true, plan: { kind: 'update', set: { title: '科长' }, reissueInvite: false } });
    // Keyed by phone, the phone is not "changed"; keyed by 工号, it follows the file.
    expect(planStaffRow({ ...r, employeeNo: 'E-1', phone: '13900139001' }, person(), ADMIN, 1, NOW)).toMatchObject({ plan: { set: { phone: '13900139001', employeeNo: 'E-1' } } });
    expect(planStaffRow({ ...r, unitId: 'u-invest' }, null, LEADER, 1, NOW)).toMatchObject({ ok: false, problem: { code: 'ROW.OTHER_UNIT' } });
    expect(planStaffRow(r, person({ unitId: 'u-invest' }), LEADER, 1, NOW)).toMatchObject({ ok: false, problem: { code: 'ROW.OTHER_UNIT' } });
    expect(planStaffRow({ ...r, roles: ['unit_leader'] }, null, LEADER, 1, NOW)).toMatchObject({ ok: false, problem: { code: 'ROW.ROLE_NOT_GRANTABLE' } });
    expect(planStaffRow({ ...r, roles: ['city_admin'] }, null, ADMIN, 1, NOW)).toMatchObject({ ok: false, problem: { code: 'ROW.ROLE_NOT_GRANTABLE' } });
    // A leader may keep an admin's role as it is, not take it away.
    expect(planStaffRow({ ...r, roles: ['admin', 'staff'] }, person({ roles: ['admin', 'staff'] }), LEADER, 2, NOW)).toMatchObject({ ok: true, plan: { kind: 'unchanged' } });
    expect(planStaffRow(r, person({ roles: ['admin', 'staff'] }), LEADER, 2, NOW)).toMatchObject({ ok: false, problem: { code: 'ROW.ROLE_NOT_GRANTABLE' } });
    expect(planStaffRow(r, person({ roles: ['admin', 'staff'] }), ADMIN, 1, NOW)).toMatchObject({ ok: false, problem: { code: 'ROW.LAST_ADMIN' } });
    expect(planStaffRow(r, person({ roles: ['admin', 'staff'] }), ADMIN, 2, NOW)).toMatchObject({ ok: true, plan: { kind: 'update', set: { roles: ['staff'] } } });
    expect(planStaffRow(r, person({ status: 'revoked' }), ADMIN, 1, NOW)).toMatchObject({ ok: false, problem: { code: 'ROW.STAFF_REVOKED' } });
  });

  it('re-issues a code only to an invited, unbound person without a usable one', () => {
    const r = valid(row({}));
    const invited = person({ status: 'invited', openid: null, inviteCode: 'ABCD2345', inviteExpiresAt: '2026-12-05T00:00:00.000Z' });
    expect(planStaffRow(r, invited, ADMIN, 1, NOW)).toMatchObject({ plan: { kind: 'unchanged' } });
    expect(planStaffRow(r, { ...invited, inviteExpiresAt: '2026-11-29T00:00:00.000Z' }, ADMIN, 1, NOW)).toMatchObject({ plan: { kind: 'update', set: {}, reissueInvite: true } });
    expect(planStaffRow(r, { ...invited, inviteCode: null }, ADMIN, 1, NOW)).toMatchObject({ plan: { kind: 'update', reissueInvite: true } });
    expect(planStaffRow(r, person({ inviteCode: null }), ADMIN, 1, NOW)).toMatchObject({ plan: { kind: 'unchanged' } });
  });
});
