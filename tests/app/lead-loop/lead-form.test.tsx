import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { IDEMPOTENCY_KEY_PATTERN } from '../../../domain/api/lead.contracts';
import { meetsDifficulty } from '../../../domain/lead/web-challenge.rules';
import type { MatchReason } from '../../../domain/carrier/carrier-match.schema';
import LeadFormPage from '../../../src/inquiry/lead-form/index';
import { fakeBackend, NOTICE, aCard, type FakeBackend, type Handler } from '../support/lead-loop-backend';
import * as Taro from '../support/lead-loop-taro';
import TaroDefault from '../support/lead-loop-taro';

jest.mock('@tarojs/taro', () => require('../support/lead-loop-taro'));
jest.mock('@tarojs/components', () => require('../support/lead-loop-components'));

const SUBMITTED = { leadId: 'lead_abc', promiseHours: 8, firstResponseDueAt: '2026-03-03T01:00:00.000Z', duplicate: false, claimCode: null };

let backend: FakeBackend | undefined;
const useBackend = (submit: Handler = () => SUBMITTED): FakeBackend => {
  backend = fakeBackend({
    'card.get': () => aCard(),
    'lead.privacyNotice': () => NOTICE,
    'lead.submit': submit,
    'lead.challenge': () => CHALLENGE,
  });
  return backend;
};

/** An easy challenge (4 bits), so the page solves it at once; the function decides the real difficulty. */
const CHALLENGE = { challenge: `${'Q'.repeat(20)}.1800000000000.4.${'a'.repeat(64)}`, bits: 4, expiresAt: '2027-01-01T00:00:00.000Z' };

beforeEach(() => {
  Taro.resetLeadLoopTaro();
  Taro.setRouterParams({ cardId: 'card_wang', channel: 'chat' }, '/inquiry/lead-form/index');
});
afterEach(() => {
  backend?.restore();
  backend = undefined;
  process.env.TARO_ENV = 'weapp';
  delete process.env.TARO_APP_TEMPLATE_LEAD_REPLY;
});

const field = (testId: string) => screen.getByTestId(testId);
const type = (testId: string, value: string, tag: 'input' | 'textarea' = 'input') => {
  const el = field(testId).querySelector(tag) as HTMLElement;
  fireEvent.change(el, { target: { value } });
};
const pick = (testId: string, label: string) => {
  const select = field(testId).querySelector('select') as HTMLSelectElement;
  const index = Array.from(select.options).findIndex((o) => o.textContent === label);
  fireEvent.change(select, { target: { value: String(index) } });
};

/** A valid fill: everything a person must give. */
const fillRequired = () => {
  type('field-name', '郑晓川');
  type('field-company', '云启智能科技有限公司');
  type('field-phone', '+86 139-0013-9000');
  type('field-industry', '先进制造');
  pick('field-scale', '1亿–5亿元');
};

const openForm = async () => {
  render(<LeadFormPage />);
  await screen.findByText('我们将在 8 个工作小时内回复（1 个工作日）');
};

const submit = async () => {
  await act(async () => {
    fireEvent.click(screen.getByTestId('submit-lead'));
  });
};

