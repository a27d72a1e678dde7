import { act, fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import CarrierEditPage from '../../../src/admin/carrier-edit/index';
import DistrictProfilePage from '../../../src/admin/district/index';
import OrgPage from '../../../src/admin/org/index';
import StaffPage from '../../../src/admin/staff/index';
import { fakeBackend, type FakeBackend, type Handler } from '../support/lead-loop-backend';
import * as TaroMock from '../support/taro-mock';

type Storage = { getStorageSync: jest.Mock; setStorageSync: jest.Mock; removeStorageSync?: jest.Mock };
const storage = Taro as unknown as Storage;
let saved: Map<string, unknown>;
let backend: FakeBackend | undefined;
const use = (handlers: Record<string, Handler>) => (backend = fakeBackend(handlers));
const type = (testId: string, value: string) => fireEvent.change(screen.getByTestId(testId), { target: { value } });
const valueOf = (testId: string) => (screen.getByTestId(testId) as HTMLInputElement).value;

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
  headlineFigures: [{ label: '可招商面积', value: '112 万㎡', labelEn: 'Space available', valueEn: '1.12 million m²' }],
  policies: [{ title: '首年租金减免 30%', summary: '最长三年', fileId: null, titleEn: '', summaryEn: '' }],
  coverImage: '/assets/district/cover.svg',
  defaultCardId: 'card-staff-head',
  vacancyConfirmDays: 30,
  nameEn: 'Linjiang District',
  sloganEn: '',
  introEn: '',
  keyIndustriesEn: ['Digital economy'],
};
const DISTRICT = {
  districtId: 'demo-linjiang', profile: PROFILE, updatedAt: '2026-11-30T02:00:00.000Z', canEdit: true,
  sla: { firstResponseHours: 8, followUpDays: 7, remindAt: 1, copyLeaderAt: 2, reassignAt: 3 }, cards: [],
};

describe('the district profile editor’s English', () => {
  it('shows the stored English in the open «英文内容（可选）» group and saves the edit with the Chinese, item by item', async () => {
    const api = use({ 'admin.district.get': () => DISTRICT, 'admin.district.update': () => ({ districtId: 'demo-linjiang', updatedAt: '2026-11-30T03:00:00.000Z' }) });
    render(<DistrictProfilePage />);
    await screen.findByTestId('admin-district');
    expect(screen.getByTestId('english-fields-toggle').getAttribute('aria-expanded')).toBe('true');
    expect(valueOf('name-en-input')).toBe('Linjiang District');
    expect(valueOf('industries-en-input')).toBe('Digital economy');
    expect(valueOf('figures-en-input')).toBe('Space available: 1.12 million m²');
    type('slogan-en-input', 'Invest by the river');
    type('industries-en-input', '\nAdvanced manufacturing');
    type('policies-en-input', '30% off the first year | Up to three years');
    await act(async () => {
      fireEvent.click(screen.getByTestId('save-district'));
    });
    expect(api.inputs('admin.district.update')).toEqual([
      expect.objectContaining({
        nameEn: 'Linjiang District',
        sloganEn: 'Invest by the river',
        keyIndustriesEn: ['', 'Advanced manufacturing'],
        headlineFigures: [{ label: '可招商面积', value: '112 万㎡', labelEn: 'Space available', valueEn: '1.12 million m²' }],
        policies: [{ title: '首年租金减免 30%', summary: '最长三年', fileId: null, titleEn: '30% off the first year', summaryEn: 'Up to three years' }],
      }),
    ]);
  });

  it('keeps typed English in the draft across a reload, and points at more English lines than Chinese items', async () => {
    use({ 'admin.district.get': () => DISTRICT });
    const first = render(<DistrictProfilePage />);
    await screen.findByTestId('admin-district');
    type('slogan-en-input', 'By the river');
    type('industries-en-input', 'A\nB\nC');
    expect(screen.getByTestId('field-industries-en-error').textContent).toBe('英文行数多于重点产业，请逐行对应');
    first.unmount();
    render(<DistrictProfilePage />);
    await screen.findByTestId('draft-restored');
    expect(valueOf('slogan-en-input')).toBe('By the river');
  });

  it('refuses a too-long English slogan on the device with the schema’s message, sending nothing', async () => {
    const api = use({ 'admin.district.get': () => DISTRICT, 'admin.district.update': () => ({ districtId: 'x', updatedAt: 'x' }) });
    render(<DistrictProfilePage />);
    await screen.findByTestId('admin-district');
    type('slogan-en-input', 'x'.repeat(81));
    expect(screen.getByTestId('field-slogan-en-error').textContent).toBe('不能超过 80 个字');
    await act(async () => {
      fireEvent.click(screen.getByTestId('save-district'));
    });
    expect(api.inputs('admin.district.update')).toEqual([]);
  });
});

