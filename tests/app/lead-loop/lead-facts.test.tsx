import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import type { LeadDetail } from '../../../src/staff/lead-detail/use-lead-detail';
import LeadDetailPage from '../../../src/staff/lead-detail/index';
import { aStaffLead, fakeBackend, type FakeBackend, type Handler } from '../support/lead-loop-backend';
import * as Taro from '../support/lead-loop-taro';

jest.mock('@tarojs/taro', () => require('../support/lead-loop-taro'));
jest.mock('@tarojs/components', () => require('../support/lead-loop-components'));

const FACTS: NonNullable<LeadDetail['facts']> = {
  creditCode: '91330106MA2B3C4D5X',
  creditCodeChecksumOk: false,
  companyName: '禾源生物医药有限公司',
  companyKey: '禾源生物医药',
  investmentWan: 35_000,
  investmentTier: '3e-10e',
  originRegion: '330106',
  originCity: null,
  originSource: 'credit_code',
  eventId: 'event_expo',
  updatedAt: '2026-03-03T02:00:00.000Z',
  updatedBy: 'staff_li',
};

const aDetail = (overrides: Partial<LeadDetail> = {}, lead: Parameters<typeof aStaffLead>[0] = {}): LeadDetail => ({
  lead: aStaffLead(lead),
  rev: 3,
  message: null,
  need: { carrierType: null, areaMin: null, areaMax: null, timing: null },
  sourceChannel: 'chat',
  investorLang: 'zh',
  districtId: 'district_linjiang',
  shareChain: [],
  shareHops: 0,
  events: [],
  allowedNext: [],
  canAct: true,
  view: 'handler',
  facts: null,
  confirmations: {},
  canConfirm: false,
  ...overrides,
});

const UNKNOWN_PROJECT = { known: false, reports: 0, holder: null, dispute: null, canDispute: false };

let backend: FakeBackend | undefined;
const useBackend = (handlers: Record<string, Handler>): FakeBackend => {
  backend = fakeBackend({ 'lead.detail': () => aDetail(), 'lead.matches': () => ({ matches: [], nearMisses: [] }), 'lead.firstReport': () => UNKNOWN_PROJECT, ...handlers });
  return backend;
};

beforeEach(() => {
  Taro.resetLeadLoopTaro();
  Taro.setRouterParams({ id: 'lead_1' }, '/staff/lead-detail/index');
});
afterEach(() => {
  backend?.restore();
  backend = undefined;
});

const page = async () => {
  render(<LeadDetailPage />);
  return screen.findByTestId('lead-detail');
};
const type = (testId: string, value: string) => fireEvent.change(screen.getByTestId(testId), { target: { value } });
const click = async (testId: string) => {
  await act(async () => {
    fireEvent.click(screen.getByTestId(testId));
  });
};