describe('lead form', () => {
  it('names whom the inquiry goes to, with the district promise, from the card and the privacy notice', async () => {
    const api = useBackend();
    await openForm();
    expect(screen.getByTestId('lead-form-recipient').textContent).toBe('由 李晓雯（招商专员）为您对接');
    expect(api.inputs('card.get')).toEqual([{ cardId: 'card_wang' }]);
    expect(api.inputs('lead.privacyNotice')).toEqual([{ districtId: 'district_linjiang' }]);
  });

  it('keeps the promise’s line while the notice loads, so the form does not jump when it comes; hidden from readers', async () => {
    useBackend();
    render(<LeadFormPage />);
    const pending = await screen.findByTestId('promise-pending');
    expect(pending.className).toBe('lead-form__hero-promise lead-form__hero-promise--pending');
    expect(pending.getAttribute('aria-hidden')).toBe('true');
    const promise = await screen.findByText('我们将在 8 个工作小时内回复（1 个工作日）');
    expect(screen.queryByTestId('promise-pending')).toBeNull();
    // A new element, not the placeholder patched: nothing of its aria-hidden is left on the promise.
    expect(promise.hasAttribute('aria-hidden')).toBe(false);
  });

  it('keeps the honeypot away from people: hidden from assistive tech, off-screen, out of the tab order', async () => {
    process.env.TARO_ENV = 'h5';
    useBackend();
    await openForm();
    const trap = screen.getByTestId('honeypot');
    expect(trap.getAttribute('aria-hidden')).toBe('true');
    expect(trap.className).toBe('lead-form__hp');
    const input = trap.querySelector('input') as HTMLInputElement;
    expect(input.name).toBe('website');
    expect(input.tabIndex).toBe(-1);
    expect(input.getAttribute('autocomplete')).toBe('off');
    // Nothing in the visible form refers to it.
    expect(screen.queryByText(/website/i)).toBeNull();
  });

  it('refuses to send without consent and says why; consenting via the notice then submits with its version', async () => {
    const api = useBackend();
    await openForm();
    fillRequired();
    expect(screen.getByTestId('consent-hint').textContent).toBe('勾选同意《个人信息保护说明》后即可提交');

    await submit();
    expect(screen.getByTestId('consent-error').textContent).toBe('请先阅读并同意《个人信息保护说明》');
    expect(api.inputs('lead.submit')).toHaveLength(0);

    fireEvent.click(screen.getByTestId('open-privacy-notice'));
    const sheet = screen.getByTestId('privacy-notice');
    expect(within(sheet).getByText('仅用于回复您的投资咨询。')).toBeTruthy();
    expect(within(sheet).getByText('版本 2026-11')).toBeTruthy();
    fireEvent.click(screen.getByTestId('privacy-agree'));
    expect(screen.queryByTestId('privacy-notice')).toBeNull();
    expect(screen.getByTestId('consent-checkbox').getAttribute('aria-checked')).toBe('true');
    expect(screen.queryByTestId('consent-error')).toBeNull();

    await submit();
    await screen.findByTestId('lead-confirmation');
    const [sent] = api.inputs('lead.submit');
    expect(sent.consent).toEqual({ agreed: true, noticeVersion: '2026-11' });
    expect(sent.source).toEqual({ channel: 'chat', cardId: 'card_wang' });
    expect(sent.contact).toEqual({ name: '郑晓川', company: '云启智能科技有限公司', phone: '+86 139-0013-9000' });
    expect(sent.need).toEqual({ industry: '先进制造', scale: '100m_500m' });
    expect(sent.website).toBe('');
  });

  it('previews the normalised phone and explains an impossible one after the field is left', async () => {
    const api = useBackend();
    await openForm();
    type('field-phone', '12345');
    expect(screen.queryByTestId('field-phone-error')).toBeNull();
    fireEvent.blur(field('field-phone').querySelector('input') as HTMLElement);
    expect(screen.getByTestId('field-phone-error').textContent).toBe('请填写正确的手机号或固定电话，如 138 0013 8000、025-8468 1234，境外号码请加国家代码，如 +852 9123 4567');

    type('field-phone', '０２５－８４６８ １２３４ 转 801');
    expect(screen.queryByTestId('field-phone-error')).toBeNull();
    expect(screen.getByTestId('phone-preview').textContent).toBe('✓ 将按 025-84681234-801 保存');

    fillRequired();
    type('field-phone', '+1 415');
    fireEvent.click(screen.getByTestId('consent-checkbox'));
    await submit();
    expect(screen.getByTestId('field-phone-error')).toBeTruthy();
    expect(api.inputs('lead.submit')).toHaveLength(0);
  });

  it('checks the rest before sending: required fields, e-mail, WeChat ID and the area range', async () => {
    const api = useBackend();
    await openForm();
    fireEvent.click(screen.getByTestId('consent-checkbox'));
    await submit();
    expect(screen.getByTestId('field-name-error').textContent).toBe('请填写您的姓名');
    expect(screen.getByTestId('field-phone-error').textContent).toBe('请填写联系电话，或留下邮箱、微信号');
    expect(screen.getByTestId('field-industry-error').textContent).toBe('请填写意向行业');
    expect(screen.getByTestId('field-scale-error').textContent).toBe('请选择投资规模');

    fillRequired();
    expect(screen.queryByTestId('field-name-error')).toBeNull();
    type('field-email', 'not-an-email');
    type('field-wechat', '微信号');
    type('field-area', '9000');
    fireEvent.change(field('field-area').querySelectorAll('input')[1], { target: { value: '500' } });
    await submit();
    expect(screen.getByTestId('field-email-error').textContent).toBe('邮箱格式不正确');
    expect(screen.getByTestId('field-wechat-error').textContent).toMatch(/微信号只能包含字母、数字、下划线和减号/);
    expect(screen.getByTestId('field-area-error').textContent).toBe('最小面积不能大于最大面积');
    expect(api.inputs('lead.submit')).toHaveLength(0);
  });

  it('uses one idempotency key per form fill: a double tap sends once, a retry after a network error resends the same key', async () => {
    let release: () => void = () => undefined;
    const api = useBackend((_input, n) => {
      if (n === 0) return new TypeError('Failed to fetch');
      return new Promise((resolve) => {
        release = () => resolve(SUBMITTED);
      });
    });
    await openForm();
    fillRequired();
    type('field-message', '计划建设智能装备生产基地。', 'textarea');
    fireEvent.click(screen.getByTestId('consent-checkbox'));

    await submit();
    expect(screen.getByTestId('form-error').textContent).toBe('网络已断开：您的咨询已保存在本机，联网后会自动发送，不会重复提交。');

    // Retry, tapped twice while the answer is on its way: the queued submission, sent once.
    await act(async () => {
      fireEvent.click(screen.getByTestId('submit-lead'));
      fireEvent.click(screen.getByTestId('submit-lead'));
    });
    await act(async () => release());
    await screen.findByTestId('lead-confirmation');

    const keys = api.inputs('lead.submit').map((i) => i.idempotencyKey as string);
    expect(keys).toHaveLength(2);
    expect(keys[0]).toMatch(IDEMPOTENCY_KEY_PATTERN);
    expect(keys[1]).toBe(keys[0]);

    // Another inquiry is another form fill: a new key.
    fireEvent.click(screen.getByTestId('start-over'));
    expect((field('field-name').querySelector('input') as HTMLInputElement).value).toBe('郑晓川');
    expect((field('field-message').querySelector('textarea') as HTMLTextAreaElement).value).toBe('');
    pick('field-scale', '5亿元以上');
    type('field-industry', '新能源');
    fireEvent.click(screen.getByTestId('consent-checkbox'));
    await submit();
    const third = api.inputs('lead.submit')[2].idempotencyKey as string;
    expect(third).toMatch(IDEMPOTENCY_KEY_PATTERN);
    expect(third).not.toBe(keys[0]);
  });

  it('shows the server field errors under their fields and the Chinese message above the button', async () => {
    const answers = [
      { fail: { code: 'VALIDATION.INVALID_INPUT', message: '提交的内容格式不正确，请检查后重试', fields: ['contact.email', 'need.areaMax'] } },
      { fail: { code: 'LEAD.INVALID_PHONE', message: '请填写正确的手机号或固定电话', fields: ['contact.phone'] } },
      { fail: { code: 'CONTENT.REJECTED', message: '内容包含不适宜发布的信息，请修改后再提交', fields: ['message'] } },
      { fail: { code: 'RATE.LIMITED', message: '提交过于频繁，请稍后再试' } },
    ];
    useBackend((_input, n) => answers[n]);
    await openForm();
    fillRequired();
    fireEvent.click(screen.getByTestId('consent-checkbox'));

    await submit();
    expect(screen.getByTestId('form-error').textContent).toBe('提交的内容格式不正确，请检查后重试');
    expect(screen.getByTestId('field-email-error').textContent).toBe('邮箱格式不正确');
    expect(screen.getByTestId('field-area-error').textContent).toBe('面积请填写 0–1000 万之间的数字，且最小不大于最大');

    await submit();
    expect(screen.getByTestId('field-phone-error').textContent).toBe('请填写正确的手机号或固定电话');
    expect(screen.queryByTestId('field-email-error')).toBeNull();

    await submit();
    expect(screen.getByTestId('field-message-error').textContent).toBe('内容包含不适宜发布的信息，请修改后再提交');

    await submit();
    expect(screen.getByTestId('form-error').textContent).toBe('提交过于频繁，请稍后再试');
    expect(screen.queryByTestId('field-message-error')).toBeNull();
  });

  it('asks for consent again when the notice changed since it was shown', async () => {
    const api = useBackend((_input, n) => (n === 0 ? { fail: { code: 'LEAD.CONSENT_REQUIRED', message: '请先阅读并同意《个人信息保护说明》', fields: ['consent'] } } : SUBMITTED));
    await openForm();
    fillRequired();
    fireEvent.click(screen.getByTestId('consent-checkbox'));
    await submit();
    expect(screen.getByTestId('consent-checkbox').getAttribute('aria-checked')).toBe('false');
    expect(screen.getByTestId('consent-error').textContent).toBe('请先阅读并同意《个人信息保护说明》');
    await waitFor(() => expect(api.inputs('lead.privacyNotice')).toHaveLength(2));
  });

  it('confirms with the promise and the deadline, and offers 我的咨询 in place of the form', async () => {
    useBackend(() => ({ ...SUBMITTED, promiseHours: 4 }));
    await openForm();
    fillRequired();
    fireEvent.click(screen.getByTestId('consent-checkbox'));
    await submit();
    const done = await screen.findByTestId('lead-confirmation');
    expect(within(done).getByTestId('promise').textContent).toBe('我们将在 4 个工作小时内回复');
    expect(within(done).getByText('咨询已提交')).toBeTruthy();
    expect(Taro.pageScrollTo).toHaveBeenCalledWith({ scrollTop: 0, duration: 0 });
    // No template configured: no subscribe button.
    expect(screen.queryByTestId('subscribe-reply')).toBeNull();

    fireEvent.click(screen.getByTestId('open-my-leads'));
    expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/inquiry/my-leads/index?cardId=card_wang' });
  });

  it('says so when the same inquiry had already been received', async () => {
    useBackend(() => ({ ...SUBMITTED, duplicate: true }));
    await openForm();
    fillRequired();
    fireEvent.click(screen.getByTestId('consent-checkbox'));
    await submit();
    expect(await screen.findByText('这条咨询已提交过')).toBeTruthy();
    expect(screen.getByText('我们已收到这条咨询，无需重复提交。')).toBeTruthy();
  });

  it('subscribes to the reply notification from the tap when a template is configured', async () => {
    process.env.TARO_APP_TEMPLATE_LEAD_REPLY = 'tmplReplyAbc123';
    Taro.subscribeAnswer.value = { tmplReplyAbc123: 'accept' };
    useBackend();
    await openForm();
    fillRequired();
    fireEvent.click(screen.getByTestId('consent-checkbox'));
    await submit();
    await screen.findByTestId('lead-confirmation');

    await act(async () => {
      fireEvent.click(screen.getByTestId('subscribe-reply'));
    });
    expect(Taro.requestSubscribeMessage).toHaveBeenCalledWith({ tmplIds: ['tmplReplyAbc123'] });
    expect(screen.getByTestId('subscribe-done').textContent).toBe('已订阅，专员回复后将通过微信通知您');
  });

  it('keeps the subscribe button off the web build, where WeChat subscriptions do not exist', async () => {
    process.env.TARO_ENV = 'h5';
    process.env.TARO_APP_TEMPLATE_LEAD_REPLY = 'tmplReplyAbc123';
    useBackend();
    await openForm();
    fillRequired();
    fireEvent.click(screen.getByTestId('consent-checkbox'));
    await submit();
    await screen.findByTestId('lead-confirmation');
    expect(screen.queryByTestId('subscribe-reply')).toBeNull();
  });

  it('on the web: says before the form is filled what the web path does, solves a challenge, sends its proof and shows the claim code', async () => {
    process.env.TARO_ENV = 'h5';
    const api = useBackend(() => ({ ...SUBMITTED, claimCode: 'ABCDE23456' }));
    await openForm();
    expect(screen.getByTestId('web-note').textContent).toMatch(/无需登录微信.*认领码/);
    fillRequired();
    fireEvent.click(screen.getByTestId('consent-checkbox'));
    await submit();
    await screen.findByTestId('lead-confirmation');
    const [sent] = api.inputs('lead.submit') as Array<{ proof: { challenge: string; nonce: string } }>;
    expect(sent.proof.challenge).toBe(CHALLENGE.challenge);
    expect(meetsDifficulty(sent.proof.challenge, sent.proof.nonce, CHALLENGE.bits)).toBe(true);
    expect(screen.getByTestId('claim-code').textContent).toBe('ABCDE-23456');
  });

  it('in the mini-program: no web note, no challenge, no proof, no claim box', async () => {
    const api = useBackend();
    await openForm();
    expect(screen.queryByTestId('web-note')).toBeNull();
    fillRequired();
    fireEvent.click(screen.getByTestId('consent-checkbox'));
    await submit();
    await screen.findByTestId('lead-confirmation');
    expect(api.inputs('lead.challenge')).toEqual([]);
    expect(api.inputs('lead.submit')[0]).not.toHaveProperty('proof');
    expect(screen.queryByTestId('claim-box')).toBeNull();
  });

  it('does not render the form in Moments single-page mode and points to 前往小程序', () => {
    Taro.entry.scene = 1154;
    const api = useBackend();
    render(<LeadFormPage />);
    expect(screen.getByTestId('lead-form-moments')).toBeTruthy();
    expect(screen.queryByTestId('lead-form')).toBeNull();
    expect(screen.getByText('请在小程序中留言咨询')).toBeTruthy();
    expect(screen.getByTestId('full-mode-hint').textContent).toMatch(/前往小程序/);
    expect(api.send).not.toHaveBeenCalled();
  });

  it('attaches the source from the query: card, share code, carrier and channel; malformed parts are left out', async () => {
    Taro.setRouterParams({ cardId: 'card_wang', s: 'Ab3dEf9hJk', carrierId: 'bad id!', channel: 'poster' }, '/inquiry/lead-form/index');
    const api = useBackend();
    await openForm();
    fillRequired();
    fireEvent.click(screen.getByTestId('consent-checkbox'));
    await submit();
    await screen.findByTestId('lead-confirmation');
    expect(api.inputs('lead.submit')[0].source).toEqual({ channel: 'poster', cardId: 'card_wang', shareCode: 'Ab3dEf9hJk' });
  });
});

