import { act, fireEvent, render, screen, within } from '@testing-library/react';
import ArenaPage from '../../../src/reports/arena/index';
import * as TaroMock from '../support/taro-mock';
import { fakeBackend } from '../share/share-mothers';

let restore: (() => void) | undefined;
beforeEach(() => TaroMock.resetTaroMock());
afterEach(() => restore?.());

const line = (contestantId: string, name: string, score: number, rank: number, adjustmentNote: string | null = null) => ({ contestantId, name, raw: score, score, rank, adjustmentNote });
const LIVE = { lock: { at: '2027-01-08T16:00:00.000Z', locked: false }, teams: { contestants: 0, top: [], own: null } };

describe('arena page', () => {
  it('shows the top N, highlights the own unit and lists its score item by item', async () => {
    const fake = fakeBackend({
      'report.arena': () => ({
        period: { kind: 'quarter', key: '2026-Q4', label: '2026年第四季度', start: '2026-09-30T16:00:00.000Z', end: '2026-12-31T16:00:00.000Z' },
        contestants: 6,
        topN: 5,
        top: [line('unit-park', '临江高新产业园管委会', 40, 1), line('unit-invest', '临江区投资促进局', 30, 2)],
        own: { ...line('unit-invest', '临江区投资促进局', 30, 2), items: [{ kind: 'stage', label: '云帆智能科技有限公司 签约（10 分 × 2）', points: 20, leadId: 'ld_a' }, { kind: 'response', label: '按时响应 1/1（100%）', points: 10 }] },
        duplicatesRemoved: 1,
        ...LIVE,
      }),
    });
    restore = fake.restore;
    render(<ArenaPage />);
    await screen.findByText('擂台赛 · 2026年第四季度');
    expect(fake.inputsOf('report.arena')).toEqual([{ kind: 'quarter' }]);
    const top = screen.getByTestId('arena-top');
    expect(top.querySelector('[data-contestant="unit-invest"]')?.className).toContain('arena__line--own');
    expect(within(top).getByText('第 1 名')).toBeTruthy();
    const own = screen.getByTestId('arena-own');
    expect(within(own).getByText('本单位：第 2 名')).toBeTruthy();
    expect(within(own).getByText('云帆智能科技有限公司 签约（10 分 × 2）')).toBeTruthy();
    expect(within(own).getByText('20 分')).toBeTruthy();
    expect(screen.getByText(/本期去重 1 个/)).toBeTruthy();
  });
});

