import * as v from 'valibot';
import { IDEMPOTENCY_KEY_PATTERN, LEAD_AREA_MAX, LEAD_MESSAGE_MAX, LeadSubmissionSchema } from '../../../domain/api/lead.contracts';
import { ApiError } from '../../../src/services/api-client';
import { emptyLeadForm, fieldErrorsFrom, fieldForPath, newIdempotencyKey, parseArea, previewPhone, sourceFromEntry, toSubmission, validateLeadForm, type LeadFormValues } from '../../../src/inquiry/lead-form/lead-form-fields';

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

describe('the form’s checks come from the lead.submit contract', () => {
  const valid = (): LeadFormValues => ({ ...emptyLeadForm(), name: '郑晓川', phone: '13800138000', industry: '先进制造', scale: 'undecided' });
  const errorsOf = (patch: Partial<LeadFormValues>) => validateLeadForm({ ...valid(), ...patch }, true);
  const schemaAccepts = (values: LeadFormValues) =>
    v.safeParse(LeadSubmissionSchema, toSubmission(values, { channel: 'direct' }, 'k'.repeat(24), 'v1')).success;

  it('a fill the form lets through is one the backend schema accepts, and the other way round', () => {
    expect(errorsOf({})).toEqual({});
    expect(schemaAccepts(valid())).toBe(true);
    for (const patch of [{ name: '' }, { name: '名'.repeat(21) }, { company: '司'.repeat(61) }, { email: 'a@b' }, { wechatId: 'wx id' }, { message: '字'.repeat(LEAD_MESSAGE_MAX + 1) }]) {
      expect(schemaAccepts({ ...valid(), ...patch })).toBe(false);
      expect(Object.keys(errorsOf(patch))).toHaveLength(1);
    }
  });

  it('takes its limits from the contract: the message limit and the area bound are the backend’s', () => {
    expect(errorsOf({ message: '字'.repeat(LEAD_MESSAGE_MAX) })).toEqual({});
    expect(errorsOf({ message: '字'.repeat(LEAD_MESSAGE_MAX + 1) })).toEqual({ message: `留言不能超过 ${LEAD_MESSAGE_MAX} 个字` });
    expect(errorsOf({ areaMax: String(LEAD_AREA_MAX) })).toEqual({});
    expect(errorsOf({ areaMax: String(LEAD_AREA_MAX + 1) })).toEqual({ area: `面积请填写数字（单位：㎡），最大 ${LEAD_AREA_MAX / 10_000} 万` });
  });

  it('words the contract’s refusals for the field they concern', () => {
    expect(errorsOf({ name: '名'.repeat(21) })).toEqual({ name: '姓名不能超过 20 个字' });
    expect(errorsOf({ name: '名'.repeat(81) })).toEqual({ name: '请填写姓名（不超过 20 个字）' });
    expect(errorsOf({ company: '司'.repeat(61) })).toEqual({ company: '单位名称不能超过 60 个字' });
    expect(errorsOf({ industry: '业'.repeat(21) })).toEqual({ industry: '意向行业不能超过 20 个字' });
    expect(errorsOf({ email: 'ab' })).toEqual({ email: '邮箱格式不正确' });
    // What the hand-written copy never checked: the text rules every schema shares (zero-width and control characters).
    expect(errorsOf({ company: '云启\u200b科技' })).toEqual({ company: '单位名称包含不可见或控制字符' });
    expect(errorsOf({ name: '郑\u0007晓川' })).toEqual({ name: '姓名包含不可见或控制字符' });
  });

  it('applies the domain rules the backend applies after the schema: phone numbers and the area range', () => {
    expect(errorsOf({ phone: '1380013800' })).toEqual({ phone: '请填写正确的手机号或固定电话，如 138 0013 8000、025-8468 1234，境外号码请加国家代码，如 +852 9123 4567' });
    expect(errorsOf({ areaMin: '900', areaMax: '500' })).toEqual({ area: '最小面积不能大于最大面积' });
    expect(validateLeadForm(valid(), false)).toEqual({ consent: '请先阅读并同意《个人信息保护说明》' });
  });
});
