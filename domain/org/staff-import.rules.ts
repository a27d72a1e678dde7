import * as v from 'valibot';
import { line } from '../common/text';
import { cellOf, listCell, type ImportColumn, type RowProblem } from '../import/import-file.rules';
import { normalizePhone } from '../lead/phone.rules';
import { inviteUsable } from './invite.rules';
import { STAFF_ROLES, type Staff, type StaffRole } from './staff.schema';
import type { Unit } from './unit.schema';

/**
 * Staff import (Excel or CSV). Pure: the use case loads the district's units and people and asks. Every verdict
 * a dry run reports comes from these functions, and the apply step asks them again, so both say the same.
 *
 * A row's external key is its 工号 when given, else its normalised phone (mainland or E.164): importing the same
 * file twice finds the same people and changes nothing; a key that exists updates that person.
 */

export const STAFF_IMPORT_COLUMNS = [
  { key: 'name', header: '姓名', required: true },
  { key: 'title', header: '职务', required: true },
  { key: 'unit', header: '单位', required: true },
  { key: 'roles', header: '角色', required: true },
  { key: 'phone', header: '手机', required: true },
  { key: 'employeeNo', header: '工号', required: false },
  { key: 'nameEn', header: '姓名（英文）', required: false },
  { key: 'titleEn', header: '职务（英文）', required: false },
] as const satisfies ReadonlyArray<ImportColumn>;
export type StaffImportColumnKey = (typeof STAFF_IMPORT_COLUMNS)[number]['key'];

/** Staff files are an office's people, not a catalogue: a district's whole roster fits well under this. */
export const STAFF_IMPORT_MAX_ROWS = 2000;

/** The fixed Chinese names a 角色 cell may use (the first of each is how the office writes it). */
export const STAFF_ROLE_NAMES: Record<StaffRole, readonly string[]> = {
  commissioner: ['招商专员'],
  staff: ['工作人员'],
  unit_leader: ['单位负责人'],
  admin: ['区管理员', '管理员'],
  city_admin: ['市级管理员'],
  carrier_manager: ['载体管理人'],
};

export const STAFF_ROW_REASONS = {
  'ROW.REQUIRED': '必填项为空',
  'ROW.INVALID': '内容不符合要求（长度或字符）',
  'ROW.BAD_PHONE': '手机号码格式不正确',
  'ROW.BAD_EMPLOYEE_NO': '工号只能包含字母、数字、- 和 _（1–32 位）',
  'ROW.UNKNOWN_UNIT': '单位名称与单位列表不符',
  'ROW.AMBIGUOUS_UNIT': '有多个同名单位，请联系管理员改名后再导入',
  'ROW.UNKNOWN_ROLE': '角色不在可选范围内',
  'ROW.ROLE_NOT_GRANTABLE': '您不能授予或取消该角色',
  'ROW.OTHER_UNIT': '只能导入本单位的人员',
  'ROW.STAFF_REVOKED': '该人员已停用，不能通过导入恢复',
  'ROW.LAST_ADMIN': '不能取消本区最后一位管理员',
  'ROW.DUPLICATE_KEY': '工号或手机号在文件中重复',
  'ROW.DUPLICATE_PERSON': '与文件中另一行是同一人',
  'ROW.PHONE_TAKEN': '该手机号已属于另一工号的人员',
} as const;
export type StaffRowReason = keyof typeof STAFF_ROW_REASONS;
export type StaffRowProblem = Omit<RowProblem<StaffRowReason>, 'row'>;

export interface StaffImportRow {
  name: string;
  title: string;
  unitId: string;
  roles: StaffRole[];
  /** Normalised: 13800138000, 025-84681234, +85291234567. */
  phone: string;
  employeeNo: string | null;
  /** English name and title for investors reading English; absent when the cell is empty (a stored one is kept). */
  nameEn?: string;
  titleEn?: string;
}

const EMPLOYEE_NO = /^[A-Za-z0-9_-]{1,32}$/;
const problem = (code: StaffRowReason, column: string | null): { ok: false; problem: StaffRowProblem } => ({ ok: false, problem: { code, column, message: STAFF_ROW_REASONS[code] } });

/** The external key of a row: its 工号, else its phone. */
export const staffImportKey = (row: Pick<StaffImportRow, 'employeeNo' | 'phone'>): string => (row.employeeNo ? `no:${row.employeeNo}` : `tel:${row.phone}`);