describe('arena page: 首报 disputes for the district admin', () => {
  const BOARD = {
    period: { kind: 'quarter', key: '2026-Q4', label: '2026年第四季度', start: '2026-09-30T16:00:00.000Z', end: '2026-12-31T16:00:00.000Z' },
    contestants: 2,
    topN: 5,
    top: [line('unit-invest', '临江区投资促进局', 30, 1)],
    own: null,
    duplicatesRemoved: 1,
    ...LIVE,
  };
  const DISPUTE = {
    leadId: 'ld_later',
    rev: 6,
    company: '云帆智能科技有限公司',
    unitName: '临江区科学技术局',
    holderLeadId: 'ld_first',
    holderUnitName: '临江区投资促进局',
    reportedAt: '2026-11-02T02:00:00.000Z',
    holderReportedAt: '2026-11-01T02:00:00.000Z',
    dispute: { status: 'open', reason: '见 10 月 8 日会议纪要', raisedByName: '王书恒', raisedAt: '2026-11-03T02:00:00.000Z', holderUnitName: '临江区投资促进局', decision: null },
  };
  const whoami = (roles: string[]) => () => ({ kind: 'staff', staff: { staffId: 'staff-admin', name: '管理员', districtId: 'demo-linjiang', unitId: 'unit-invest', roles, cardId: null } });

  it('lists open disputes and decides one only with a reason, then reloads the list and the board', async () => {
    let decided = false;
    const fake = fakeBackend({
      'session.whoami': whoami(['admin', 'staff']),
      'report.arena': () => BOARD,
      'report.disputes': () => ({ items: decided ? [] : [DISPUTE] }),
      'report.decideDispute': () => {
        decided = true;
        return { rev: 7, dispute: { ...DISPUTE.dispute, status: 'upheld', decision: { name: '管理员', reason: '纪要在先', at: '2026-11-04T02:00:00.000Z' } } };
      },
    });
    restore = fake.restore;
    render(<ArenaPage />);
    const item = await screen.findByTestId('dispute-ld_later');
    expect(item.textContent).toContain('首报：临江区投资促进局');
    expect(item.textContent).toContain('王书恒：见 10 月 8 日会议纪要');
    await act(async () => {
      fireEvent.click(screen.getByTestId('uphold-ld_later'));
    });
    expect(screen.getByTestId('decision-error').textContent).toBe('请写明裁定理由');
    expect(fake.inputsOf('report.decideDispute')).toEqual([]);
    fireEvent.change(screen.getByTestId('decision-reason-ld_later'), { target: { value: '纪要在先' } });
    await act(async () => {
      fireEvent.click(screen.getByTestId('uphold-ld_later'));
    });
    expect(fake.inputsOf('report.decideDispute')).toEqual([{ leadId: 'ld_later', decision: 'upheld', reason: '纪要在先', rev: 6 }]);
    expect(await screen.findByText('没有待裁定的首报申诉。')).toBeTruthy();
    expect(fake.inputsOf('report.arena').length).toBeGreaterThanOrEqual(2);
  });

  it('asks nothing about disputes for anyone but an admin', async () => {
    const fake = fakeBackend({ 'session.whoami': whoami(['staff']), 'report.arena': () => BOARD, 'report.disputes': () => ({ items: [DISPUTE] }) });
    restore = fake.restore;
    render(<ArenaPage />);
    await screen.findByText('擂台赛 · 2026年第四季度');
    await act(async () => undefined);
    expect(fake.inputsOf('report.disputes')).toEqual([]);
    expect(screen.queryByTestId('arena-disputes')).toBeNull();
  });
});