const EDIT = {
  type: 'building', name: '临江数字大厦', street: '金湾街道', address: '金湾路 1 号', totalArea: 1000, vacantArea: 100, floors: null, priceMin: 0, priceMax: 0,
  priceUnit: 'yuan_per_sqm_day', facilities: ['中央空调', '地下停车'], suitedIndustries: ['数字经济'], policies: [], managerName: '钱经理', managerPhone: '13800138030', managerStaffId: null, unitId: null,
  location: { lat: 31.2, lng: 120.5 }, photos: ['/assets/carriers/building-0.svg'],
  nameEn: '', streetEn: '', addressEn: '', facilitiesEn: [], suitedIndustriesEn: [], policiesEn: [], managerNameEn: '',
};

describe('the carrier editor’s English', () => {
  it('opens the folded group, saves the English beside the Chinese, lists line by line', async () => {
    TaroMock.setRouterParams({ carrierId: 'car_1' }, '/admin/carrier-edit/index');
    const api = use({
      'admin.carrier.get': () => ({ carrierId: 'car_1', listed: true, edit: EDIT, photoReviews: [], lastVerifiedAt: '2026-11-30T02:00:00.000Z', updatedAt: '2026-11-30T02:00:00.000Z' }),
      'admin.carrier.save': () => ({ carrierId: 'car_1', updatedAt: '2026-11-30T03:00:00.000Z' }),
    });
    render(<CarrierEditPage />);
    await screen.findByTestId('admin-carrier-edit');
    expect(screen.queryByTestId('carrier-nameEn-input')).toBeNull();
    fireEvent.click(screen.getByTestId('carrier-english-toggle'));
    type('carrier-nameEn-input', 'Linjiang Digital Tower');
    type('carrier-facilitiesEn-input', 'Central air conditioning\n');
    type('carrier-managerNameEn-input', 'Mr Qian');
    await act(async () => {
      fireEvent.click(screen.getByTestId('carrier-save'));
    });
    expect(api.inputs('admin.carrier.save')).toEqual([
      { carrierId: 'car_1', carrier: { ...EDIT, nameEn: 'Linjiang Digital Tower', facilitiesEn: ['Central air conditioning'], managerNameEn: 'Mr Qian' } },
    ]);
  });
});

describe('the units’ English names', () => {
  const ORG = {
    districtId: 'd', canEditDistrict: true, manageableUnitIds: ['unit-tech'], grantableRoles: ['staff'],
    units: [{ id: 'unit-tech', name: '科技局', nameEn: '', kind: 'economic_department', isEconomic: true, leaderStaffId: null, parentUnitId: null }],
    teams: [], staff: [], rota: [],
  };

  it('adds a unit’s English name in place and a new unit’s with its Chinese one', async () => {
    const api = use({ 'admin.org.get': () => ORG, 'admin.unit.save': () => ({ unitId: 'unit-tech' }) });
    render(<OrgPage />);
    await screen.findByTestId('admin-org');
    fireEvent.click(screen.getByTestId('unit-en-edit-unit-tech'));
    type('unit-en-input-unit-tech', 'Science and Technology Bureau');
    await act(async () => {
      fireEvent.click(screen.getByTestId('unit-en-save-unit-tech'));
    });
    type('unit-name-input', '发改局');
    fireEvent.click(screen.getByTestId('unit-create-english-toggle'));
    type('unit-name-en-input', 'Development and Reform Bureau');
    await act(async () => {
      fireEvent.click(screen.getByTestId('unit-create-submit'));
    });
    expect(api.inputs('admin.unit.save')).toEqual([
      { unitId: 'unit-tech', name: '科技局', kind: 'economic_department', isEconomic: true, leaderStaffId: null, parentUnitId: null, nameEn: 'Science and Technology Bureau' },
      { name: '发改局', kind: 'economic_department', isEconomic: true, leaderStaffId: null, parentUnitId: null, nameEn: 'Development and Reform Bureau' },
    ]);
  });

  it('points at a too-long English name and does not save it', async () => {
    const api = use({ 'admin.org.get': () => ORG, 'admin.unit.save': () => ({ unitId: 'unit-tech' }) });
    render(<OrgPage />);
    await screen.findByTestId('admin-org');
    fireEvent.click(screen.getByTestId('unit-en-edit-unit-tech'));
    type('unit-en-input-unit-tech', 'x'.repeat(61));
    expect(screen.getByText('不能超过 60 个字')).toBeTruthy();
    await act(async () => {
      fireEvent.click(screen.getByTestId('unit-en-save-unit-tech'));
    });
    expect(api.inputs('admin.unit.save')).toEqual([]);
  });
});

