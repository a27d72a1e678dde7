import { cardRequestFromEntry } from '../../../src/card-model/card-request';

describe('card entry → card.get request', () => {
  it('takes the card id and the chat-share code', () => {
    expect(cardRequestFromEntry({ cardId: 'card_wang', s: 'Ab3dEf9hJk' })).toEqual({ cardId: 'card_wang', shareCode: 'Ab3dEf9hJk' });
  });

  it('asks for the district default card when the entry names none', () => {
    expect(cardRequestFromEntry({})).toEqual({});
  });

  it('reads a mini-program code scene, encoded or not', () => {
    expect(cardRequestFromEntry({ scene: 's%3DAb3dEf9hJk' })).toEqual({ shareCode: 'Ab3dEf9hJk' });
    expect(cardRequestFromEntry({ scene: 'Ab3dEf9hJk' })).toEqual({ shareCode: 'Ab3dEf9hJk' });
  });

  it('reads card id and share code from a plain-URL QR code', () => {
    const q = encodeURIComponent('https://zs.example.gov.cn/card?cardId=card_li&s=Zz9yXx8wVv');
    expect(cardRequestFromEntry({ q })).toEqual({ cardId: 'card_li', shareCode: 'Zz9yXx8wVv' });
  });

  it('drops a share code that is not one', () => {
    expect(cardRequestFromEntry({ cardId: 'card_wang', s: 'nope' })).toEqual({ cardId: 'card_wang' });
  });
});
