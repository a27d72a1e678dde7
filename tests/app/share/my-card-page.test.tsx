import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import MyCardPage from '../../../src/share/my-card/index';
import { aCardView } from '../support/card-view.mother';
import * as TaroMock from '../support/taro-mock';
import { aMyCard, fakeBackend, failWith, type MyCard } from './share-mothers';

type UploadMocks = { chooseMedia: jest.Mock; cloud: { uploadFile: jest.Mock } };
const taro = Taro as unknown as UploadMocks;

let restore: (() => void) | undefined;

const backend = (mine: MyCard = aMyCard(), update: (input: unknown) => unknown = () => ({ cardId: 'card_wang', updatedAt: '2026-11-03T02:00:00.000Z' })) => {
  const fake = fakeBackend({
    'card.mine': () => mine,
    'card.get': () => aCardView(),
    'card.update': update,
  });
  restore = fake.restore;
  return fake;
};

const openEditor = async () => {
  render(<MyCardPage />);
  return screen.findByTestId('my-card-page');
};

const typeInto = (testId: string, value: string) => {
  fireEvent.change(screen.getByTestId(testId), { target: { value } });
};

beforeEach(() => {
  TaroMock.resetTaroMock();
  taro.chooseMedia = jest.fn();
  taro.cloud.uploadFile = jest.fn();
});

afterEach(() => {
  restore?.();
  process.env.TARO_ENV = 'weapp';
});