/** A 角色 cell → roles in STAFF_ROLES order; null names the first unknown label. */
export const rolesFromCell = (cell: string): { roles: StaffRole[] } | { unknown: string } => {
  const found = new Set<StaffRole>();
  for (const label of listCell(cell)) {
    const role = STAFF_ROLES.find((r) => STAFF_ROLE_NAMES[r].includes(label) || r === label);
    if (!role) return { unknown: label };
    found.add(role);
  }
  return { roles: STAFF_ROLES.filter((r) => found.has(r)) };
};

/** One data row (cells as text) → a person the office's own rules accept, or the first problem found. */
export const validateStaffRow = (
  cells: readonly string[],
  index: Partial<Record<StaffImportColumnKey, number>>,
  units: ReadonlyArray<Pick<Unit, '_id' | 'name'>>,
): { ok: true; key: string; value: StaffImportRow } | { ok: false; problem: StaffRowProblem } => {
  const get = (k: StaffImportColumnKey) => cellOf(cells, index, k);
  for (const c of STAFF_IMPORT_COLUMNS) if (c.required && !get(c.key)) return problem('ROW.REQUIRED', c.header);
  const text = (k: 'name' | 'title', max: number) => v.safeParse(line(1, max), get(k));
  const name = text('name', 20);
  if (!name.success) return problem('ROW.INVALID', '姓名');
  const title = text('title', 30);
  if (!title.success) return problem('ROW.INVALID', '职务');
  const named = units.filter((u) => u.name === get('unit'));
  if (named.length === 0) return problem('ROW.UNKNOWN_UNIT', '单位');
  if (named.length > 1) return problem('ROW.AMBIGUOUS_UNIT', '单位');
  const roles = rolesFromCell(get('roles'));
  if ('unknown' in roles || roles.roles.length === 0) return problem('ROW.UNKNOWN_ROLE', '角色');
  const phone = normalizePhone(get('phone'));
  if (!phone) return problem('ROW.BAD_PHONE', '手机');
  const employeeNo = get('employeeNo') || null;
  if (employeeNo !== null && !EMPLOYEE_NO.test(employeeNo)) return problem('ROW.BAD_EMPLOYEE_NO', '工号');
  const english = (k: 'nameEn' | 'titleEn', max: number) => v.safeParse(line(0, max), get(k));
  const nameEn = english('nameEn', 40);
  if (!nameEn.success) return problem('ROW.INVALID', '姓名（英文）');
  const titleEn = english('titleEn', 60);
  if (!titleEn.success) return problem('ROW.INVALID', '职务（英文）');
  const value: StaffImportRow = {
    name: name.output,
    title: title.output,
    unitId: named[0]._id,
    roles: roles.roles,
    phone,
    employeeNo,
    ...(nameEn.output.trim() ? { nameEn: nameEn.output.trim() } : {}),
    ...(titleEn.output.trim() ? { titleEn: titleEn.output.trim() } : {}),
  };
  return { ok: true, key: staffImportKey(value), value };
};

export interface PeopleIndex {
  byEmployeeNo: ReadonlyMap<string, Staff>;
  /** Active and invited people by normalised phone (the first by id when two share one). */
  byPhone: ReadonlyMap<string, Staff>;
}

/** The district's people indexed once per import (each phone normalised once, not once per row). */
export const indexPeople = (people: readonly Staff[]): PeopleIndex => {
  const byEmployeeNo = new Map<string, Staff>();
  const byPhone = new Map<string, Staff>();
  for (const p of people) {
    if (p.employeeNo && !byEmployeeNo.has(p.employeeNo)) byEmployeeNo.set(p.employeeNo, p);
    const phone = p.status === 'revoked' ? null : normalizePhone(p.phone);
    if (phone && !byPhone.has(phone)) byPhone.set(phone, p);
  }
  return { byEmployeeNo, byPhone };
};

/**
 * Who an imported row is, among the district's people: the person the key made (their id derives from it), else
 * the one holding this 工号, else an active or invited one with this phone. A phone held by someone with another
 * 工号 is a different person: a problem, never a merge.
 */
export const findImportMatch = (
  row: StaffImportRow,
  byKey: Staff | null,
  people: PeopleIndex,
): { ok: true; match: Staff | null } | { ok: false; problem: StaffRowProblem } => {
  if (byKey) return { ok: true, match: byKey };
  if (row.employeeNo) {
    const same = people.byEmployeeNo.get(row.employeeNo);
    if (same) return { ok: true, match: same };
  }
  const samePhone = people.byPhone.get(row.phone);
  if (!samePhone) return { ok: true, match: null };
  if (row.employeeNo && samePhone.employeeNo && samePhone.employeeNo !== row.employeeNo) return problem('ROW.PHONE_TAKEN', '手机');
  return { ok: true, match: samePhone };
};

