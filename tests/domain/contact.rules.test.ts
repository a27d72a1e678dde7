import { contactKeyOf, hasWayToReach, maskContact } from '../../domain/lead/contact.rules';
import { maskPhone } from '../../domain/lead/phone.rules';

describe('at least one way to reach the investor', () => {
  it.each([
    [{ phone: '13800138000' }, true],
    [{ email: 'a@b.example' }, true],
    [{ wechatId: 'wx_01' }, true],
    [{ phone: '', email: '', wechatId: '' }, false],
    [{ phone: '  ', email: null }, false],
    [{}, false],
  ])('%j → %s', (contact, expected) => {
    expect(hasWayToReach(contact)).toBe(expected);
  });

  it('counts limits under the phone, else the email, else the WeChat ID, each in its own case-folded namespace', () => {
    expect(contactKeyOf({ phone: '+85291234567', email: 'A@b.example' })).toBe('+85291234567');
    expect(contactKeyOf({ phone: '', email: ' A@B.example ' })).toBe('email:a@b.example');
    expect(contactKeyOf({ wechatId: 'WX_01' })).toBe('wechat:wx_01');
    expect(contactKeyOf({ email: '13800138000@qq.com' })).not.toBe(contactKeyOf({ phone: '13800138000' }));
    expect(contactKeyOf({})).toBe('');
  });

  it('masks whichever way exists for staff', () => {
    expect(maskContact({ phone: '13800138000', email: 'a@b.example' }, maskPhone)).toEqual({ way: 'phone', masked: '138****8000' });
    expect(maskContact({ email: 'anna.schmidt@rhein.example' }, maskPhone)).toEqual({ way: 'email', masked: 'an***@rhein.example' });
    expect(maskContact({ email: 'a@b.example' }, maskPhone)).toEqual({ way: 'email', masked: 'a***@b.example' });
    expect(maskContact({ wechatId: 'anna_rhein01' }, maskPhone)).toEqual({ way: 'wechat', masked: 'an***01' });
  });
});