describe('可能适合您的载体 after submitting', () => {
  const aMatch = (id: string, reasons: MatchReason[]) => ({
    carrier: { id, type: 'factory', name: `厂房 ${id}`, street: '金湾街道', totalArea: 8000, vacantArea: 3200, priceMin: 25, priceMax: 30, priceUnit: 'yuan_per_sqm_month', photo: null, lastVerifiedAt: '2026-11-20T00:00:00.000Z', suitedIndustries: ['先进制造'], hasVacancy: true },
    score: 90,
    reasons,
  });

  it('shows the district’s top 3 public carriers for the need just sent, each with why', async () => {
    backend = fakeBackend({
      'card.get': () => aCard(),
      'lead.privacyNotice': () => NOTICE,
      'lead.submit': () => SUBMITTED,
      'carrier.match': () => ({ matches: [aMatch('f1', [{ code: 'area_fits', vacantArea: 3_200 }]), aMatch('f2', [{ code: 'industry_fits', index: 0 }]), aMatch('f3', [{ code: 'price_on_request' }]), aMatch('f4', [{ code: 'on_street' }])], nearMisses: [] }),
    });
    await openForm();
    fillRequired();
    fireEvent.click(screen.getByTestId('consent-checkbox'));
    await submit();
    const box = await screen.findByTestId('after-submit-matches');
    expect(within(box).getByText('可能适合您的载体')).toBeTruthy();
    expect(within(box).getAllByTestId('carrier-match').map((el) => el.getAttribute('data-carrier-id'))).toEqual(['f1', 'f2', 'f3']);
    expect(box.textContent).toContain('空置 3 200 ㎡ 符合');
    expect(box.textContent).toContain('适合先进制造');
    const [asked] = backend.inputs('carrier.match');
    expect(asked).toEqual({ districtId: 'district_linjiang', need: { industry: '先进制造' }, limit: 3 });
    // Nothing of the contact leaves the form for matching.
    expect(JSON.stringify(asked)).not.toContain('郑晓川');
  });

  it('shows nothing when no carrier fits or matching fails: the confirmation stands alone', async () => {
    backend = fakeBackend({ 'card.get': () => aCard(), 'lead.privacyNotice': () => NOTICE, 'lead.submit': () => SUBMITTED, 'carrier.match': () => new Error('offline') });
    await openForm();
    fillRequired();
    fireEvent.click(screen.getByTestId('consent-checkbox'));
    await submit();
    await screen.findByTestId('lead-confirmation');
    await waitFor(() => expect(backend?.inputs('carrier.match')).toHaveLength(1));
    expect(screen.queryByTestId('after-submit-matches')).toBeNull();
  });
});

