import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import type { LeadDetail } from '../../../src/staff/lead-detail/use-lead-detail';
import LeadDetailPage from '../../../src/staff/lead-detail/index';
import { aStaffLead, fakeBackend, type FakeBackend, type Handler } from '../support/lead-loop-backend';
import * as Taro from '../support/lead-loop-taro';

jest.mock('@tarojs/taro', () => require('../support/lead-loop-taro'));
jest.mock('@tarojs/components', () => require('../support/lead-loop-components'));

const MANAGER = { staffId: 'staff_shen', name: '沈观澜', carrierId: 'factory-2', carrierName: '南岭工业坊', addedAt: '2026-03-02T03:00:00.000Z', addedByName: '李晓雯', contactShared: false };

const aDetail = (overrides: Partial<LeadDetail> = {}, lead: Parameters<typeof aStaffLead>[0] = {}): LeadDetail => ({
  lead: aStaffLead(lead),
  rev: 0,
  message: '想找 3 000 ㎡ 厂房，新能源。',
  need: { carrierType: 'factory', areaMin: 3000, areaMax: 5000, timing: '6 个月内' },
  sourceChannel: 'chat',
  investorLang: 'zh',
  districtId: 'district_linjiang',
  shareChain: [],
  shareHops: 0,
  events: [{ id: 'ev1', type: 'created', actorName: '投资者', text: null, at: '2026-03-02T02:00:00.000Z' }],
  allowedNext: ['contacted', 'invalid'],
  canAct: true,
  view: 'handler',
  facts: null,
  confirmations: {},
  canConfirm: false,
  participants: [MANAGER],
  canReveal: true,
  canNote: true,
  ...overrides,
});

/** What 沈观澜 (a participant) gets: the masked name, no contact, no actions but a note. */
const asParticipant = (shared: boolean): LeadDetail =>
  aDetail(
    { canAct: false, view: 'participant', allowedNext: [], participants: [{ ...MANAGER, contactShared: shared }], canReveal: shared, canNote: true },
    shared ? {} : { contactName: '沈**', phoneMasked: null },
  );

const summary = (id: string, name: string) => ({
  id, type: 'factory' as const, name, street: '南岭街道', totalArea: 20_000, vacantArea: 3_200, hasVacancy: true,
  priceMin: 20, priceMax: 30, priceUnit: 'yuan_per_sqm_month' as const, photo: null, suitedIndustries: ['新能源'], lastVerifiedAt: '2026-02-20T00:00:00.000Z',
});
const MATCHES = {
  matches: [
    { carrier: summary('factory-2', '南岭工业坊'), score: 100, reasons: [{ code: 'area_fits' as const, vacantArea: 3_200 }] },
    { carrier: summary('building-1', '临江金融中心'), score: 90, reasons: [{ code: 'area_fits' as const, vacantArea: 3_200 }] },
  ],
  nearMisses: [],
};