describe('项目信息 on the staff lead page', () => {
  it('warns on a failed checksum without blocking, shows the tier as the amount is typed, and saves the whole set with the rev', async () => {
    const api = useBackend({
      'lead.detail': (_i, n) => (n === 0 ? aDetail() : aDetail({ rev: 4, facts: FACTS })),
      'lead.setFacts': () => ({ rev: 4, facts: FACTS, warnings: [{ code: 'CREDIT_CODE.CHECKSUM', message: '校验位应为 D，请核对；代码已按填写保存' }] }),
    });
    await page();
    expect(screen.getByTestId('facts-empty').textContent).toContain('尚未补充');
    await click('edit-facts');
    expect((screen.getByTestId('facts-company-input') as HTMLInputElement).value).toBe('禾源生物医药有限公司');

    type('facts-credit-code-input', '9133 0106 MA2B3C4D5');
    expect(screen.getByTestId('facts-credit-code-error').textContent).toBe('统一社会信用代码应为 18 位');
    type('facts-credit-code-input', '91330106ma2b3c4d5x');
    expect(screen.getByTestId('credit-code-warning').textContent).toContain('校验位应为 D');
    type('facts-amount-input', '35000');
    expect(screen.getByTestId('facts-tier').textContent).toBe('档位：3–10亿元');
    type('facts-amount-input', '-5');
    expect(screen.getByTestId('facts-amount-error').textContent).toContain('请填写数字');
    type('facts-amount-input', '35000');

    await click('save-facts');
    expect(api.inputs('lead.setFacts')).toEqual([{ leadId: 'lead_1', rev: 3, creditCode: '91330106ma2b3c4d5x', companyName: '禾源生物医药有限公司', investmentWan: 35_000 }]);
    expect(screen.queryByTestId('facts-form')).toBeNull();
    expect(screen.getByTestId('facts-warning').textContent).toContain('校验位应为 D');
    expect(screen.getByTestId('facts-credit-code-row').textContent).toContain('校验位不符');
    expect(screen.getByTestId('facts-amount-row').textContent).toBe('计划投资35,000 万元（3–10亿元）');
    expect(screen.getByTestId('facts-origin-row').textContent).toContain('330106');
  });

  it('refuses a code of the wrong shape before sending, and keeps the lead’s event when saving', async () => {
    const api = useBackend({
      'lead.detail': () => aDetail({ facts: { ...FACTS, creditCode: null, creditCodeChecksumOk: null, originRegion: null, originSource: 'stated_city', originCity: '杭州' } }),
      'lead.setFacts': () => ({ rev: 4, facts: FACTS, warnings: [] }),
    });
    await page();
    await click('edit-facts');
    type('facts-credit-code-input', 'ABC');
    await click('save-facts');
    expect(api.inputs('lead.setFacts')).toEqual([]);
    expect(screen.getByTestId('facts-error').textContent).toBe('统一社会信用代码应为 18 位');
    type('facts-credit-code-input', '');
    await click('save-facts');
    expect(api.inputs('lead.setFacts')).toEqual([{ leadId: 'lead_1', rev: 3, companyName: '禾源生物医药有限公司', investmentWan: 35_000, originCity: '杭州', eventId: 'event_expo' }]);
  });

  it('keeps the open form across a reload, and after a concurrent update reloads and says so', async () => {
    const api = useBackend({ 'lead.setFacts': () => ({ fail: { code: 'LEAD.CONCURRENT_UPDATE' } }) });
    await page();
    await click('edit-facts');
    type('facts-amount-input', '1200');
    cleanup();
    await page();
    expect((screen.getByTestId('facts-amount-input') as HTMLInputElement).value).toBe('1200');
    await click('save-facts');
    expect(api.inputs('lead.setFacts')).toHaveLength(1);
    expect(api.inputs('lead.detail').length).toBeGreaterThanOrEqual(3);
    expect(screen.getByTestId('facts-error').textContent).toContain('同事刚更新');
    expect((screen.getByTestId('facts-amount-input') as HTMLInputElement).value).toBe('1200');
  });

  it('is shown, not editable, to someone who only follows the lead', async () => {
    useBackend({ 'lead.detail': () => aDetail({ canAct: false, view: 'colleague', facts: FACTS }) });
    await page();
    expect(screen.queryByTestId('edit-facts')).toBeNull();
    expect(within(screen.getByTestId('facts-section')).getByText('禾源生物医药有限公司')).toBeTruthy();
  });
});

describe('投资促进局确认 on the staff lead page', () => {
  const CONFIRMED = { staffId: 'staff_zhao', staffName: '赵敏', note: '已核验投资协议原件', date: '2026-03-05', at: '2026-03-05T02:00:00.000Z' };

  it('lets a confirmer confirm 签约 with a note and a date, then shows who confirmed it', async () => {
    const api = useBackend({
      'lead.detail': (_i, n) => (n === 0 ? aDetail({ canConfirm: true }, { status: 'signed' }) : aDetail({ rev: 4, confirmations: { signed: CONFIRMED } }, { status: 'signed' })),
      'lead.confirmStage': () => ({ rev: 4, confirmation: CONFIRMED }),
    });
    await page();
    expect(screen.getByTestId('confirmation-signed-waiting').textContent).toContain('待投资促进局确认');
    expect(screen.queryByTestId('open-confirm-landed')).toBeNull();
    await click('open-confirm-signed');
    expect((screen.getByTestId('confirm-date-input') as HTMLInputElement).value).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await click('submit-confirm');
    expect(screen.getByTestId('confirm-error').textContent).toContain('请填写确认说明');
    expect(api.inputs('lead.confirmStage')).toEqual([]);
    type('confirm-note-input', '已核验投资协议原件');
    type('confirm-date-input', '2026-03-05');
    await click('submit-confirm');
    expect(api.inputs('lead.confirmStage')).toEqual([{ leadId: 'lead_1', stage: 'signed', note: '已核验投资协议原件', date: '2026-03-05', rev: 3 }]);
    expect(screen.getByTestId('confirmation-signed').textContent).toContain('已确认 · 2026-03-05 · 赵敏：已核验投资协议原件');
    expect(screen.queryByTestId('open-confirm-signed')).toBeNull();
  });

  it('shows the refusal (a date in the future) and keeps the form', async () => {
    useBackend({
      'lead.detail': () => aDetail({ canConfirm: true }, { status: 'landed' }),
      'lead.confirmStage': () => ({ fail: { code: 'LEAD.CONFIRM_DATE_INVALID', message: '确认日期不能晚于今天，也不能早于咨询提交之日' } }),
    });
    await page();
    await click('open-confirm-landed');
    type('confirm-note-input', '厂房已投产');
    await click('submit-confirm');
    expect(screen.getByTestId('confirm-error').textContent).toContain('确认日期不能晚于今天');
    expect(screen.getByTestId('confirm-form')).toBeTruthy();
  });

  it('offers no confirmation to someone who may not confirm, but shows what waits', async () => {
    useBackend({ 'lead.detail': () => aDetail({ canConfirm: false }, { status: 'signed' }) });
    await page();
    expect(screen.getByTestId('confirmation-signed-waiting')).toBeTruthy();
    expect(screen.queryByTestId('open-confirm-signed')).toBeNull();
  });

  it('has no confirmation section before 签约', async () => {
    useBackend({});
    await page();
    expect(screen.queryByTestId('confirm-section')).toBeNull();
  });
});