describe('arena page: 计分规则', () => {
  const BOARD = {
    period: { kind: 'quarter', key: '2026-Q4', label: '2026年第四季度', start: '2026-09-30T16:00:00.000Z', end: '2026-12-31T16:00:00.000Z' },
    contestants: 1,
    topN: 5,
    top: [line('unit-invest', '临江区投资促进局', 30, 1)],
    own: null,
    duplicatesRemoved: 0,
    ...LIVE,
  };
  const DEFAULTS = { stagePoints: { visited: 2, signed: 10, landed: 20 }, tierMultiplier: { unknown: 1, 'under-1e': 1, '1e-3e': 1.5, '3e-10e': 2, '10e-20e': 3, '20e-plus': 4 }, promiseKeptPoints: 10, invalidAfterReportPenalty: 5, efficacyCoefficient: false, topN: 5, lockAfterWorkingDays: 5 };
  const who = (roles: string[]) => () => ({ kind: 'staff', staff: { staffId: 'staff-x', name: '某人', districtId: 'demo-linjiang', unitId: 'unit-invest', roles, cardId: null } });

  it('shows everyone what the board scores by, without a form for non-admins', async () => {
    const fake = fakeBackend({ 'session.whoami': who(['staff']), 'report.arena': () => BOARD, 'report.weights': () => ({ weights: DEFAULTS, defaults: DEFAULTS, custom: false }) });
    restore = fake.restore;
    render(<ArenaPage />);
    expect((await screen.findByTestId('weights-summary')).textContent).toContain('签约 10 分、落地 20 分');
    expect(screen.getByText('默认方案')).toBeTruthy();
    expect(screen.queryByTestId('edit-weights')).toBeNull();
  });

  it('the admin edits them: a negative or missing value is refused with its reason before sending; a valid set is sent whole', async () => {
    const fake = fakeBackend({
      'session.whoami': who(['admin', 'staff']),
      'report.arena': () => BOARD,
      'report.disputes': () => ({ items: [] }),
      'report.weights': () => ({ weights: DEFAULTS, defaults: DEFAULTS, custom: false }),
      'report.setWeights': (input) => input,
    });
    restore = fake.restore;
    render(<ArenaPage />);
    const edit = await screen.findByTestId('edit-weights');
    await act(async () => {
      fireEvent.click(edit);
    });
    fireEvent.change(screen.getByTestId('weight-signed'), { target: { value: '-3' } });
    await act(async () => {
      fireEvent.click(screen.getByTestId('save-weights'));
    });
    expect(screen.getByTestId('weights-error').textContent).toBe('「签约（分）」请填写不小于 0 的数字');
    fireEvent.change(screen.getByTestId('weight-signed'), { target: { value: '5000' } });
    await act(async () => {
      fireEvent.click(screen.getByTestId('save-weights'));
    });
    expect(screen.getByTestId('weights-error').textContent).toBe('「签约（分）」分值不能超过 1000');
    expect(fake.inputsOf('report.setWeights')).toEqual([]);
    fireEvent.change(screen.getByTestId('weight-signed'), { target: { value: '40' } });
    await act(async () => {
      fireEvent.click(screen.getByTestId('save-weights'));
    });
    expect(fake.inputsOf('report.setWeights')).toEqual([{ weights: { ...DEFAULTS, stagePoints: { visited: 2, signed: 40, landed: 20 }, efficacyFloor: 60, efficacySpan: 40 } }]);
    expect(screen.queryByTestId('weights-form')).toBeNull();
  });
});

