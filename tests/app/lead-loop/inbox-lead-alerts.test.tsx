import { act, fireEvent, render, screen } from '@testing-library/react';
import InboxPage from '../../../src/staff/inbox/index';
import { LEAD_ALERT_MESSAGES, leadNewTemplateId } from '../../../src/staff/inbox/use-lead-alerts';
import { aStaffLead, fakeBackend, type FakeBackend } from '../support/lead-loop-backend';
import * as Taro from '../support/lead-loop-taro';

jest.mock('@tarojs/taro', () => require('../support/lead-loop-taro'));
jest.mock('@tarojs/components', () => require('../support/lead-loop-components'));

const TEMPLATE = 'tmplLeadNew_0123456789';
const WHO = { kind: 'staff', staff: { staffId: 'staff_li', name: '李晓雯', districtId: 'district_linjiang', unitId: 'unit_invest', roles: ['commissioner'], cardId: 'card_li' } };

let backend: FakeBackend | undefined;
beforeEach(() => {
  Taro.resetLeadLoopTaro();
  Taro.setRouterParams({}, '/staff/inbox/index');
  process.env.TARO_APP_TEMPLATE_LEAD_NEW = TEMPLATE;
  backend = fakeBackend({
    'session.whoami': () => WHO,
    'lead.inbox': () => ({ items: [aStaffLead({ id: 'l1', contactName: '沈嘉禾' })], nextCursor: null, counts: { mine: 1, unit: 1, pool: 0, referred: 0, participating: 0 } }),
  });
});
afterEach(() => {
  backend?.restore();
  backend = undefined;
  delete process.env.TARO_APP_TEMPLATE_LEAD_NEW;
  process.env.TARO_ENV = 'weapp';
});

const openInbox = async () => {
  render(<InboxPage />);
  await screen.findByTestId('inbox-list');
};

const tap = async () => {
  await act(async () => {
    fireEvent.click(screen.getByTestId('lead-alerts'));
  });
};

describe('staff inbox: new-lead reminders', () => {
  it('asks WeChat for one more "new lead" message straight from the tap, and explains what it grants', async () => {
    Taro.subscribeAnswer.value = { [TEMPLATE]: 'accept' };
    await openInbox();
    expect(screen.getByTestId('lead-alerts').textContent).toContain('开启新线索提醒');
    expect(Taro.requestSubscribeMessage).not.toHaveBeenCalled();

    await tap();
    expect(Taro.requestSubscribeMessage).toHaveBeenCalledTimes(1);
    expect(Taro.requestSubscribeMessage).toHaveBeenCalledWith({ tmplIds: [TEMPLATE] });
    expect(Taro.showToast).toHaveBeenLastCalledWith({ title: LEAD_ALERT_MESSAGES.accepted, icon: 'none', duration: 3000 });
    expect(LEAD_ALERT_MESSAGES.accepted).toMatch(/每点一次.*一条.*收件箱/);

    // Every tap is one more message: the action stays for the next top-up.
    await tap();
    expect(Taro.requestSubscribeMessage).toHaveBeenCalledTimes(2);
  });

  it('says the inbox still has every lead when the staff member declines or WeChat fails', async () => {
    Taro.subscribeAnswer.value = { [TEMPLATE]: 'reject' };
    await openInbox();
    await tap();
    expect(Taro.showToast).toHaveBeenLastCalledWith({ title: LEAD_ALERT_MESSAGES.rejected, icon: 'none', duration: 3000 });

    Taro.subscribeAnswer.value = Object.assign(new Error('requestSubscribeMessage:fail'), { errCode: 20004 });
    await tap();
    expect(Taro.showToast).toHaveBeenLastCalledWith({ title: LEAD_ALERT_MESSAGES.failed, icon: 'none', duration: 3000 });

    Taro.subscribeAnswer.value = { [TEMPLATE]: 'ban' };
    await tap();
    expect(Taro.showToast).toHaveBeenLastCalledWith({ title: LEAD_ALERT_MESSAGES.failed, icon: 'none', duration: 3000 });
    expect(screen.getByTestId('inbox-list')).toBeTruthy();
  });

  it('opens one dialog at a time', async () => {
    let answer: (value: Record<string, string>) => void = () => undefined;
    Taro.requestSubscribeMessage.mockImplementationOnce(
      () =>
        new Promise((resolve) => {
          answer = (value) => resolve({ errMsg: 'requestSubscribeMessage:ok', ...value });
        }),
    );
    await openInbox();
    await tap();
    expect(screen.getByTestId('lead-alerts').textContent).toContain('正在开启…');
    await tap();
    expect(Taro.requestSubscribeMessage).toHaveBeenCalledTimes(1);
    await act(async () => answer({ [TEMPLATE]: 'accept' }));
    expect(screen.getByTestId('lead-alerts').textContent).toContain('开启新线索提醒');
  });

  it('is hidden when no template is configured', async () => {
    process.env.TARO_APP_TEMPLATE_LEAD_NEW = '';
    await openInbox();
    expect(screen.queryByTestId('lead-alerts')).toBeNull();
  });

  it('is hidden on the web, which has no subscribe messages', async () => {
    process.env.TARO_ENV = 'h5';
    await openInbox();
    expect(screen.queryByTestId('lead-alerts')).toBeNull();
    expect(Taro.requestSubscribeMessage).not.toHaveBeenCalled();
  });

  it('reads only a well-formed template id from the build', () => {
    process.env.TARO_APP_TEMPLATE_LEAD_NEW = `  ${TEMPLATE} `;
    expect(leadNewTemplateId()).toBe(TEMPLATE);
    process.env.TARO_APP_TEMPLATE_LEAD_NEW = 'a,b';
    expect(leadNewTemplateId()).toBeNull();
    delete process.env.TARO_APP_TEMPLATE_LEAD_NEW;
    expect(leadNewTemplateId()).toBeNull();
  });
});