describe('首报 on the staff lead page', () => {
  const HELD_ELSEWHERE = {
    known: true,
    reports: 2,
    holder: { isThisLead: false, leadId: null, unitName: '临江区投资促进局', staffName: '林致远', reportedAt: '2026-03-01T02:00:00.000Z', awarded: false },
    dispute: null,
    canDispute: true,
  };

  it('says before any facts that there is nothing to match yet', async () => {
    useBackend({});
    await page();
    expect((await screen.findByTestId('first-report-unknown')).textContent).toContain('补充统一社会信用代码或企业名称');
    expect(screen.queryByTestId('open-dispute')).toBeNull();
  });

  it('tells a later reporter who holds the first report, and sends a dispute with a reason and the rev', async () => {
    let raised = false;
    const api = useBackend({
      'lead.firstReport': () =>
        !raised ? HELD_ELSEWHERE : { ...HELD_ELSEWHERE, canDispute: false, dispute: { status: 'open', reason: '见 10 月 8 日会议纪要', raisedByName: '王书恒', raisedAt: '2026-03-04T02:00:00.000Z', holderUnitName: '临江区投资促进局', decision: null } },
      'lead.raiseDispute': () => {
        raised = true;
        return { rev: 4, dispute: { status: 'open', reason: '见 10 月 8 日会议纪要', raisedByName: '王书恒', raisedAt: '2026-03-04T02:00:00.000Z', holderUnitName: '临江区投资促进局', decision: null } };
      },
    });
    await page();
    expect((await screen.findByTestId('first-report-holder')).textContent).toContain('该企业的首报由 临江区投资促进局（林致远）');
    expect(screen.queryByTestId('open-holder')).toBeNull();
    await click('open-dispute');
    await click('submit-dispute');
    expect(screen.getByTestId('dispute-error').textContent).toContain('请说明理由');
    type('dispute-reason', '见 10 月 8 日会议纪要');
    cleanup();
    await page();
    await screen.findByTestId('first-report-holder');
    expect((screen.getByTestId('dispute-reason') as HTMLTextAreaElement).value).toBe('见 10 月 8 日会议纪要');
    await click('submit-dispute');
    expect(api.inputs('lead.raiseDispute')).toEqual([{ leadId: 'lead_1', reason: '见 10 月 8 日会议纪要', rev: 3 }]);
    expect(screen.getByTestId('dispute-status').textContent).toContain('待区管理员裁定');
    expect(screen.queryByTestId('dispute-form')).toBeNull();
  });

  it('shows the admin’s decision and its reason, and links the holder when the viewer may open it', async () => {
    useBackend({
      'lead.firstReport': () => ({
        ...HELD_ELSEWHERE,
        holder: { ...HELD_ELSEWHERE.holder, leadId: 'lead_0' },
        canDispute: false,
        dispute: { status: 'rejected', reason: '我方先对接', raisedByName: '王书恒', raisedAt: '2026-03-04T02:00:00.000Z', holderUnitName: '临江区投资促进局', decision: { name: '区管理员', reason: '首报登记在先', at: '2026-03-05T02:00:00.000Z' } },
      }),
    });
    await page();
    expect((await screen.findByTestId('dispute-status')).textContent).toContain('申诉驳回，首报不变');
    expect(screen.getByTestId('dispute-decision').textContent).toBe('区管理员 裁定理由：首报登记在先');
    await click('open-holder');
    expect(Taro.navigateTo).toHaveBeenCalledWith(expect.objectContaining({ url: expect.stringContaining('/staff/lead-detail/index?id=lead_0') }));
  });
});