export interface ImportCaller {
  /** A unit leader's unit; null for the district admin. */
  unitId: string | null;
  grantable: readonly StaffRole[];
}

export type StaffPlan =
  | { kind: 'create'; row: StaffImportRow }
  | { kind: 'update'; staff: Staff; set: Partial<Staff>; reissueInvite: boolean }
  | { kind: 'unchanged'; staff: Staff };

const sameRoles = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((r) => b.includes(r));

/**
 * What importing a row does to its person: create them, update name/title/unit/roles (and the phone, when the
 * 工号 is the key), or nothing. A unit leader imports their own unit's people only; roles given or taken away
 * must be the caller's to give (so never admin or city_admin from a unit leader, never city_admin from anyone);
 * the district's last active admin keeps the role. An invited person whose code has expired or was revoked gets a
 * new one; a valid code is never re-issued.
 */
export const planStaffRow = (
  row: StaffImportRow,
  match: Staff | null,
  caller: ImportCaller,
  activeAdmins: number,
  now: Date,
): { ok: true; plan: StaffPlan } | { ok: false; problem: StaffRowProblem } => {
  if (caller.unitId !== null && row.unitId !== caller.unitId) return problem('ROW.OTHER_UNIT', '单位');
  if (!match) {
    if (row.roles.some((r) => !caller.grantable.includes(r))) return problem('ROW.ROLE_NOT_GRANTABLE', '角色');
    return { ok: true, plan: { kind: 'create', row } };
  }
  if (match.status === 'revoked') return problem('ROW.STAFF_REVOKED', null);
  if (caller.unitId !== null && match.unitId !== caller.unitId) return problem('ROW.OTHER_UNIT', '单位');
  const changed = [...row.roles.filter((r) => !match.roles.includes(r)), ...match.roles.filter((r) => !row.roles.includes(r))];
  if (changed.some((r) => !caller.grantable.includes(r))) return problem('ROW.ROLE_NOT_GRANTABLE', '角色');
  if (match.roles.includes('admin') && !row.roles.includes('admin') && match.status === 'active' && activeAdmins <= 1) return problem('ROW.LAST_ADMIN', '角色');
  const set: Partial<Staff> = {};
  if (match.name !== row.name) set.name = row.name;
  if (match.title !== row.title) set.title = row.title;
  // An empty English cell keeps what the office wrote in the editor; a filled one replaces it.
  if (row.nameEn && match.nameEn !== row.nameEn) set.nameEn = row.nameEn;
  if (row.titleEn && match.titleEn !== row.titleEn) set.titleEn = row.titleEn;
  if (match.unitId !== row.unitId) set.unitId = row.unitId;
  if (!sameRoles(match.roles, row.roles)) set.roles = row.roles;
  if (row.employeeNo && match.phone !== row.phone) set.phone = row.phone;
  if (row.employeeNo && match.employeeNo !== row.employeeNo) set.employeeNo = row.employeeNo;
  const reissueInvite = match.status === 'invited' && !match.openid && !inviteUsable(match, now);
  if (Object.keys(set).length === 0 && !reissueInvite) return { ok: true, plan: { kind: 'unchanged', staff: match } };
  return { ok: true, plan: { kind: 'update', staff: match, set, reissueInvite } };
};

/** The template's 填写说明 sheet, line by line (the district's unit names follow it). */
export const STAFF_IMPORT_GUIDE: readonly string[] = [
  '每行一位人员；第一行是列名，请勿修改或合并单元格。',
  '姓名（必填，最多 20 字）、职务（必填，最多 30 字）。',
  '单位（必填）：与下方单位列表中的名称完全一致。',
  `角色（必填，可填多个，用顿号分隔）：${STAFF_ROLES.filter((r) => r !== 'city_admin').map((r) => STAFF_ROLE_NAMES[r][0]).join('、')}。单位负责人只能授予招商专员、工作人员、载体管理人。`,
  '手机（必填）：大陆手机号，或带国家码的境外号码（如 +852 9123 4567）。',
  '姓名（英文）、职务（英文）（选填，最多 40 / 60 字）：外国投资者阅读英文页面时看到的姓名与职务；留空则显示中文并标注「中文」，已填写的英文不会被空白覆盖。',
  '工号（选填）：字母、数字、- 和 _。有工号时按工号识别同一人，否则按手机号识别；再次导入会更新此人，不会重复添加。',
  '导入后，新人员各得到一个一次性邀请码（7 天内有效），在「工作台 → 绑定」中输入；已有有效邀请码的人员不会重新发放。',
  '公式按文字读取，不会计算；最多 2000 行、2 MB。',
];
