import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import AdminCarriersPage from '../../../src/admin/carriers/index';
import DistrictProfilePage from '../../../src/admin/district/index';
import AdminHomePage from '../../../src/admin/home/index';
import StaffPage from '../../../src/admin/staff/index';
import VacancyConfirmPage from '../../../src/admin/vacancy/index';
import { fakeBackend, type FakeBackend, type Handler } from '../support/lead-loop-backend';
import * as TaroMock from '../support/taro-mock';

type Storage = { getStorageSync: jest.Mock; setStorageSync: jest.Mock; removeStorageSync?: jest.Mock };
const storage = Taro as unknown as Storage;
let saved: Map<string, unknown>;
let backend: FakeBackend | undefined;
const use = (handlers: Record<string, Handler>) => (backend = fakeBackend(handlers));

beforeEach(() => {
  TaroMock.resetTaroMock();
  saved = new Map();
  storage.getStorageSync = jest.fn((k: string) => saved.get(k) ?? '');
  storage.setStorageSync = jest.fn((k: string, v: unknown) => saved.set(k, v));
  storage.removeStorageSync = jest.fn((k: string) => saved.delete(k));
});
afterEach(() => {
  backend?.restore();
  backend = undefined;
});

const PROFILE = {
  name: '云川市临江区（演示）',
  slogan: '临江而立，投资正当时',
  intro: '临江区位于云川市东部。',
  keyIndustries: ['数字经济', '先进制造'],
  headlineFigures: [{ label: '可招商面积', value: '112 万㎡' }],
  policies: [{ title: '首年租金减免 30%', summary: '最长三年', fileId: null }],
  coverImage: '/assets/district/cover.svg',
  defaultCardId: 'card-staff-head',
  vacancyConfirmDays: 30,
};
const SLA = { firstResponseHours: 8, followUpDays: 7, remindAt: 1, copyLeaderAt: 2, reassignAt: 3 };
const DISTRICT = { districtId: 'demo-linjiang', profile: PROFILE, updatedAt: '2026-11-30T02:00:00.000Z', canEdit: true, sla: SLA, cards: [{ cardId: 'card-staff-head', ownerName: '林致远', ownerTitle: '区长' }] };
const type = (testId: string, value: string) => fireEvent.change(screen.getByTestId(testId), { target: { value } });

describe('管理 home', () => {
  it('shows what the caller’s scope allows and nothing more', async () => {
    use({ 'admin.home': () => ({ scope: 'carriers', canWriteDistrict: false, district: { id: 'd', name: '临江区' }, districts: [{ id: 'd', name: '临江区' }], counts: { units: 6, staff: 9, invited: 1, carriers: 48, vacancyDue: 3 } }) });
    render(<AdminHomePage />);
    await screen.findByTestId('admin-home');
    expect(screen.getByTestId('admin-entry-carriers').textContent).toContain('3 个空置面积待核实');
    expect(screen.queryByTestId('admin-entry-district')).toBeNull();
    expect(screen.queryByTestId('admin-entry-audit')).toBeNull();
    fireEvent.click(screen.getByTestId('admin-entry-carriers'));
    expect(TaroMock.navigateTo).toHaveBeenCalledWith({ url: '/admin/carriers/index' });
  });

  it('a person without an office role gets a clear refusal, not an empty page', async () => {
    use({ 'admin.home': () => ({ fail: { code: 'AUTH.FORBIDDEN', message: '您没有权限进行此操作' } }) });
    render(<AdminHomePage />);
    expect((await screen.findByTestId('admin-forbidden')).textContent).toContain('您没有权限进行此操作');
  });
});