describe('arena page: the lock, teams and adjustments', () => {
  const PERIOD = { kind: 'quarter', key: '2026-Q3', label: '2026年第三季度', start: '2026-06-30T16:00:00.000Z', end: '2026-09-30T16:00:00.000Z' };
  const DEFAULTS = { stagePoints: { visited: 2, signed: 10, landed: 20 }, tierMultiplier: { unknown: 1, 'under-1e': 1, '1e-3e': 1.5, '3e-10e': 2, '10e-20e': 3, '20e-plus': 4 }, promiseKeptPoints: 10, invalidAfterReportPenalty: 5, efficacyCoefficient: false, topN: 5, lockAfterWorkingDays: 5 };
  const who = (roles: string[]) => () => ({ kind: 'staff', staff: { staffId: 'staff-x', name: '某人', districtId: 'demo-linjiang', unitId: 'unit-invest', roles, cardId: null } });
  const board = (locked: boolean, adjusted: boolean) => ({
    period: PERIOD,
    contestants: 2,
    topN: 5,
    top: [line('unit-invest', '临江区投资促进局', adjusted ? 65 : 60, 1, adjusted ? '含调整 +5，原因：补记签约' : null), line('unit-tech', '临江区科学技术局', 5, 2)],
    own: {
      ...line('unit-invest', '临江区投资促进局', adjusted ? 65 : 60, 1, adjusted ? '含调整 +5，原因：补记签约' : null),
      items: [{ kind: 'stage', label: '云帆智能科技有限公司 签约（10 分 × 2）', points: 60, leadId: 'ld_a' }, ...(adjusted ? [{ kind: 'adjustment', label: '调整：补记签约', points: 5 }] : [])],
    },
    duplicatesRemoved: 0,
    lock: { at: '2026-10-15T16:00:00.000Z', locked },
    teams: { contestants: 1, top: [line('team-industry', '产业招商组', 32.5, 1)], own: { ...line('team-industry', '产业招商组', 32.5, 1), items: [{ kind: 'response', label: '按时响应 3/4（75%）', points: 7.5 }] } },
  });

  it('says when a live period will lock, and shows the teams and the own team item by item', async () => {
    const fake = fakeBackend({ 'session.whoami': who(['staff']), 'report.arena': () => board(false, false), 'report.weights': () => ({ weights: DEFAULTS, defaults: DEFAULTS, custom: false }) });
    restore = fake.restore;
    render(<ArenaPage />);
    expect((await screen.findByTestId('arena-lock')).textContent).toMatch(/^将于 2026年10月16日 00:00 锁定/);
    expect(within(screen.getByTestId('arena-teams')).getByText('产业招商组')).toBeTruthy();
    expect(within(screen.getByTestId('arena-own-team')).getByText('按时响应 3/4（75%）')).toBeTruthy();
    expect(screen.queryByTestId('unit-adjust-unit-invest')).toBeNull();
    // Past boards stay reachable: a step back asks for the quarter before the one shown.
    await act(async () => {
      fireEvent.click(screen.getByTestId('arena-previous'));
    });
    expect(fake.inputsOf('report.arena')).toContainEqual({ kind: 'quarter', key: '2026-Q2' });
    await act(async () => {
      fireEvent.click(screen.getByTestId('arena-next'));
    });
    expect(fake.inputsOf('report.arena')).toContainEqual({ kind: 'quarter', key: '2026-Q4' });
  });

  it('the admin adjusts a locked board: a reason is required, the request is the contract’s, the board reloads with the marker', async () => {
    let adjusted = false;
    const fake = fakeBackend({
      'session.whoami': who(['admin', 'staff']),
      'report.arena': () => board(true, adjusted),
      'report.disputes': () => ({ items: [] }),
      'report.weights': () => ({ weights: DEFAULTS, defaults: DEFAULTS, custom: false }),
      'report.adjustArena': () => {
        adjusted = true;
        return { adjustmentId: 'adj_1', before: 60, after: 65 };
      },
    });
    restore = fake.restore;
    render(<ArenaPage />);
    expect((await screen.findByTestId('arena-lock')).textContent).toMatch(/^已于 2026年10月16日 00:00 锁定/);
    await act(async () => {
      fireEvent.click(screen.getByTestId('unit-adjust-unit-invest'));
    });
    fireEvent.change(screen.getByTestId('adjustment-points'), { target: { value: '5' } });
    await act(async () => {
      fireEvent.click(screen.getByTestId('save-adjustment'));
    });
    expect(screen.getByTestId('adjustment-error').textContent).toBe('请写明调整原因');
    fireEvent.change(screen.getByTestId('adjustment-points'), { target: { value: '500' } });
    fireEvent.change(screen.getByTestId('adjustment-reason'), { target: { value: '补记签约' } });
    await act(async () => {
      fireEvent.click(screen.getByTestId('save-adjustment'));
    });
    expect(screen.getByTestId('adjustment-error').textContent).toBe('「调整分」调整分不能超过 100');
    expect(fake.inputsOf('report.adjustArena')).toEqual([]);
    fireEvent.change(screen.getByTestId('adjustment-points'), { target: { value: '5' } });
    await act(async () => {
      fireEvent.click(screen.getByTestId('save-adjustment'));
    });
    expect(fake.inputsOf('report.adjustArena')).toEqual([{ kind: 'quarter', key: '2026-Q3', contestantKind: 'unit', contestantId: 'unit-invest', points: 5, reason: '补记签约' }]);
    expect((await screen.findByTestId('unit-adjusted-unit-invest')).textContent).toBe('含调整 +5，原因：补记签约');
    expect(within(screen.getByTestId('arena-own')).getByText('调整：补记签约')).toBeTruthy();
    expect(screen.queryByTestId('adjustment-form')).toBeNull();
    // Teams are adjusted the same way.
    await act(async () => {
      fireEvent.click(screen.getByTestId('team-adjust-team-industry'));
    });
    expect(screen.getByTestId('adjustment-form').textContent).toContain('调整：产业招商组');
  });

  it('the admin edits the tier multipliers, the 功效系数 switch and its parameters, and the lock days', async () => {
    const fake = fakeBackend({
      'session.whoami': who(['admin', 'staff']),
      'report.arena': () => board(false, false),
      'report.disputes': () => ({ items: [] }),
      'report.weights': () => ({ weights: DEFAULTS, defaults: DEFAULTS, custom: false }),
      'report.setWeights': (input) => input,
    });
    restore = fake.restore;
    render(<ArenaPage />);
    const edit = await screen.findByTestId('edit-weights');
    await act(async () => {
      fireEvent.click(edit);
    });
    expect(screen.queryByTestId('weight-efficacyFloor')).toBeNull();
    fireEvent.change(screen.getByTestId('weight-tier-20e-plus'), { target: { value: '11' } });
    await act(async () => {
      fireEvent.click(screen.getByTestId('save-weights'));
    });
    expect(screen.getByTestId('weights-error').textContent).toBe('「20亿元及以上（系数）」系数不能超过 10');
    fireEvent.change(screen.getByTestId('weight-tier-20e-plus'), { target: { value: '5' } });
    fireEvent.change(screen.getByTestId('weight-lockAfterWorkingDays'), { target: { value: '31' } });
    await act(async () => {
      fireEvent.click(screen.getByTestId('save-weights'));
    });
    expect(screen.getByTestId('weights-error').textContent).toContain('「期末后第几个工作日锁定」');
    fireEvent.change(screen.getByTestId('weight-lockAfterWorkingDays'), { target: { value: '3' } });
    await act(async () => {
      fireEvent.click(screen.getByTestId('weight-efficacy-on'));
    });
    fireEvent.change(screen.getByTestId('weight-efficacyFloor'), { target: { value: '50' } });
    fireEvent.change(screen.getByTestId('weight-efficacySpan'), { target: { value: '50' } });
    await act(async () => {
      fireEvent.click(screen.getByTestId('save-weights'));
    });
    expect(fake.inputsOf('report.setWeights')).toEqual([
      { weights: { ...DEFAULTS, tierMultiplier: { ...DEFAULTS.tierMultiplier, '20e-plus': 5 }, lockAfterWorkingDays: 3, efficacyCoefficient: true, efficacyFloor: 50, efficacySpan: 50 } },
    ]);
  });
});

