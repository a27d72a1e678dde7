import { maskPhone, normalizePhone } from '../../domain/lead/phone.rules';

describe('normalizePhone', () => {
  it.each([
    ['13800138000', '13800138000'],
    ['+86 138-0013-8000', '13800138000'],
    ['0086 13800138000', '13800138000'],
    ['138 0013 8000', '13800138000'],
    ['１３８００１３８０００', '13800138000'],
    ['025-84681234', '025-84681234'],
    ['(025) 8468 1234', '025-84681234'],
    ['010-62345678', '010-62345678'],
    ['0571-8765432', '0571-8765432'],
    ['025-84681234-801', '025-84681234-801'],
    ['025-84681234转801', '025-84681234-801'],
    ['+86 25 8468 1234', '025-84681234'],
  ])('accepts %s as %s', (raw, expected) => {
    expect(normalizePhone(raw)).toBe(expected);
  });

  it.each([
    ['+852 9123 4567', '+85291234567'],
    ['00852 9123-4567', '+85291234567'],
    ['+49 30 1234 5678', '+493012345678'],
    ['+1 415 555 0100', '+14155550100'],
    ['＋４４ ２０ ７９４６ ００００', '+442079460000'],
  ])('accepts the foreign number %s in E.164 form as %s', (raw, expected) => {
    expect(normalizePhone(raw)).toBe(expected);
  });

  it.each(['+852 912', '+0 852 9123 4567', '+1234567890123456', '+852 9123 4567 转 8', '00 852'])('rejects the impossible foreign number %j', (raw) => {
    expect(normalizePhone(raw)).toBeNull();
  });

  it.each(['', '123', '12345678901', '23800138000', '1380013800', '138001380001', 'abc13800138000', '13800138000-12', '025-1234', '000-00000000', '=cmd|1', '138\u000013800'])(
    'rejects %j',
    (raw) => {
      expect(normalizePhone(raw)).toBeNull();
    },
  );

  it('masks all but the first three and last four digits', () => {
    expect(maskPhone('13800138000')).toBe('138****8000');
    expect(maskPhone('025-84681234')).toBe('025****1234');
    expect(maskPhone('+85291234567')).toBe('+852****4567');
  });
});

describe('foreign numbers against their numbering plan (libphonenumber-js/min)', () => {
  it.each([
    ['+852 6123 4567', '+85261234567'],
    ['+852 2123 4567', '+85221234567'],
    ['+49 170 1234567', '+491701234567'],
    ['0049 30 12345678', '+493012345678'],
    ['+1 (202) 555-0123', '+12025550123'],
    ['+44 7911 123456', '+447911123456'],
    ['+44 20 7946 0958', '+442079460958'],
  ])('accepts %s as %s', (raw, expected) => {
    expect(normalizePhone(raw)).toBe(expected);
  });

  it.each(['+852 1234 5678', '+852 1234 567', '+49 12', '+1 012 555 0123', '+44 20 7946', '+44 7911 1234567890', '+999 1234 5678'])(
    'refuses %j: the shape is E.164, the number does not exist in its country’s plan',
    (raw) => {
      expect(normalizePhone(raw)).toBeNull();
    },
  );

  it('leaves mainland numbers to the mainland rule, exactly as before', () => {
    expect(normalizePhone('+86 138-0013-8000')).toBe('13800138000');
    expect(normalizePhone('0086 25 8468 1234')).toBe('025-84681234');
  });
});