describe('district profile editor', () => {
  it('updates the live preview as the admin types and saves exactly the contract’s request', async () => {
    const api = use({ 'admin.district.get': () => DISTRICT, 'admin.district.update': () => ({ districtId: 'demo-linjiang', updatedAt: '2026-11-30T03:00:00.000Z' }) });
    render(<DistrictProfilePage />);
    await screen.findByTestId('admin-district');
    type('intro-input', '全新介绍');
    type('figures-input', '可招商面积：120 万㎡\n高新技术企业：900 家');
    const preview = screen.getByTestId('district-preview');
    expect(within(preview).getByText('全新介绍')).toBeTruthy();
    expect(within(preview).getByText('900 家')).toBeTruthy();
    await act(async () => {
      fireEvent.click(screen.getByTestId('save-district'));
    });
    expect(api.inputs('admin.district.update')).toEqual([
      {
        ...PROFILE,
        intro: '全新介绍',
        headlineFigures: [
          { label: '可招商面积', value: '120 万㎡', labelEn: '', valueEn: '' },
          { label: '高新技术企业', value: '900 家', labelEn: '', valueEn: '' },
        ],
        policies: PROFILE.policies.map((p) => ({ ...p, titleEn: '', summaryEn: '' })),
        // No English typed: saved empty, item by item.
        nameEn: '',
        sloganEn: '',
        introEn: '',
        keyIndustriesEn: [],
      },
    ]);
    expect(await screen.findByTestId('saved')).toBeTruthy();
    // Saved: the device draft is gone.
    expect([...saved.keys()].filter((k) => k.includes('district-profile'))).toEqual([]);
  });

  it('refuses an invalid form on the device with the field’s message, and nothing is sent', async () => {
    const api = use({ 'admin.district.get': () => DISTRICT, 'admin.district.update': () => ({ districtId: 'x', updatedAt: 'x' }) });
    render(<DistrictProfilePage />);
    await screen.findByTestId('admin-district');
    type('intro-input', '');
    type('cycle-input', '3');
    expect(screen.getByTestId('field-intro').textContent).toContain('不能为空');
    expect(screen.getByTestId('field-cycle').textContent).toContain('至少 7 天');
    await act(async () => {
      fireEvent.click(screen.getByTestId('save-district'));
    });
    expect(api.inputs('admin.district.update')).toEqual([]);
  });

  it('keeps a draft across a reload and says so', async () => {
    use({ 'admin.district.get': () => DISTRICT });
    const first = render(<DistrictProfilePage />);
    await screen.findByTestId('admin-district');
    type('slogan-input', '草稿里的口号');
    first.unmount();
    render(<DistrictProfilePage />);
    await screen.findByTestId('draft-restored');
    expect((screen.getByTestId('slogan-input') as HTMLInputElement).value).toBe('草稿里的口号');
  });
});

describe('SLA settings', () => {
  it('holds back a ladder that does not climb and saves one that does', async () => {
    const api = use({ 'admin.district.get': () => DISTRICT, 'admin.sla.update': (i) => ({ districtId: 'demo-linjiang', sla: i }) });
    render(<DistrictProfilePage />);
    await screen.findByTestId('sla-form');
    type('sla-reassignAt-input', '2');
    fireEvent.click(screen.getByTestId('sla-save'));
    expect(api.inputs('admin.sla.update')).toEqual([]);
    expect(screen.getByTestId('sla-form').textContent).toContain('升级顺序须依次增大');
    type('sla-reassignAt-input', '4');
    type('sla-firstResponseHours-input', '4');
    await act(async () => {
      fireEvent.click(screen.getByTestId('sla-save'));
    });
    expect(api.inputs('admin.sla.update')).toEqual([{ ...SLA, firstResponseHours: 4, reassignAt: 4 }]);
    expect(await screen.findByTestId('sla-saved')).toBeTruthy();
  });
});