describe('arena page: an adjustment draft', () => {
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

  it('survives a reload of the page', async () => {
    const PERIOD = { kind: 'quarter', key: '2026-Q3', label: '2026年第三季度', start: '2026-06-30T16:00:00.000Z', end: '2026-09-30T16:00:00.000Z' };
    const BOARD = { period: PERIOD, contestants: 1, topN: 5, top: [line('unit-tech', '临江区科学技术局', 5, 1)], own: null, duplicatesRemoved: 0, lock: { at: '2026-10-15T16:00:00.000Z', locked: true }, teams: { contestants: 0, top: [], own: null } };
    const fake = fakeBackend({
      'session.whoami': () => ({ kind: 'staff', staff: { staffId: 'staff-admin', name: '管理员', districtId: 'demo-linjiang', unitId: 'unit-invest', roles: ['admin', 'staff'], cardId: null } }),
      'report.arena': () => BOARD,
      'report.disputes': () => ({ items: [] }),
    });
    restore = fake.restore;
    const first = render(<ArenaPage />);
    const adjust = await screen.findByTestId('unit-adjust-unit-tech');
    await act(async () => {
      fireEvent.click(adjust);
    });
    fireEvent.change(screen.getByTestId('adjustment-reason'), { target: { value: '首报裁定改判' } });
    first.unmount();
    render(<ArenaPage />);
    expect(((await screen.findByTestId('adjustment-reason')) as HTMLTextAreaElement).value).toBe('首报裁定改判');
  });
});
