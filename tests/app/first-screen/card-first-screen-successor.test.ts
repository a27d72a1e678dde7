import { renderCardFirstScreen } from '../../../src/first-screen/card-first-screen';
import { aCardView, aPerson } from '../support/card-view.mother';

const render = (html: string): HTMLElement => {
  const root = document.createElement('div');
  root.innerHTML = html;
  return root;
};

// card.get for a revoked owner: their contact withheld, the successor as contact.
const departed = aCardView({
  ownerDeparted: true,
  owner: aPerson({ cardId: null, phone: null, wechatId: null }),
  contact: aPerson({ staffId: 'staff_li', name: '李晓雯', title: '招商专员', phone: '13800001234', wechatId: 'li_xw' }),
});

describe('the first screen of a departed owner’s card', () => {
  it('says the owner no longer handles it and offers the successor’s call link only', () => {
    const root = render(renderCardFirstScreen(departed));
    const cards = root.querySelectorAll('.contact-card');
    expect(cards).toHaveLength(2);
    expect(cards[0].querySelector('.contact-card__private')?.textContent).toBe('王建国 已不再负责此名片，咨询请联系下方专员');
    expect(cards[0].querySelector('a.contact-card__call')).toBeNull();
    expect(root.querySelector('.card-page__duty-title')?.textContent).toBe('现由以下专员为您服务');
    expect(cards[1].querySelector('.contact-card__name')?.textContent).toBe('李晓雯');
    expect([...root.querySelectorAll('a.contact-card__call')].map((a) => a.getAttribute('href'))).toEqual(['tel:13800001234']);
  });

  it('in English too', () => {
    const root = render(renderCardFirstScreen(departed, 'en'));
    expect(root.querySelector('.contact-card__private')?.textContent).toBe('王建国 no longer handles this card: please contact the officer below');
    expect(root.querySelector('.card-page__duty-title')?.textContent).toBe('Now at your service');
  });

  it('an owner who stays keeps the usual wording', () => {
    const root = render(renderCardFirstScreen(aCardView()));
    expect(root.querySelector('.card-page__duty-title')?.textContent).toBe('招商咨询由以下专员对接');
  });
});