let backend: FakeBackend | undefined;
const useBackend = (handlers: Record<string, Handler>): FakeBackend => {
  backend = fakeBackend({
    'lead.detail': () => aDetail(),
    'lead.matches': () => ({ matches: [], nearMisses: [] }),
    'lead.firstReport': () => ({ known: false, reports: 0, holder: null, dispute: null, canDispute: false }),
    ...handlers,
  });
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

describe('lead detail: 载体管理员 (participants)', () => {
  it('the handler sees who was brought in, shares the contact (then the page reloads), takes it back, removes', async () => {
    let shared = false;
    const api = useBackend({
      'lead.detail': () => aDetail({ participants: [{ ...MANAGER, contactShared: shared }] }),
      'lead.shareParticipantContact': (input) => {
        shared = (input as { shared: boolean }).shared;
        return { participants: [{ ...MANAGER, contactShared: shared }] };
      },
      'lead.removeParticipant': () => ({ participants: [] }),
    });
    await page();
    const section = screen.getByTestId('participants-section');
    expect(within(section).getByText('沈观澜')).toBeTruthy();
    expect(within(section).getByText(/南岭工业坊 · 李晓雯邀请/)).toBeTruthy();
    expect(within(section).getByTestId('participant-contact-staff_shen').textContent).toContain('未共享联系方式');

    await act(async () => {
      fireEvent.click(within(section).getByTestId('share-staff_shen'));
    });
    expect(api.inputs('lead.shareParticipantContact')).toEqual([{ leadId: 'lead_1', staffId: 'staff_shen', shared: true }]);
    expect(api.inputs('lead.detail')).toHaveLength(2);
    expect(screen.getByTestId('participant-contact-staff_shen').textContent).toBe('已共享联系方式');

    await act(async () => {
      fireEvent.click(screen.getByTestId('unshare-staff_shen'));
    });
    expect(api.inputs('lead.shareParticipantContact')[1]).toEqual({ leadId: 'lead_1', staffId: 'staff_shen', shared: false });

    await act(async () => {
      fireEvent.click(screen.getByTestId('remove-staff_shen'));
    });
    expect(api.inputs('lead.removeParticipant')).toEqual([{ leadId: 'lead_1', staffId: 'staff_shen' }]);
  });

  it('the participant sees the need without the contact, who holds it, and may only leave a note', async () => {
    const api = useBackend({ 'lead.detail': () => asParticipant(false), 'lead.note': () => ({ eventId: 'ev5' }) });
    await page();
    expect(screen.getByTestId('contact-hidden').textContent).toBe('联系方式由经办人 李晓雯 掌握');
    expect(screen.queryByTestId('reveal-contact')).toBeNull();
    expect(screen.getByTestId('contact-holder').textContent).toContain('联系方式由经办人 李晓雯 掌握');
    expect(screen.getByTestId('participant-role').textContent).toContain('「南岭工业坊」的载体管理员');
    expect(within(screen.getByTestId('need-section')).getByText('生物医药')).toBeTruthy();
    expect(screen.getByText('想找 3 000 ㎡ 厂房，新能源。')).toBeTruthy();
    // No handler's buttons: no share, no remove, no kinds of note (a logged call is the handler's).
    expect(screen.queryByTestId('share-staff_shen')).toBeNull();
    expect(screen.queryByTestId('note-kind-call_logged')).toBeNull();
    expect(screen.queryByTestId('send-reply')).toBeNull();

    fireEvent.input(screen.getByTestId('note-input'), { target: { value: '可提供 3 200 ㎡，三楼' } });
    await act(async () => {
      fireEvent.click(screen.getByTestId('save-note'));
    });
    expect(api.inputs('lead.note')).toEqual([{ leadId: 'lead_1', text: '可提供 3 200 ㎡，三楼', kind: 'note' }]);
  });

  it('the participant gets no 首报 section and never asks for it; the handler does', async () => {
    const api = useBackend({ 'lead.detail': () => asParticipant(true) });
    await page();
    expect(screen.getByTestId('need-section')).toBeTruthy();
    expect(screen.queryByTestId('first-report-section')).toBeNull();
    expect(api.inputs('lead.firstReport')).toEqual([]);
    cleanup();
    backend?.restore();

    const handler = useBackend({});
    await page();
    expect(await screen.findByTestId('first-report-section')).toBeTruthy();
    expect(await screen.findByTestId('first-report-unknown')).toBeTruthy();
    expect(handler.inputs('lead.firstReport')).toEqual([{ leadId: 'lead_1' }]);
  });

  it('once the handler shared the contact, the participant may reveal it (the reveal is the audited one)', async () => {
    const api = useBackend({ 'lead.detail': () => asParticipant(true), 'lead.revealContact': () => ({ phone: '13800138000', email: null, wechatId: null }) });
    await page();
    expect(screen.getByTestId('contact-holder').textContent).toContain('已向您共享联系方式');
    await act(async () => {
      fireEvent.click(screen.getByTestId('reveal-contact'));
    });
    expect(api.inputs('lead.revealContact')).toEqual([{ leadId: 'lead_1' }]);
    expect(screen.getByTestId('phone-full').textContent).toBe('13800138000');
  });

  it('«请载体管理员参与» from a match; an external manager is refused with the reason shown beside the button', async () => {
    const api = useBackend({
      'lead.detail': () => aDetail({ participants: [] }),
      'lead.matches': () => MATCHES,
      'lead.addParticipant': (input) =>
        (input as { carrierId: string }).carrierId === 'building-1'
          ? { fail: { code: 'PARTICIPANT.NO_ACCOUNT', message: '该载体的管理员是外部联系人，没有工作账号，无法加入线索；请按载体资料中的电话直接联系' } }
          : { added: true, participants: [MANAGER] },
    });
    await page();
    expect(screen.getByTestId('no-participants')).toBeTruthy();
    await act(async () => {
      fireEvent.click(await screen.findByTestId('invite-building-1'));
    });
    expect(screen.getByTestId('invite-error').textContent).toContain('外部联系人');
    await act(async () => {
      fireEvent.click(screen.getByTestId('invite-factory-2'));
    });
    expect(api.inputs('lead.addParticipant')).toEqual([
      { leadId: 'lead_1', carrierId: 'building-1' },
      { leadId: 'lead_1', carrierId: 'factory-2' },
    ]);
    expect(screen.queryByTestId('invite-error')).toBeNull();
  });

  it('a recommendation that brought managers in says so, and who could not be', async () => {
    useBackend({
      'lead.matches': () => MATCHES,
      'lead.reply': () => ({ eventId: 'ev9', managers: [{ carrierId: 'factory-2', outcome: 'added' }, { carrierId: 'building-1', outcome: 'no_account' }] }),
    });
    await page();
    fireEvent.click(await screen.findByTestId('recommend-matches'));
    await act(async () => {
      fireEvent.click(screen.getByTestId('send-reply'));
    });
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已回复投资者；已请 1 位载体管理员参与；1 个载体的管理员是外部联系人，无法加入' }));
  });
});