describe('card editor', () => {
  it('loads the form with a live preview, and shows the district fields as locked', async () => {
    const { inputsOf } = backend();
    await openEditor();
    expect(inputsOf('card.mine')).toEqual([{}]);
    expect(inputsOf('card.get')).toEqual([{ cardId: 'card_wang' }]);

    expect((screen.getByTestId('title-input') as HTMLInputElement).value).toBe('投资促进局局长');
    expect((screen.getByTestId('greeting-input') as HTMLTextAreaElement).value).toBe('欢迎来到临江新区');
    const preview = screen.getByTestId('card-preview');
    expect(within(preview).getByText('临江新区')).toBeTruthy();
    expect(within(preview).getByText('王建国')).toBeTruthy();
    expect(within(preview).getByText('0571-87654321')).toBeTruthy();
    expect(within(preview).getByText('linjiang_wjg')).toBeTruthy();
    expect(within(preview).getByText('精选载体：临江智能制造产业园')).toBeTruthy();

    const locked = screen.getByTestId('section-locked');
    expect(within(locked).getByText('不可编辑')).toBeTruthy();
    expect(within(locked).getByTestId('locked-slogan').textContent).toBe('产城融合新高地，智造未来看临江');
    expect(within(locked).getByText(/由本区管理员统一维护/)).toBeTruthy();
    // Locked values are text, not inputs.
    expect(within(locked).queryAllByRole('textbox')).toHaveLength(0);
  });

  it('updates the preview as the owner types and toggles what is public', async () => {
    backend();
    await openEditor();
    typeInto('greeting-input', '临江欢迎您，项目落地全程帮办');
    expect(screen.getByTestId('preview-greeting').textContent).toBe('临江欢迎您，项目落地全程帮办');
    typeInto('title-input', '投资促进局 局长');
    expect(screen.getByTestId('preview-title').textContent).toBe('投资促进局 局长');

    fireEvent.click(screen.getByTestId('visibility-phone'));
    fireEvent.click(screen.getByTestId('visibility-wechatId'));
    const preview = screen.getByTestId('card-preview');
    expect(within(preview).queryByText('0571-87654321')).toBeNull();
    expect(within(preview).queryByText('linjiang_wjg')).toBeNull();
    expect(within(screen.getByTestId('row-phone')).getByText('名片上不显示你的手机号')).toBeTruthy();
    expect(screen.getByTestId('save-status').textContent).toBe('有未保存的修改');
  });

  it('saves exactly the edited card through card.update', async () => {
    const { inputsOf } = backend();
    await openEditor();
    typeInto('greeting-input', '招商，我们是认真的！\n期待合作');
    typeInto('wechat-id-input', '');
    fireEvent.click(screen.getByTestId('visibility-wechatQr'));
    fireEvent.click(within(screen.getByTestId('industry-chips')).getByText('生物医药'));
    fireEvent.click(within(screen.getByTestId('carrier-chips')).getByText('江湾数字经济大厦'));
    fireEvent.click(within(screen.getByTestId('carrier-chips')).getByText('临江智能制造产业园'));

    await act(async () => {
      fireEvent.click(screen.getByTestId('save-card'));
    });
    expect(inputsOf('card.update')).toEqual([
      {
        greeting: '招商，我们是认真的！ 期待合作',
        visibility: { phone: true, wechatId: true, wechatQr: false },
        featuredCarrierIds: ['carrier_tower_2'],
        featuredIndustries: ['智能制造', '生物医药'],
        onDutyStaffId: null,
        title: '投资促进局局长',
        wechatId: null,
        wechatQr: '/assets/people/wechat-qr.svg',
        photo: null,
        // No English typed: saved empty (the card shows the Chinese, marked «中文»).
        greetingEn: '',
        nameEn: '',
        titleEn: '',
      },
    ]);
    expect(Taro.showToast).toHaveBeenCalledWith({ title: '已保存', icon: 'success' });
    expect(screen.getByTestId('save-status').textContent).toBe('已保存，访客打开即可看到');
  });

  it('validates before saving, with Chinese messages under the fields', async () => {
    const { inputsOf } = backend();
    await openEditor();
    typeInto('title-input', '   ');
    typeInto('wechat-id-input', '12345');
    typeInto('greeting-input', '招'.repeat(61));
    await act(async () => {
      fireEvent.click(screen.getByTestId('save-card'));
    });
    expect(screen.getByTestId('error-title').textContent).toBe('不能为空');
    expect(screen.getByTestId('error-wechatId').textContent).toBe('微信号格式不正确');
    expect(screen.getByTestId('error-greeting').textContent).toBe('不能超过 60 个字');
    expect(inputsOf('card.update')).toHaveLength(0);
    expect(Taro.showToast).toHaveBeenCalledWith({ title: '请检查标红的内容', icon: 'none' });

    // Fixing a field clears its message.
    typeInto('wechat-id-input', 'linjiang_2026');
    expect(screen.queryByTestId('error-wechatId')).toBeNull();
  });

  it('refuses a seventh industry and a seventh carrier', async () => {
    const many = aMyCard(
      { carriers: Array.from({ length: 9 }, (_, i) => ({ id: `c${i}`, name: `载体${i}` })) },
      { featuredIndustries: ['智能制造', '生物医药', '数字经济', '人工智能', '新能源', '现代商贸'], featuredCarrierIds: ['c0', 'c1', 'c2', 'c3', 'c4', 'c5'] },
    );
    backend(many);
    await openEditor();
    fireEvent.click(within(screen.getByTestId('industry-chips')).getByText('文化旅游'));
    expect(screen.getByTestId('error-featuredIndustries').textContent).toBe('最多选择 6 个产业');
    expect(within(screen.getByTestId('industry-chips')).getByText('文化旅游').closest('[data-selected]')?.getAttribute('data-selected')).toBe('false');
    // More than 8 carriers: a filter appears; the chosen ones stay listed.
    typeInto('carrier-filter', '载体8');
    fireEvent.click(within(screen.getByTestId('carrier-chips')).getByText('载体8'));
    expect(screen.getByTestId('error-featuredCarrierIds').textContent).toBe('最多精选 6 个载体');
    // Deselecting one makes room.
    fireEvent.click(within(screen.getByTestId('industry-chips')).getByText('新能源'));
    fireEvent.click(within(screen.getByTestId('industry-chips')).getByText('文化旅游'));
    expect(screen.queryByTestId('error-featuredIndustries')).toBeNull();
  });

  it('offers the on-duty commissioner picker to leaders only, with the note about the hidden phone', async () => {
    backend(aMyCard({ isLeader: false }));
    const { unmount } = render(<MyCardPage />);
    await screen.findByTestId('my-card-page');
    expect(screen.queryByTestId('on-duty-picker')).toBeNull();
    unmount();
    restore?.();

    const { inputsOf } = backend(aMyCard({ isLeader: true }));
    await openEditor();
    const picker = screen.getByTestId('on-duty-picker');
    expect(within(picker).getByTestId('on-duty-note').textContent).toMatch(/你的手机号可以保持不公开/);
    fireEvent.click(within(picker).getByText('李晓雯'));
    expect(within(screen.getByTestId('preview-duty')).getByText('李晓雯 · 招商专员')).toBeTruthy();
    fireEvent.click(screen.getByTestId('visibility-phone'));
    await act(async () => {
      fireEvent.click(screen.getByTestId('save-card'));
    });
    expect(inputsOf('card.update')[0]).toMatchObject({ onDutyStaffId: 'staff_li', visibility: { phone: false, wechatId: true, wechatQr: true } });

    fireEvent.click(within(picker).getByText('不指定'));
    expect(screen.queryByTestId('preview-duty')).toBeNull();
  });

  it('shows the fields the backend refused, and other failures above the save bar', async () => {
    let answer: unknown = failWith('STAFF.NOT_FOUND', '未找到该工作人员', ['onDutyStaffId']);
    backend(aMyCard(), () => answer);
    await openEditor();
    fireEvent.click(within(screen.getByTestId('on-duty-picker')).getByText('赵一鸣'));
    await act(async () => {
      fireEvent.click(screen.getByTestId('save-card'));
    });
    expect(screen.getByTestId('error-onDutyStaffId').textContent).toBe('该专员当前不可指定，请重新选择');

    answer = failWith('VALIDATION.INVALID_INPUT', '提交的内容格式不正确', ['featuredIndustries', 'featuredCarrierIds.0']);
    await act(async () => {
      fireEvent.click(screen.getByTestId('save-card'));
    });
    expect(screen.getByTestId('error-featuredIndustries').textContent).toBe('所选产业不在本区产业目录中，请重新选择');
    expect(screen.getByTestId('error-featuredCarrierIds').textContent).toBe('所选载体不存在或已下线，请重新选择');

    answer = failWith('NETWORK.FAILED', '网络连接失败，请检查网络后重试');
    await act(async () => {
      fireEvent.click(screen.getByTestId('save-card'));
    });
    expect(screen.getByTestId('save-error').textContent).toBe('网络连接失败，请检查网络后重试');
  });

  it('uploads a WeChat QR after checking its type and size (mini-program)', async () => {
    const { inputsOf } = backend();
    await openEditor();
    taro.chooseMedia.mockResolvedValueOnce({ tempFiles: [{ tempFilePath: 'wxfile://tmp/qr.gif', size: 1000, fileType: 'image' }], type: 'image' });
    await act(async () => {
      fireEvent.click(screen.getByTestId('upload-wechatQr'));
    });
    expect(screen.getByTestId('error-wechatQr').textContent).toBe('GIF 动图无法完整做内容审核，请选择 JPG 或 PNG 照片');

    taro.chooseMedia.mockResolvedValueOnce({ tempFiles: [{ tempFilePath: 'wxfile://tmp/qr.jpg', size: 3 * 1024 * 1024, fileType: 'image' }], type: 'image' });
    await act(async () => {
      fireEvent.click(screen.getByTestId('upload-wechatQr'));
    });
    expect(screen.getByTestId('error-wechatQr').textContent).toMatch(/^图片不能超过 2 MB（当前 3.0 MB）/);
    expect(taro.cloud.uploadFile).not.toHaveBeenCalled();

    taro.chooseMedia.mockRejectedValueOnce({ errMsg: 'chooseMedia:fail cancel' });
    await act(async () => {
      fireEvent.click(screen.getByTestId('upload-wechatQr'));
    });
    expect(taro.cloud.uploadFile).not.toHaveBeenCalled();

    taro.chooseMedia.mockResolvedValueOnce({ tempFiles: [{ tempFilePath: 'wxfile://tmp/qr.png', size: 200 * 1024, fileType: 'image' }], type: 'image' });
    taro.cloud.uploadFile.mockResolvedValueOnce({ fileID: 'cloud://env-1.7465-env-1/card-images/wechat-qr/card_wang/1.png', statusCode: 200, errMsg: 'cloud.uploadFile:ok' });
    await act(async () => {
      fireEvent.click(screen.getByTestId('upload-wechatQr'));
    });
    expect(taro.cloud.uploadFile).toHaveBeenCalledWith({ cloudPath: expect.stringMatching(/^card-images\/wechat-qr\/card_wang\/\d+-[a-z0-9]+\.png$/), filePath: 'wxfile://tmp/qr.png' });
    expect(screen.queryByTestId('error-wechatQr')).toBeNull();
    await act(async () => {
      fireEvent.click(screen.getByTestId('save-card'));
    });
    expect(inputsOf('card.update')[0]).toMatchObject({ wechatQr: 'cloud://env-1.7465-env-1/card-images/wechat-qr/card_wang/1.png' });
  });

  it('on the web shows the current QR and explains that uploading happens in the mini-program', async () => {
    process.env.TARO_ENV = 'h5';
    backend();
    await openEditor();
    expect(screen.queryByTestId('upload-wechatQr')).toBeNull();
    expect(screen.getByTestId('current-wechat-qr').getAttribute('src')).toBe('/assets/people/wechat-qr.svg');
    expect(screen.getByTestId('upload-note-wechatQr').textContent).toMatch(/请在微信小程序「编辑我的名片」中操作/);
    expect(taro.chooseMedia).not.toHaveBeenCalled();
  });

  it('tells an investor the editor is for staff', async () => {
    const fake = fakeBackend({ 'card.mine': () => failWith('AUTH.FORBIDDEN', '您没有权限进行此操作') });
    restore = fake.restore;
    render(<MyCardPage />);
    await waitFor(() => expect(screen.getByTestId('error-state')).toBeTruthy());
    expect(screen.getByText('名片编辑仅对本区招商工作人员开放')).toBeTruthy();
  });

  it('previews a first card for staff who have none yet', async () => {
    const fake = fakeBackend({
      'card.mine': () => aMyCard({ cardId: 'card-staff-new' }, { greeting: '', title: '科员' }),
      'card.get': (input) => ((input as { cardId?: string }).cardId ? failWith('CARD.NOT_FOUND', '未找到该名片，可能已下线') : aCardView()),
      'session.whoami': () => ({ kind: 'staff', staff: { staffId: 'staff-new', name: '何以宁', districtId: 'd', unitId: 'u', roles: ['staff'], cardId: null } }),
    });
    restore = fake.restore;
    await openEditor();
    const preview = screen.getByTestId('card-preview');
    expect(within(preview).getByText('何以宁')).toBeTruthy();
    expect(within(preview).getByText('临江新区')).toBeTruthy();
    expect(screen.queryByTestId('view-card')).toBeNull();
  });
});