describe('lead form draft on the device', () => {
  const valueOf = (testId: string, tag: 'input' | 'textarea' = 'input') => (field(testId).querySelector(tag) as HTMLInputElement).value;
  /** A reload: the page goes away and comes back with the same device storage. */
  const reload = async () => {
    cleanup();
    await openForm();
  };

  it('brings back what was typed after a reload, but never the consent', async () => {
    useBackend();
    await openForm();
    fillRequired();
    type('field-message', '计划建设智能装备生产基地。', 'textarea');
    fireEvent.click(screen.getByTestId('consent-checkbox'));
    expect(screen.getByTestId('consent-checkbox').getAttribute('aria-checked')).toBe('true');

    await reload();
    expect(valueOf('field-name')).toBe('郑晓川');
    expect(valueOf('field-company')).toBe('云启智能科技有限公司');
    expect(valueOf('field-phone')).toBe('+86 139-0013-9000');
    expect(valueOf('field-industry')).toBe('先进制造');
    expect(valueOf('field-message', 'textarea')).toBe('计划建设智能装备生产基地。');
    expect(screen.getByTestId('consent-checkbox').getAttribute('aria-checked')).toBe('false');
  });

  it('keeps a submission that met no network over a reload, and the reopened page sends it with the same key', async () => {
    // The submit and the queue's immediate retry both meet no network; after the reload it gets through.
    const api = useBackend((_input, n) => (n < 2 ? new TypeError('Failed to fetch') : SUBMITTED));
    await openForm();
    fillRequired();
    fireEvent.click(screen.getByTestId('consent-checkbox'));
    await submit();
    expect(screen.getByTestId('form-error').textContent).toBe('网络已断开：您的咨询已保存在本机，联网后会自动发送，不会重复提交。');

    // A reload: the page comes back with the same device storage.
    cleanup();
    render(<LeadFormPage />);
    // Nothing to tap: the page sends what waits on the device and shows the confirmation.
    await screen.findByTestId('lead-confirmation');
    const keys = api.inputs('lead.submit').map((i) => i.idempotencyKey);
    expect(keys).toHaveLength(3);
    expect(new Set(keys).size).toBe(1);
    expect([...Taro.deviceStorage.entries()].filter(([k, v]) => k.includes('queue') && v !== '[]')).toEqual([]);
  });

  it('an inquiry submitted with no network waits and is sent once when WeChat reports the network back', async () => {
    const net = { type: 'none', listeners: [] as Array<(r: { isConnected: boolean }) => void> };
    const taro = TaroDefault as unknown as Record<string, unknown>;
    taro.getNetworkType = () => Promise.resolve({ networkType: net.type });
    taro.onNetworkStatusChange = (l: (r: { isConnected: boolean }) => void) => net.listeners.push(l);
    taro.offNetworkStatusChange = () => undefined;
    try {
      const api = useBackend(() => (net.type === 'none' ? new TypeError('Failed to fetch') : SUBMITTED));
      await openForm();
      fillRequired();
      fireEvent.click(screen.getByTestId('consent-checkbox'));
      await submit();
      expect(screen.getByTestId('form-error').textContent).toContain('联网后会自动发送');
      // Offline, the queue does not even try.
      expect(api.inputs('lead.submit')).toHaveLength(1);
      net.type = 'wifi';
      await act(async () => {
        for (const l of net.listeners) l({ isConnected: true });
        for (const l of net.listeners) l({ isConnected: true });
      });
      await screen.findByTestId('lead-confirmation');
      const keys = api.inputs('lead.submit').map((i) => i.idempotencyKey);
      expect(keys).toHaveLength(2);
      expect(keys[1]).toBe(keys[0]);
    } finally {
      delete taro.getNetworkType;
      delete taro.onNetworkStatusChange;
      delete taro.offNetworkStatusChange;
    }
  });

  it('is dropped once the inquiry is sent', async () => {
    useBackend();
    await openForm();
    fillRequired();
    fireEvent.click(screen.getByTestId('consent-checkbox'));
    await submit();
    await screen.findByTestId('lead-confirmation');
    expect([...Taro.deviceStorage.keys()].filter((k) => k.includes('draft'))).toEqual([]);

    await reload();
    expect(valueOf('field-name')).toBe('');
    expect(valueOf('field-phone')).toBe('');
  });

  it('ignores a stored draft that is not one (wrong key, wrong choices, the honeypot)', async () => {
    useBackend();
    Taro.deviceStorage.set('investcard.draft:lead-form:card_wang', JSON.stringify({ key: 'short', values: { name: '甲' } }));
    await openForm();
    expect(valueOf('field-name')).toBe('');

    cleanup();
    Taro.deviceStorage.set(
      'investcard.draft:lead-form:card_wang',
      JSON.stringify({ key: 'k'.repeat(24), values: { name: '乙', scale: 'huge', website: 'http://spam', phone: 42 } }),
    );
    await openForm();
    expect(valueOf('field-name')).toBe('乙');
    expect(valueOf('field-phone')).toBe('');
    expect((screen.getByTestId('honeypot').querySelector('input') as HTMLInputElement).value).toBe('');
  });
});
