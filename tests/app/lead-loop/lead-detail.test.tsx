import { act, cleanup, fireEvent, render, screen, within, waitFor } from '@testing-library/react';
import type { LeadDetail } from '../../../src/staff/lead-detail/use-lead-detail';
import LeadDetailPage from '../../../src/staff/lead-detail/index';
import { aStaffLead, fakeBackend, type FakeBackend, type Handler } from '../support/lead-loop-backend';
import * as Taro from '../support/lead-loop-taro';

jest.mock('@tarojs/taro', () => require('../support/lead-loop-taro'));
jest.mock('@tarojs/components', () => require('../support/lead-loop-components'));

const aDetail = (overrides: Partial<LeadDetail> = {}, lead: Parameters<typeof aStaffLead>[0] = {}): LeadDetail => ({
  lead: aStaffLead(lead),
  rev: 0,
  message: '想了解生物医药产业园的租金政策。',
  need: { carrierType: 'industrial_park', areaMin: 2000, areaMax: 5000, timing: '6 个月内' },
  sourceChannel: 'chat',
  investorLang: 'zh',
  districtId: 'district_linjiang',
  shareChain: [],
  shareHops: 0,
  events: [{ id: 'ev1', type: 'created', actorName: '沈嘉禾', text: null, at: '2026-03-02T02:00:00.000Z' }],
  allowedNext: ['contacted', 'invalid'],
  canAct: true,
  view: 'handler',
  facts: null,
  confirmations: {},
  canConfirm: false,
  ...overrides,
});

const WHO = { kind: 'staff', staff: { staffId: 'staff_li', name: '李晓雯', districtId: 'district_linjiang', unitId: 'unit_invest', roles: ['commissioner'], cardId: 'card_li' } };

const UNKNOWN_PROJECT = { known: false, reports: 0, holder: null, dispute: null, canDispute: false };

let backend: FakeBackend | undefined;
const useBackend = (handlers: Record<string, Handler>): FakeBackend => {
  backend = fakeBackend({ 'lead.detail': () => aDetail(), 'lead.matches': () => ({ matches: [], nearMisses: [] }), 'lead.firstReport': () => UNKNOWN_PROJECT, ...handlers });
  return backend;
};