describe('card editor draft', () => {
  const stored = new Map<string, unknown>();
  beforeEach(() => {
    stored.clear();
    TaroMock.getStorageSync.mockImplementation(((key: string) => (stored.has(key) ? stored.get(key) : '')) as () => '');
    TaroMock.setStorageSync.mockImplementation((key: string, value: unknown) => {
      if (value === '') stored.delete(key);
      else stored.set(key, value);
    });
  });
  afterEach(() => {
    TaroMock.getStorageSync.mockImplementation(() => '');
    TaroMock.setStorageSync.mockImplementation(() => undefined);
  });
  const reopen = async () => {
    cleanup();
    await openEditor();
  };

  it('keeps unsaved edits across a reload and a failed save, and drops them once saved', async () => {
    let fail = true;
    backend(aMyCard(), () => (fail ? failWith('NETWORK.FAILED', '网络连接失败，请检查网络后重试') : { cardId: 'card_wang', updatedAt: '2026-11-03T02:00:00.000Z' }));
    await openEditor();
    typeInto('greeting-input', '临江欢迎您，项目落地全程帮办');
    fireEvent.click(screen.getByTestId('visibility-phone'));

    await reopen();
    expect((screen.getByTestId('greeting-input') as HTMLTextAreaElement).value).toBe('临江欢迎您，项目落地全程帮办');
    expect(within(screen.getByTestId('card-preview')).queryByText('0571-87654321')).toBeNull();
    expect(screen.getByTestId('save-status').textContent).toBe('有未保存的修改');

    await act(async () => {
      fireEvent.click(screen.getByTestId('save-card'));
    });
    await reopen();
    expect((screen.getByTestId('greeting-input') as HTMLTextAreaElement).value).toBe('临江欢迎您，项目落地全程帮办');

    fail = false;
    await act(async () => {
      fireEvent.click(screen.getByTestId('save-card'));
    });
    await waitFor(() => expect(screen.getByTestId('save-status').textContent).toBe('已保存，访客打开即可看到'));
    expect([...stored.keys()].filter((k) => k.includes('draft'))).toEqual([]);
  });

  it('the English fields: shown from the card, kept in the draft across a reload, saved with the rest, too long refused', async () => {
    const { inputsOf } = backend(aMyCard({}, { greetingEn: 'Welcome to Linjiang', nameEn: 'Wang Jianguo', titleEn: '' }));
    await openEditor();
    expect(screen.getByTestId('card-english-toggle').getAttribute('aria-expanded')).toBe('true');
    expect((screen.getByTestId('nameEn-input') as HTMLInputElement).value).toBe('Wang Jianguo');
    typeInto('titleEn-input', 'Director, Investment Promotion Bureau');
    await reopen();
    expect((screen.getByTestId('titleEn-input') as HTMLInputElement).value).toBe('Director, Investment Promotion Bureau');
    typeInto('greetingEn-input', 'x'.repeat(121));
    await act(async () => {
      fireEvent.click(screen.getByTestId('save-card'));
    });
    expect(inputsOf('card.update')).toEqual([]);
    expect(screen.getByText('不能超过 120 个字')).toBeTruthy();
    typeInto('greetingEn-input', 'Welcome to Linjiang');
    await act(async () => {
      fireEvent.click(screen.getByTestId('save-card'));
    });
    expect(inputsOf('card.update')).toEqual([expect.objectContaining({ greetingEn: 'Welcome to Linjiang', nameEn: 'Wang Jianguo', titleEn: 'Director, Investment Promotion Bureau' })]);
  });

  it('ignores a stored draft that is not a card form', async () => {
    stored.set('investcard.draft:my-card:card_wang', JSON.stringify({ title: 42, greeting: 'x' }));
    backend();
    await openEditor();
    expect((screen.getByTestId('greeting-input') as HTMLTextAreaElement).value).toBe('欢迎来到临江新区');
  });
});