describe('vacancy confirmation page', () => {
  const PEEK = { carrierName: '临江新港标准厂房', districtName: '临江区', vacantArea: 3000, totalArea: 12000, question: '仍有 3,000 ㎡ 空置', lastVerifiedAt: '2026-10-01T00:00:00.000Z', used: false };

  it('confirms «仍有 N ㎡ 空置» in one tap with the link’s token only', async () => {
    TaroMock.setRouterParams({ t: 'A'.repeat(24) }, '/admin/vacancy/index');
    const api = use({ 'vacancy.peek': () => PEEK, 'vacancy.confirm': () => ({ carrierName: PEEK.carrierName, vacantArea: 3000, lastVerifiedAt: '2026-11-30T02:00:00.000Z' }) });
    render(<VacancyConfirmPage />);
    expect((await screen.findByTestId('vacancy-question')).textContent).toBe('仍有 3,000 ㎡ 空置？');
    await act(async () => {
      fireEvent.click(screen.getByTestId('vacancy-confirm'));
    });
    expect(api.inputs('vacancy.confirm')).toEqual([{ token: 'A'.repeat(24) }]);
    expect((await screen.findByTestId('vacancy-done')).textContent).toContain('空置 3,000 ㎡');
  });

  it('takes a new figure within the total only, and says when the link is dead', async () => {
    TaroMock.setRouterParams({ t: 'B'.repeat(24) }, '/admin/vacancy/index');
    const api = use({ 'vacancy.peek': () => PEEK, 'vacancy.confirm': () => ({ carrierName: PEEK.carrierName, vacantArea: 800, lastVerifiedAt: '2026-11-30T02:00:00.000Z' }) });
    render(<VacancyConfirmPage />);
    await screen.findByTestId('vacancy-page');
    fireEvent.click(screen.getByTestId('vacancy-change'));
    type('vacancy-figure-input', '20000');
    fireEvent.click(screen.getByTestId('vacancy-submit-figure'));
    expect(api.inputs('vacancy.confirm')).toEqual([]);
    type('vacancy-figure-input', '800');
    await act(async () => {
      fireEvent.click(screen.getByTestId('vacancy-submit-figure'));
    });
    expect(api.inputs('vacancy.confirm')).toEqual([{ token: 'B'.repeat(24), vacantArea: 800 }]);

    backend?.restore();
    use({ 'vacancy.peek': () => ({ fail: { code: 'VACANCY.LINK_INVALID', message: '核实链接无效或已过期，请联系管理员重新发送' } }) });
    TaroMock.setRouterParams({ t: 'C'.repeat(24) }, '/admin/vacancy/index');
    render(<VacancyConfirmPage />);
    expect((await screen.findByTestId('vacancy-invalid')).textContent).toContain('请联系管理员重新发送');
  });
});