describe('the people’s English names and titles', () => {
  const person = { id: 'staff-zhou', name: '周若岚', title: '招商专员', unitId: 'unit-tech', roles: ['staff'], status: 'active', phone: '13800138002', invitePending: false, inviteExpiresAt: null, inviteExpired: false };
  const ORG = {
    districtId: 'd', canEditDistrict: true, manageableUnitIds: ['unit-tech'], grantableRoles: ['staff', 'commissioner'],
    units: [{ id: 'unit-tech', name: '科技局', kind: 'economic_department', isEconomic: true, leaderStaffId: null, parentUnitId: null }],
    teams: [],
    staff: [person, { ...person, id: 'staff-li', name: '李青', nameEn: 'Li Qing', titleEn: 'Officer' }],
    rota: [],
  };

  it('creates a person with their English, and edits another’s in the folded «英文内容（可选）» group of their row', async () => {
    const api = use({ 'admin.org.get': () => ORG, 'admin.staff.create': () => ({ staffId: 'staff-new', inviteCode: 'ABCD2345', inviteExpiresAt: '2026-12-09T00:00:00.000Z' }), 'admin.staff.setEnglish': (input: Record<string, unknown>) => ({ nameEn: '', titleEn: '', ...input }) });
    render(<StaffPage />);
    await screen.findByTestId('admin-staff');
    // The stored English shows on the row; the group starts folded.
    expect(screen.getByTestId('staff-en-staff-li').textContent).toContain('Li Qing · Officer');
    expect(screen.queryByTestId('staff-en-name-staff-zhou')).toBeNull();

    type('staff-name-input', '许知行');
    type('staff-title-input', '科员');
    type('staff-phone-input', '13800138050');
    fireEvent.click(screen.getByTestId('staff-create-english-toggle'));
    type('staff-name-en-input', 'Xu Zhixing');
    await act(async () => {
      fireEvent.click(screen.getByTestId('staff-create-submit'));
    });
    expect(api.inputs('admin.staff.create')).toEqual([{ name: '许知行', title: '科员', phone: '13800138050', unitId: 'unit-tech', roles: ['staff', 'commissioner'], nameEn: 'Xu Zhixing' }]);

    fireEvent.click(screen.getByTestId('staff-en-group-staff-zhou-toggle'));
    type('staff-en-name-staff-zhou', ' Zhou Ruolan ');
    type('staff-en-title-staff-zhou', 'Investment officer');
    await act(async () => {
      fireEvent.click(screen.getByTestId('staff-en-save-staff-zhou'));
    });
    expect(api.inputs('admin.staff.setEnglish')).toEqual([{ staffId: 'staff-zhou', nameEn: 'Zhou Ruolan', titleEn: 'Investment officer' }]);
  });

  it('points at a too-long English name and does not save it', async () => {
    const api = use({ 'admin.org.get': () => ORG, 'admin.staff.setEnglish': () => ({ staffId: 'staff-zhou', nameEn: '', titleEn: '' }) });
    render(<StaffPage />);
    await screen.findByTestId('admin-staff');
    fireEvent.click(screen.getByTestId('staff-en-group-staff-zhou-toggle'));
    type('staff-en-name-staff-zhou', 'x'.repeat(41));
    expect(screen.getByText('不能超过 40 个字')).toBeTruthy();
    await act(async () => {
      fireEvent.click(screen.getByTestId('staff-en-save-staff-zhou'));
    });
    expect(api.inputs('admin.staff.setEnglish')).toEqual([]);
  });
});
