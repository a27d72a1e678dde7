import { ERROR_MESSAGES } from '../../../domain/common/error-codes';
import { ApiError, toApiError } from '../../../src/services/api-client';

describe('toApiError (the one way a thrown value becomes what a screen shows)', () => {
  it('keeps a typed error as it is, fields included', () => {
    const refused = new ApiError('VALIDATION.INVALID_INPUT', undefined, ['contact.email']);
    expect(toApiError(refused)).toBe(refused);
  });

  it('turns anything else into INTERNAL.UNEXPECTED with its Chinese message, or the screen’s own words', () => {
    expect(toApiError(new TypeError('x is undefined'))).toMatchObject({ code: 'INTERNAL.UNEXPECTED', message: ERROR_MESSAGES['INTERNAL.UNEXPECTED'] });
    expect(toApiError('boom', { unexpected: '海报生成失败，请稍后重试' })).toMatchObject({ code: 'INTERNAL.UNEXPECTED', message: '海报生成失败，请稍后重试' });
    // `unexpected` is for untyped failures only: a typed INTERNAL.UNEXPECTED keeps its own message.
    const typed = new ApiError('INTERNAL.UNEXPECTED', '二维码生成失败，请稍后重试');
    expect(toApiError(typed, { unexpected: '海报生成失败，请稍后重试' })).toBe(typed);
  });

  it('rewords the codes a screen names, keeping the code and the fields', () => {
    const forbidden = toApiError(new ApiError('AUTH.FORBIDDEN', undefined, ['cardId']), { codes: { 'AUTH.FORBIDDEN': '名片数据仅对名片主人开放' } });
    expect(forbidden).toMatchObject({ code: 'AUTH.FORBIDDEN', message: '名片数据仅对名片主人开放', fields: ['cardId'] });
    const other = new ApiError('RATE.LIMITED');
    expect(toApiError(other, { codes: { 'AUTH.FORBIDDEN': 'x' } })).toBe(other);
  });
});
