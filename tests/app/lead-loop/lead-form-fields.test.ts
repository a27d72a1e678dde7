import { IDEMPOTENCY_KEY_PATTERN } from '../../../domain/api/lead.contracts';
import { ApiError } from '../../../src/services/api-client';
import { emptyLeadForm, fieldErrorsFrom, fieldForPath, newIdempotencyKey, parseArea, previewPhone, sourceFromEntry, toSubmission } from '../../../src/pages/lead-form/lead-form-fields';

describe('lead form rules', () => {
  it('previews phones with the domain rule', () => {
    expect(previewPhone('')).toEqual({ state: 'empty' });
    expect(previewPhone('0086 138 0013 8000')).toEqual({ state: 'valid', normalized: '13800138000' });
    expect(previewPhone('(025) 8468 1234')).toEqual({ state: 'valid', normalized: '025-84681234' });
    expect(previewPhone('1380013800')).toEqual({ state: 'invalid' });
  });

  it('reads areas as numbers, empty as absent, anything else as invalid', () => {
    expect(parseArea('')).toBeUndefined();
    expect(parseArea('5,000')).toBe(5000);
    expect(parseArea('１２０.５')).toBe(120.5);
    expect(parseArea('5千')).toBeNaN();
    expect(parseArea('20000000')).toBeNaN();
  });

  it('maps backend field paths onto form fields', () => {
    expect(fieldForPath('contact.wechatId')).toBe('wechatId');
    expect(fieldForPath('need.areaMin')).toBe('area');
    expect(fieldForPath('consent.noticeVersion')).toBe('consent');
    expect(fieldForPath('source.cardId')).toBeNull();
    expect(fieldErrorsFrom(new ApiError('VALIDATION.INVALID_INPUT', undefined, ['contact.name', 'source']))).toEqual({ name: '请填写姓名（不超过 20 个字）' });
  });

  it('makes keys the backend accepts, different every time', () => {
    const keys = new Set(Array.from({ length: 200 }, newIdempotencyKey));
    expect(keys.size).toBe(200);
    for (const k of keys) expect(k).toMatch(IDEMPOTENCY_KEY_PATTERN);
  });

  it('builds the request with optional parts left out when empty', () => {
    const values = { ...emptyLeadForm(), name: ' 郑晓川 ', phone: '13800138000', industry: '新能源', scale: 'undecided' as const, areaMax: '800', email: ' ', timing: '1 年内' };
    const source = sourceFromEntry({ channel: 'nonsense' }, 'direct');
    expect(toSubmission(values, source, 'k'.repeat(24), 'v1')).toEqual({
      idempotencyKey: 'k'.repeat(24),
      contact: { name: '郑晓川', company: '', phone: '13800138000' },
      need: { industry: '新能源', scale: 'undecided', areaMax: 800, timing: '1 年内' },
      message: '',
      source: { channel: 'direct' },
      consent: { agreed: true, noticeVersion: 'v1' },
      website: '',
    });
  });
});
