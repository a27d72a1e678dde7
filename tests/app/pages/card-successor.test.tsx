import { fireEvent, render, screen, within } from '@testing-library/react';
import type { ActionEnvelope, FunctionName } from '../../../domain/api/contract';
import CardPage from '../../../src/pages/card/index';
import { setApiTransport } from '../../../src/services/api-client';
import { aCardView, aPerson, okResult } from '../support/card-view.mother';
import * as Taro from '../support/taro-mock';

type Send = (fn: FunctionName, envelope: ActionEnvelope) => Promise<unknown>;
let restoreTransport: (() => void) | undefined;
const useTransport = (impl: Send) => {
  restoreTransport = setApiTransport({ send: jest.fn(impl) });
};

beforeEach(() => {
  Taro.resetTaroMock();
});
afterEach(() => {
  restoreTransport?.();
  process.env.TARO_ENV = 'weapp';
});

// What card.get answers for a revoked owner's card: the owner's contact withheld, the successor as contact.
const departedCard = () =>
  aCardView({
    ownerDeparted: true,
    owner: aPerson({ cardId: null, phone: null, wechatId: null, wechatQr: null }),
    contact: aPerson({ staffId: 'staff_li', cardId: 'card_li', name: '李晓雯', title: '招商专员', phone: '13800001234', wechatId: 'li_xw', wechatQr: '/assets/people/li-qr.svg' }),
  });

describe('a departed owner’s card', () => {
  it('says the owner no longer handles it and shows the successor with their phone and QR code', async () => {
    Taro.setRouterParams({ cardId: 'card_wang' });
    useTransport(() => Promise.resolve(okResult(departedCard())));
    render(<CardPage />);

    const owner = await screen.findByTestId('owner-contact');
    expect(within(owner).getByText('王建国')).toBeTruthy();
    expect(within(owner).getByText('王建国 已不再负责此名片，咨询请联系下方专员')).toBeTruthy();
    expect(within(owner).queryByText('拨打电话')).toBeNull();
    expect(screen.getByText('现由以下专员为您服务')).toBeTruthy();

    const successor = screen.getByTestId('duty-contact');
    expect(within(successor).getByText('李晓雯')).toBeTruthy();
    fireEvent.click(within(successor).getByText('拨打电话'));
    expect(Taro.makePhoneCall).toHaveBeenCalledWith({ phoneNumber: '13800001234' });
    // The one QR code on the page is the successor's, inside their block.
    const qr = within(screen.getByTestId('contact-block')).getAllByTestId('wechat-qr');
    expect(qr).toHaveLength(1);
    expect(within(successor.parentElement as HTMLElement).getByTestId('wechat-qr')).toBe(qr[0]);
    expect(within(qr[0]).getByTestId('wechat-qr-image').getAttribute('src')).toContain('li-qr.svg');
  });

  it('a card handed on while its owner stays keeps the owner’s own QR code and the usual wording', async () => {
    Taro.setRouterParams({ cardId: 'card_wang' });
    useTransport(() => Promise.resolve(okResult(aCardView({ owner: aPerson({ wechatQr: '/assets/people/wang-qr.svg' }) }))));
    render(<CardPage />);
    const owner = await screen.findByTestId('owner-contact');
    expect(within(owner).queryByText(/已不再负责/)).toBeNull();
    expect(screen.queryByText('现由以下专员为您服务')).toBeNull();
    expect(screen.getByTestId('wechat-qr-image').getAttribute('src')).toContain('wang-qr.svg');
  });
});