beforeEach(() => {
  Taro.resetLeadLoopTaro();
  // Exactly what the backend's notification opens.
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

describe('staff lead detail', () => {
  it('opens by the `id` a notification carries and shows the need, the source and who handles it', async () => {
    const api = useBackend({});
    await page();
    expect(api.inputs('lead.detail')).toEqual([{ leadId: 'lead_1' }]);
    const need = screen.getByTestId('need-section');
    expect(within(need).getByText('生物医药')).toBeTruthy();
    expect(within(need).getByText('产业园')).toBeTruthy();
    expect(within(need).getByText('2,000㎡ – 5,000㎡')).toBeTruthy();
    expect(screen.getByText(/来自微信聊天分享/)).toBeTruthy();
    const handling = screen.getByTestId('handling-section');
    expect(within(handling).getByText('临江新区投资促进局')).toBeTruthy();
    expect(within(handling).getByText('王建国')).toBeTruthy();
  });

  it('keeps the contact masked until 查看联系方式, which says it is recorded, then offers call and copy', async () => {
    const api = useBackend({ 'lead.revealContact': () => ({ phone: '13800138000', email: 'shen@heyuan.cn', wechatId: null }) });
    await page();
    expect(screen.getByTestId('phone-masked').textContent).toBe('138****8000');
    expect(screen.queryByText('13800138000')).toBeNull();
    expect(screen.getByText(/查看将被记录/)).toBeTruthy();

    await act(async () => {
      fireEvent.click(screen.getByTestId('reveal-contact'));
    });
    expect(api.inputs('lead.revealContact')).toEqual([{ leadId: 'lead_1' }]);
    expect(screen.getByTestId('phone-full').textContent).toBe('13800138000');
    expect(screen.getByText('shen@heyuan.cn')).toBeTruthy();
    expect(screen.getByText(/已记录本次查看/)).toBeTruthy();

    fireEvent.click(screen.getByTestId('call-investor'));
    expect(Taro.makePhoneCall).toHaveBeenCalledWith({ phoneNumber: '13800138000' });
    fireEvent.click(within(screen.getByTestId('contact-revealed')).getAllByText('复制')[0]);
    expect(Taro.setClipboardData).toHaveBeenCalledWith({ data: '13800138000' });
    fireEvent.click(screen.getByTestId('add-contact'));
    expect(Taro.addPhoneContact).toHaveBeenCalledWith(expect.objectContaining({ firstName: '沈嘉禾', mobilePhoneNumber: '13800138000', organization: '禾源生物医药有限公司' }));
  });

  it('offers only the allowed next steps and moves the lead with its rev', async () => {
    const api = useBackend({
      'lead.detail': (_i, n) => (n === 0 ? aDetail({ rev: 4 }) : aDetail({ rev: 5, allowedNext: ['site_visit', 'negotiating', 'invalid'] }, { status: 'contacted', firstRespondedAt: '2026-03-02T03:00:00.000Z' })),
      'lead.transition': () => ({ status: 'contacted', rev: 5 }),
    });
    await page();
    const pipeline = screen.getByTestId('status-pipeline');
    expect(within(pipeline).getByTestId('stage-new').getAttribute('data-state')).toBe('current');
    expect(within(pipeline).getByTestId('move-contacted').textContent).toBe('推进到「已联系」');
    expect(within(pipeline).getByTestId('move-invalid').textContent).toBe('标记无效');
    for (const s of ['site_visit', 'negotiating', 'signed', 'landed']) expect(within(pipeline).queryByTestId(`move-${s}`)).toBeNull();

    await act(async () => {
      fireEvent.click(screen.getByTestId('move-contacted'));
    });
    expect(api.inputs('lead.transition')).toEqual([{ leadId: 'lead_1', to: 'contacted', rev: 4 }]);
    expect(within(pipeline).getByTestId('stage-contacted').getAttribute('data-state')).toBe('current');
    expect(within(pipeline).getByTestId('stage-new').getAttribute('data-state')).toBe('done');
    expect(within(pipeline).getByTestId('move-site_visit')).toBeTruthy();
    expect(screen.getByTestId('sla-note').textContent).toMatch(/首次回复$/);
  });

  it('asks for a reason before marking a lead 无效', async () => {
    const api = useBackend({ 'lead.transition': () => ({ status: 'invalid', rev: 1 }) });
    await page();
    fireEvent.click(screen.getByTestId('move-invalid'));
    const sheet = screen.getByTestId('invalid-sheet');
    await act(async () => {
      fireEvent.click(within(sheet).getByTestId('confirm-invalid'));
    });
    expect(within(sheet).getByText(/请填写无效原因/)).toBeTruthy();
    expect(api.inputs('lead.transition')).toHaveLength(0);

    fireEvent.change(within(sheet).getByTestId('invalid-reason'), { target: { value: '电话为空号' } });
    await act(async () => {
      fireEvent.click(within(sheet).getByTestId('confirm-invalid'));
    });
    expect(api.inputs('lead.transition')).toEqual([{ leadId: 'lead_1', to: 'invalid', rev: 0, reason: '电话为空号' }]);
    expect(screen.queryByTestId('invalid-sheet')).toBeNull();
  });

  it('on a concurrent update says so and reloads, showing what the other person did', async () => {
    const api = useBackend({
      'lead.detail': (_i, n) => (n === 0 ? aDetail() : aDetail({ rev: 1, allowedNext: ['site_visit', 'negotiating', 'invalid'] }, { status: 'contacted', handlerName: '周若岚' })),
      'lead.transition': () => ({ fail: { code: 'LEAD.CONCURRENT_UPDATE', message: '该咨询刚被他人更新，请刷新后重试' } }),
    });
    await page();
    await act(async () => {
      fireEvent.click(screen.getByTestId('move-contacted'));
    });
    expect(Taro.showToast).toHaveBeenCalledWith({ title: '该咨询刚被他人更新，请刷新后重试', icon: 'none' });
    expect(api.inputs('lead.detail')).toHaveLength(2);
    expect(screen.getAllByTestId('status-badge')[0].textContent).toBe('已联系');
    expect(screen.getByText('周若岚')).toBeTruthy();
    expect(screen.queryByTestId('move-contacted')).toBeNull();
  });

  it('replies to the investor and records notes and calls, append-only', async () => {
    const replied = aDetail({
      events: [
        { id: 'ev1', type: 'created', actorName: '沈嘉禾', text: null, at: '2026-03-02T02:00:00.000Z' },
        { id: 'ev2', type: 'reply', actorName: '李晓雯', text: '您好，欢迎来园区考察。', at: '2026-03-02T03:00:00.000Z' },
        { id: 'ev3', type: 'call_logged', actorName: '李晓雯', text: '已电话沟通，约周二看厂房', at: '2026-03-02T04:00:00.000Z' },
      ],
    });
    const api = useBackend({
      'lead.detail': (_i, n) => (n === 0 ? aDetail() : replied),
      'lead.reply': () => ({ eventId: 'ev2' }),
      'lead.note': () => ({ eventId: 'ev3' }),
    });
    await page();

    await act(async () => {
      fireEvent.click(screen.getByTestId('send-reply'));
    });
    expect(screen.getByText('请填写回复内容')).toBeTruthy();
    expect(api.inputs('lead.reply')).toHaveLength(0);

    fireEvent.change(screen.getByTestId('reply-input'), { target: { value: '您好，欢迎来园区考察。' } });
    await act(async () => {
      fireEvent.click(screen.getByTestId('send-reply'));
    });
    expect(api.inputs('lead.reply')).toEqual([{ leadId: 'lead_1', text: '您好，欢迎来园区考察。' }]);
    expect(within(screen.getByTestId('reply-thread')).getByText('您好，欢迎来园区考察。')).toBeTruthy();
    expect((screen.getByTestId('reply-input') as HTMLTextAreaElement).value).toBe('');

    fireEvent.click(screen.getByTestId('note-kind-call_logged'));
    expect(screen.getByTestId('save-note').textContent).toBe('保存通话记录');
    fireEvent.change(screen.getByTestId('note-input'), { target: { value: '已电话沟通，约周二看厂房' } });
    await act(async () => {
      fireEvent.click(screen.getByTestId('save-note'));
    });
    expect(api.inputs('lead.note')).toEqual([{ leadId: 'lead_1', text: '已电话沟通，约周二看厂房', kind: 'call_logged' }]);
    const timeline = screen.getAllByTestId('timeline-event').map((e) => e.getAttribute('data-type'));
    expect(timeline).toEqual(['call_logged', 'reply', 'created']);
  });

  it('hands the lead to another unit or person with a note, sending its rev', async () => {
    const api = useBackend({
      'lead.detail': () => aDetail({ rev: 2 }),
      'session.whoami': () => WHO,
      'directory.list': (input) =>
        input.unitId
          ? { units: [], people: [{ staffId: 'staff_wang', cardId: 'card_wang', unitId: 'unit_tech', name: '王书恒', title: '科技局 产业科科长', unitName: '科技局', photo: null, phone: null, wechatId: null, wechatQr: null, industryFocus: [] }] }
          : { units: [{ id: 'unit_tech', name: '临江新区科学技术局' }, { id: 'unit_invest', name: '临江新区投资促进局' }], people: [] },
      'lead.assign': () => ({ rev: 3 }),
    });
    await page();
    await act(async () => {
      fireEvent.click(screen.getByTestId('open-assign'));
    });
    const sheet = screen.getByTestId('assign-sheet');
    expect(api.inputs('directory.list')).toEqual([{ districtId: 'district_linjiang' }]);
    await act(async () => {
      fireEvent.click(within(sheet).getByTestId('assign-unit-unit_tech'));
    });
    expect(api.inputs('directory.list')[1]).toEqual({ districtId: 'district_linjiang', unitId: 'unit_tech' });
    fireEvent.click(within(sheet).getByTestId('assign-person-staff_wang'));
    fireEvent.change(within(sheet).getByTestId('assign-note'), { target: { value: '客户关注人工智能，请科技局对接' } });
    await act(async () => {
      fireEvent.click(within(sheet).getByTestId('assign-confirm'));
    });
    expect(api.inputs('lead.assign')).toEqual([{ leadId: 'lead_1', toUnitId: 'unit_tech', toStaffId: 'staff_wang', note: '客户关注人工智能，请科技局对接', rev: 2 }]);
    expect(screen.queryByTestId('assign-sheet')).toBeNull();
    expect(Taro.showToast).toHaveBeenCalledWith({ title: '已转交，对方会收到通知', icon: 'none' });
  });

  it('returns to the inbox when a hand-off leaves the lead out of the caller’s sight', async () => {
    useBackend({
      'lead.detail': (_i, n) => (n === 0 ? aDetail() : { fail: { code: 'LEAD.NOT_FOUND', message: '未找到该咨询' } }),
      'session.whoami': () => WHO,
      'directory.list': () => ({ units: [{ id: 'unit_tech', name: '临江新区科学技术局' }], people: [] }),
      'lead.assign': () => ({ rev: 1 }),
    });
    await page();
    await act(async () => {
      fireEvent.click(screen.getByTestId('open-assign'));
    });
    await act(async () => {
      fireEvent.click(screen.getByTestId('assign-unit-unit_tech'));
    });
    fireEvent.click(screen.getByTestId('assign-person-pool'));
    await act(async () => {
      fireEvent.click(screen.getByTestId('assign-confirm'));
    });
    expect(Taro.navigateBack).toHaveBeenCalledWith({ delta: 1 });
  });

  it('is read-only for a colleague of the handling unit: the case visible, contact masked without a reveal, no actions', async () => {
    useBackend({ 'lead.detail': () => aDetail({ canAct: false, view: 'colleague', allowedNext: [] }) });
    await page();
    expect(screen.getByTestId('read-only-note').textContent).toContain('由同事承办');
    expect(document.querySelector('.lead-detail__name')?.textContent).toBe('沈嘉禾');
    expect(screen.queryByTestId('reveal-contact')).toBeNull();
    expect(screen.getByText('仅承办人可查看完整联系方式')).toBeTruthy();
    for (const id of ['send-reply', 'save-note', 'open-assign', 'move-invalid']) expect(screen.queryByTestId(id)).toBeNull();
  });

  it('is read-only for a referrer: company and outcome visible, no contact, no actions', async () => {
    useBackend({
      'lead.detail': () =>
        aDetail(
          { canAct: false, view: 'referrer', message: null, allowedNext: [], events: [{ id: 'ev1', type: 'status_changed', actorName: '李晓雯', text: '新线索 → 已联系', at: '2026-03-02T03:00:00.000Z' }] },
          { status: 'contacted', contactName: null, phoneMasked: null, company: '云帆智能科技有限公司' },
        ),
    });
    await page();
    expect(screen.getByTestId('read-only-note').textContent).toContain('推荐人');
    expect(screen.getByText('云帆智能科技有限公司')).toBeTruthy();
    expect(document.querySelector('.lead-detail__name')?.textContent).toBe('云帆智能科技有限公司');
    expect(screen.queryByText('沈嘉禾')).toBeNull();
    expect(screen.queryByTestId('reveal-contact')).toBeNull();
    expect(screen.getByTestId('contact-hidden').textContent).toBe('联系方式仅承办人可见');
    expect(screen.getByText('投资者的留言仅承办人可见。')).toBeTruthy();
    expect(screen.queryByTestId('move-invalid')).toBeNull();
    expect(screen.queryByTestId('send-reply')).toBeNull();
    expect(screen.queryByTestId('save-note')).toBeNull();
    expect(screen.queryByTestId('open-assign')).toBeNull();
    expect(screen.getByText('新线索 → 已联系')).toBeTruthy();
  });

  it('says the lead cannot be found for a malformed or unknown id', async () => {
    Taro.setRouterParams({ id: '../x' }, '/staff/lead-detail/index');
    const api = useBackend({});
    render(<LeadDetailPage />);
    expect(await screen.findByText('未找到该咨询')).toBeTruthy();
    expect(api.send).not.toHaveBeenCalled();
  });
});

describe('reply box draft', () => {
  const replyInput = () => screen.getByTestId('reply-input') as HTMLTextAreaElement;

  it('keeps a half-written reply per lead across a reload and a failed send, and drops it once sent', async () => {
    const api = useBackend({
      'lead.reply': (_input, n) => (n === 0 ? new TypeError('Failed to fetch') : { eventId: 'ev2' }),
    });
    await page();
    fireEvent.change(replyInput(), { target: { value: '您好，周三可以安排考察。' } });

    cleanup();
    await page();
    expect(replyInput().value).toBe('您好，周三可以安排考察。');

    await act(async () => {
      fireEvent.click(screen.getByTestId('send-reply'));
    });
    expect(api.inputs('lead.reply')).toHaveLength(1);
    cleanup();
    await page();
    expect(replyInput().value).toBe('您好，周三可以安排考察。');

    // Another lead has its own box.
    cleanup();
    Taro.setRouterParams({ id: 'lead_2' }, '/staff/lead-detail/index');
    await page();
    expect(replyInput().value).toBe('');
    cleanup();
    Taro.setRouterParams({ id: 'lead_1' }, '/staff/lead-detail/index');
    await page();

    await act(async () => {
      fireEvent.click(screen.getByTestId('send-reply'));
    });
    expect(api.inputs('lead.reply')).toHaveLength(2);
    expect(replyInput().value).toBe('');
    cleanup();
    await page();
    expect(replyInput().value).toBe('');
  });

  describe('matching carriers', () => {
    const summary = (id: string, name: string) => ({
      id, type: 'industrial_park' as const, name, street: '临江街道', totalArea: 20_000, vacantArea: 3_200, hasVacancy: true,
      priceMin: 30, priceMax: 40, priceUnit: 'yuan_per_sqm_month' as const, photo: null, suitedIndustries: ['生物医药'], lastVerifiedAt: '2026-02-20T00:00:00.000Z',
    });
    const MATCHES = {
      matches: [
        { carrier: summary('park-1', '滨江生命科学园'), score: 100, reasons: [{ code: 'area_fits' as const, vacantArea: 3_200 }, { code: 'industry_fits' as const, index: 0 }] },
        { carrier: summary('park-2', '临江智造产业园'), score: 90, reasons: [{ code: 'area_fits' as const, vacantArea: 3_200 }] },
        { carrier: summary('park-3', '高新数字产业园'), score: 85, reasons: [{ code: 'area_fits' as const, vacantArea: 3_200 }] },
        { carrier: summary('park-4', '江湾软件园'), score: 80, reasons: [{ code: 'area_fits' as const, vacantArea: 3_200 }] },
      ],
      nearMisses: [{ carrier: summary('park-5', '南岭新材料产业园'), failed: { code: 'area_short' as const, short: 300, vacantArea: 1_700 }, reasons: [] }],
    };

    it('shows what fits the need with why, and the near miss with what it lacks', async () => {
      const api = useBackend({ 'lead.matches': () => MATCHES });
      await page();
      const section = screen.getByTestId('matches-section');
      await within(section).findByText('滨江生命科学园');
      expect(api.inputs('lead.matches')).toEqual([{ leadId: 'lead_1' }]);
      expect(within(section).getAllByTestId('carrier-match')).toHaveLength(4);
      expect(within(section).getByText('✓ 适合生物医药')).toBeTruthy();
      expect(within(section).getByTestId('carrier-near-miss').textContent).toContain('✗ 面积差 300 ㎡（空置 1 700 ㎡）');
      fireEvent.click(within(section).getAllByTestId('carrier-match')[0]);
      expect(Taro.navigateTo).toHaveBeenCalledWith(expect.objectContaining({ url: '/pages/carrier-detail/index?carrierId=park-1' }));
    });

    it('puts the top three with their reasons into the reply box, and sends what the staff member confirms', async () => {
      const api = useBackend({ 'lead.matches': () => MATCHES, 'lead.reply': () => ({ eventId: 'ev9' }) });
      await page();
      const recommend = await screen.findByTestId('recommend-matches');
      expect(recommend.textContent).toBe('推荐前 3 个');
      fireEvent.click(recommend);
      const text = (screen.getByTestId('reply-input') as HTMLTextAreaElement).value;
      expect(text.split('\n')).toEqual([
        '根据您的需求，为您推荐以下载体：',
        '1. 滨江生命科学园（产业园 · 临江街道）：空置 3 200 ㎡ 符合；适合生物医药',
        '2. 临江智造产业园（产业园 · 临江街道）：空置 3 200 ㎡ 符合',
        '3. 高新数字产业园（产业园 · 临江街道）：空置 3 200 ㎡ 符合',
        '如需实地考察或了解详情，请直接回复或致电我们。',
      ]);
      await act(async () => {
        fireEvent.click(screen.getByTestId('send-reply'));
      });
      // The recommendation names its carriers: their managers are brought into the lead with it.
      expect(api.inputs('lead.reply')).toEqual([{ leadId: 'lead_1', text, carrierIds: ['park-1', 'park-2', 'park-3'] }]);
    });

    it('writes the recommendation in English for an investor who asked in English, with the carriers’ English names', async () => {
      const english = (id: string, name: string, fallbackZh: string[] = []) => ({ ...summary(id, name), street: 'Linjiang', suitedIndustries: ['Biomedicine'], fallbackZh });
      const ENGLISH = {
        matches: [
          { carrier: english('park-1', 'Binjiang Life Science Park'), score: 100, reasons: [MATCHES.matches[0].reasons[0], { code: 'industry_fits' as const, index: 0 }] },
          { carrier: english('park-2', '临江智造产业园', ['name']), score: 90, reasons: [MATCHES.matches[1].reasons[0]] },
        ],
        nearMisses: [],
      };
      const api = useBackend({
        'lead.detail': () => aDetail({ investorLang: 'en' }),
        'lead.matches': (input: { lang?: string }) => (input.lang === 'en' ? ENGLISH : MATCHES),
      });
      await page();
      // Staff read the matches in Chinese, and are told the recommendation will be English.
      await within(screen.getByTestId('matches-section')).findByText('滨江生命科学园');
      expect(screen.getByTestId('recommend-hint').textContent).toContain('推荐将以英文填写');
      await act(async () => {
        fireEvent.click(screen.getByTestId('recommend-matches'));
      });
      await waitFor(() => expect((screen.getByTestId('reply-input') as HTMLTextAreaElement).value).not.toBe(''));
      expect((screen.getByTestId('reply-input') as HTMLTextAreaElement).value.split('\n')).toEqual([
        'Based on your needs, we recommend these sites:',
        '1. Binjiang Life Science Park (Industrial park · Linjiang): 3,200 m² available: fits; Suited to Biomedicine',
        '2. 临江智造产业园 (Industrial park · Linjiang): 3,200 m² available: fits',
        'To visit a site or learn more, simply reply here or give us a call.',
      ]);
      expect(api.inputs('lead.matches')).toEqual([{ leadId: 'lead_1' }, { leadId: 'lead_1', lang: 'en' }]);
    });

    it('lets someone who only follows the lead see the matches but not recommend', async () => {
      useBackend({ 'lead.detail': () => aDetail({ canAct: false, view: 'referrer', message: null }), 'lead.matches': () => MATCHES });
      await page();
      await screen.findByText('滨江生命科学园');
      expect(screen.queryByTestId('recommend-matches')).toBeNull();
    });

    it('says when nothing fits, and offers a retry that can succeed when matching failed', async () => {
      let n = 0;
      useBackend({ 'lead.matches': () => (n++ === 0 ? new Error('network down') : { matches: [], nearMisses: [] }) });
      await page();
      const retry = await screen.findByTestId('retry-matches');
      await act(async () => {
        fireEvent.click(retry);
      });
      expect(await screen.findByTestId('no-matches')).toBeTruthy();
    });
  });
});

describe('staff lead detail: the investor’s privacy choices', () => {
  it('says «已撤回同意» and offers no reveal once the investor withdrew consent', async () => {
    useBackend({ 'lead.detail': () => aDetail({}, { privacyState: 'consent_withdrawn' }) });
    await page();
    expect(screen.getByTestId('contact-stopped').textContent).toBe('已撤回同意：投资者要求不再联系，联系方式不可查看');
    expect(screen.queryByTestId('reveal-contact')).toBeNull();
  });

  it('says the personal data is gone for an anonymised lead', async () => {
    useBackend({ 'lead.detail': () => aDetail({}, { privacyState: 'anonymised', contactName: '已匿名', phoneMasked: null }) });
    await page();
    expect(screen.getByTestId('contact-stopped').textContent).toBe('已匿名：投资者的个人信息已删除');
    expect(screen.queryByTestId('reveal-contact')).toBeNull();
  });
});