describe('carriers and staff', () => {
  const ROW = { id: 'car_1', name: '临江新港标准厂房', type: 'factory', street: '金湾街道', vacantArea: 3000, totalArea: 12000, listed: true, managerName: '钱经理', managerStaffId: null, lastVerifiedAt: '2026-10-01T00:00:00.000Z', vacancyDueAt: '2026-10-31T00:00:00.000Z', vacancyDue: true, canEdit: true, shareImagesToDraw: null };

  it('lists carriers with their freshness and hands the admin the link for an external manager', async () => {
    const api = use({
      'admin.carrier.list': () => ({ items: [ROW], nextCursor: null, withdrawn: [], managers: [{ managerName: '钱经理', staffId: null, due: 1, medianConfirmDays: null }] }),
      'admin.carrier.remindVacancy': () => ({ page: 'admin/vacancy/index?t=x', webUrl: 'http://h/#/admin/vacancy/index?t=x', delivery: 'forward', expiresAt: '2026-12-14T00:00:00.000Z' }),
    });
    render(<AdminCarriersPage />);
    await screen.findByTestId('admin-carriers');
    expect(screen.getByTestId('carrier-fresh-car_1').textContent).toContain('待核实');
    expect(screen.getByTestId('manager-stats').textContent).toContain('钱经理：1 个');
    await act(async () => {
      fireEvent.click(screen.getByTestId('carrier-remind-car_1'));
    });
    expect(api.inputs('admin.carrier.remindVacancy')).toEqual([{ carrierId: 'car_1' }]);
    expect(screen.getByTestId('remind-link').textContent).toBe('http://h/#/admin/vacancy/index?t=x');
  });

  it('creates a person and shows the one-time invite code to pass on', async () => {
    const ORG = {
      districtId: 'd', canEditDistrict: true, manageableUnitIds: ['unit-tech'], grantableRoles: ['commissioner', 'staff'],
      units: [{ id: 'unit-tech', name: '科技局', kind: 'economic_department', isEconomic: true, leaderStaffId: null, parentUnitId: null }],
      teams: [], staff: [], rota: [],
    };
    const api = use({ 'admin.org.get': () => ORG, 'admin.staff.create': () => ({ staffId: 'staff_1', inviteCode: 'K7M2P9QX', inviteExpiresAt: '2026-12-07T02:00:00.000Z' }) });
    render(<StaffPage />);
    await screen.findByTestId('staff-create');
    type('staff-name-input', '许知行');
    type('staff-title-input', '科员');
    type('staff-phone-input', '13800138020');
    await act(async () => {
      fireEvent.click(screen.getByTestId('staff-create-submit'));
    });
    expect(api.inputs('admin.staff.create')).toEqual([{ name: '许知行', title: '科员', phone: '13800138020', unitId: 'unit-tech', roles: ['staff', 'commissioner'] }]);
    await waitFor(() => expect(screen.getByTestId('invite-code').textContent).toBe('K7M2P9QX'));
    expect(screen.getByTestId('invite-issued').textContent).toContain('有效期至 2026-12-07');
  });

  it('lists an unused invite as issued without its code; a re-issue shows the new code once, on that person’s row', async () => {
    const ORG = {
      districtId: 'd', canEditDistrict: true, manageableUnitIds: ['unit-tech'], grantableRoles: ['commissioner', 'staff'],
      units: [{ id: 'unit-tech', name: '科技局', kind: 'economic_department', isEconomic: true, leaderStaffId: null, parentUnitId: null }],
      teams: [], rota: [],
      staff: [{ id: 'staff-new', name: '许知行', title: '科员', unitId: 'unit-tech', roles: ['staff'], status: 'invited', phone: '1', invitePending: true, inviteExpiresAt: '2026-12-07T02:00:00.000Z', inviteExpired: false }],
    };
    const api = use({ 'admin.org.get': () => ORG, 'admin.staff.invite': () => ({ inviteCode: 'Q3W4E5R6', inviteExpiresAt: '2026-12-09T02:00:00.000Z' }) });
    render(<StaffPage />);
    const state = await screen.findByTestId('invite-state-staff-new');
    expect(state.textContent).toBe('邀请码已发出 · 有效至 2026-12-07');
    expect(screen.queryByTestId('invite-code')).toBeNull();
    await act(async () => {
      fireEvent.click(screen.getByTestId('reissue-staff-new'));
    });
    expect(api.inputs('admin.staff.invite')).toEqual([{ staffId: 'staff-new', op: 'reissue' }]);
    await waitFor(() => expect(screen.getByTestId('invite-code').textContent).toBe('Q3W4E5R6'));
    expect(within(screen.getByTestId('staff-staff-new')).getByTestId('invite-issued').textContent).toContain('有效期至 2026-12-09');
  });

  it('hands a leaving person’s work to a successor and reports item by item', async () => {
    const ORG = {
      districtId: 'd', canEditDistrict: true, manageableUnitIds: ['unit-invest'], grantableRoles: ['staff'],
      units: [{ id: 'unit-invest', name: '投资促进局', kind: 'investment_bureau', isEconomic: true, leaderStaffId: null, parentUnitId: null }],
      teams: [], rota: [],
      staff: [
        { id: 'staff-head', name: '林致远', title: '区长', unitId: 'unit-invest', roles: ['commissioner'], status: 'active', phone: '1', invitePending: false, inviteExpiresAt: null, inviteExpired: false },
        { id: 'staff-zhou', name: '周若岚', title: '专员', unitId: 'unit-invest', roles: ['commissioner'], status: 'active', phone: '2', invitePending: false, inviteExpiresAt: null, inviteExpired: false },
      ],
    };
    const api = use({
      'admin.org.get': () => ORG,
      'admin.handover.preview': () => ({ items: [{ kind: 'lead', id: 'ld_1', label: '云帆智能 · 人工智能' }, { kind: 'card', id: 'card-staff-head', label: '个人名片' }] }),
      'admin.handover.start': () => ({ handoverId: 'ho_staff-head', status: 'running', pending: 1, items: [{ kind: 'lead', id: 'ld_1', label: '云帆智能 · 人工智能', status: 'moved', toStaffId: 'staff-zhou' }, { kind: 'card', id: 'card-staff-head', label: '个人名片', status: 'pending', toStaffId: 'staff-zhou' }] }),
      'admin.handover.resume': () => ({ handoverId: 'ho_staff-head', status: 'done', pending: 0, items: [{ kind: 'lead', id: 'ld_1', label: '云帆智能 · 人工智能', status: 'moved', toStaffId: 'staff-zhou' }, { kind: 'card', id: 'card-staff-head', label: '个人名片', status: 'moved', toStaffId: 'staff-zhou' }] }),
    });
    render(<StaffPage />);
    await screen.findByTestId('staff-list');
    await act(async () => {
      fireEvent.click(screen.getByTestId('handover-staff-head'));
    });
    const panel = await screen.findByTestId('handover-panel');
    expect(within(panel).getAllByTestId('handover-item').map((e) => e.textContent)).toEqual(['线索 · 云帆智能 · 人工智能', '名片 · 个人名片']);
    // The leaving person is not offered as their own successor.
    expect(within(screen.getByTestId('handover-successor')).queryByText('林致远')).toBeNull();
    fireEvent.click(within(screen.getByTestId('handover-successor')).getByText('周若岚'));
    await act(async () => {
      fireEvent.click(screen.getByTestId('handover-start'));
    });
    expect(api.inputs('admin.handover.start')).toEqual([{ staffId: 'staff-head', successorStaffId: 'staff-zhou' }]);
    expect(screen.getAllByTestId('handover-item').map((e) => e.textContent)).toEqual(['线索 · 云帆智能 · 人工智能 · 已转交', '名片 · 个人名片 · 待转交']);
    await act(async () => {
      fireEvent.click(screen.getByTestId('handover-resume'));
    });
    expect(api.inputs('admin.handover.resume')).toEqual([{ handoverId: 'ho_staff-head' }]);
    expect(screen.getByTestId('handover-done')).toBeTruthy();
  });

  it('lists the carrier participations that move with a carrier item by item, in the preview and in the report', async () => {
    const ORG = {
      districtId: 'd', canEditDistrict: true, manageableUnitIds: ['unit-invest'], grantableRoles: ['staff'],
      units: [{ id: 'unit-invest', name: '投资促进局', kind: 'investment_bureau', isEconomic: true, leaderStaffId: null, parentUnitId: null }],
      teams: [], rota: [],
      staff: [
        { id: 'staff-head', name: '林致远', title: '区长', unitId: 'unit-invest', roles: ['commissioner'], status: 'active', phone: '1', invitePending: false, inviteExpiresAt: null, inviteExpired: false },
        { id: 'staff-zhou', name: '周若岚', title: '专员', unitId: 'unit-invest', roles: ['commissioner'], status: 'active', phone: '2', invitePending: false, inviteExpiresAt: null, inviteExpired: false },
      ],
    };
    const held = [
      { kind: 'carrier', id: 'building-001', label: '江湾数字经济大厦' },
      { kind: 'participation', id: 'ld_7', label: '青禾生物 · 生物医药', carrierId: 'building-001' },
      { kind: 'participation', id: 'ld_8', label: '远峰科技 · 数字经济', carrierId: 'building-001' },
      { kind: 'card', id: 'card-staff-head', label: '个人名片' },
    ];
    use({
      'admin.org.get': () => ORG,
      'admin.handover.preview': () => ({ items: held }),
      'admin.handover.start': () => ({
        handoverId: 'ho_staff-head',
        status: 'done',
        pending: 0,
        items: held.map((i) => ({ ...i, status: 'moved', toStaffId: 'staff-zhou' })),
      }),
    });
    render(<StaffPage />);
    await screen.findByTestId('staff-list');
    await act(async () => {
      fireEvent.click(screen.getByTestId('handover-staff-head'));
    });
    const panel = await screen.findByTestId('handover-panel');
    expect(panel.textContent).toContain('林致远 手上的工作（2 项，另有 2 条参与的线索随载体转交）');
    expect(within(panel).getAllByTestId('handover-item').map((e) => e.textContent)).toEqual([
      '载体 · 江湾数字经济大厦',
      '└ 参与的线索 · 青禾生物 · 生物医药（随载体「江湾数字经济大厦」转交）',
      '└ 参与的线索 · 远峰科技 · 数字经济（随载体「江湾数字经济大厦」转交）',
      '名片 · 个人名片',
    ]);
    fireEvent.click(within(screen.getByTestId('handover-successor')).getByText('周若岚'));
    await act(async () => {
      fireEvent.click(screen.getByTestId('handover-start'));
    });
    expect(screen.getAllByTestId('handover-item').map((e) => e.textContent)).toEqual([
      '载体 · 江湾数字经济大厦 · 已转交',
      '└ 参与的线索 · 青禾生物 · 生物医药（随载体「江湾数字经济大厦」转交） · 已转交',
      '└ 参与的线索 · 远峰科技 · 数字经济（随载体「江湾数字经济大厦」转交） · 已转交',
      '名片 · 个人名片 · 已转交',
    ]);
    expect(screen.getByTestId('handover-done')).toBeTruthy();
  });
});
