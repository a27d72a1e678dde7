import { checkCreditCode, provinceOf } from '../../domain/lead/credit-code.rules';
import { companyMatchKey } from '../../domain/lead/company-name.rules';
import { investmentTierOf } from '../../domain/lead/investment-tier.rules';

describe('统一社会信用代码 (GB 32100-2015)', () => {
  // Check characters computed independently (Python, weights 3^i mod 31) for published example codes.
  it.each([
    ['91350100M000100Y43', '350100'],
    ['91110000600037341L', '110000'],
    ['9144030071526726XG', '440300'],
  ])('%s passes its checksum and yields region %s', (code, region) => {
    expect(checkCreditCode(code)).toEqual({ ok: true, code, checksumOk: true, regionCode: region, expectedCheck: code[17] });
  });

  it('warns, never refuses, when the checksum fails (some real codes do)', () => {
    const r = checkCreditCode('91310000MA1FL8TQ3X');
    expect(r).toMatchObject({ ok: true, checksumOk: false, expectedCheck: '6', regionCode: '310000' });
  });

  it('normalises spaces, dashes, lower case and full-width forms before checking', () => {
    expect(checkCreditCode(' 9135 0100-m000100y43 ')).toMatchObject({ ok: true, code: '91350100M000100Y43', checksumOk: true });
    expect(checkCreditCode('９１３５０１００Ｍ０００１００Ｙ４３')).toMatchObject({ ok: true, checksumOk: true });
  });

  it.each([
    ['too short', '9135010', 'LENGTH'],
    ['too long', '91350100M000100Y431', 'LENGTH'],
    ['letters the standard leaves out (I O Z S V)', '91350100M000100I43', 'CHARACTERS'],
    ['Chinese characters', '91350100M000100临43', 'CHARACTERS'],
  ])('refuses a code that is not one: %s', (_what, code, reason) => {
    expect(checkCreditCode(code)).toEqual({ ok: false, reason });
  });

  it('gives the province of a region code', () => {
    expect(provinceOf('350102')).toBe('350000');
    expect(provinceOf('MA1FL8')).toBeNull();
  });
});

describe('company match key', () => {
  it('treats spacing, brackets and the legal form as noise', () => {
    const key = companyMatchKey('临江新能源集团有限公司');
    expect(companyMatchKey('临江 新能源（集团）有限公司')).toBe(key);
    expect(companyMatchKey('临江新能源(集团)有限责任公司 ')).toBe(key);
    expect(companyMatchKey('临江新能源集团股份有限公司')).toBe(key);
    expect(companyMatchKey('ＡＢＣ Tech Co.')).toBe(companyMatchKey('abc tech co'));
  });

  it('keeps different companies apart', () => {
    expect(companyMatchKey('临江新能源有限公司')).not.toBe(companyMatchKey('临江新材料有限公司'));
    // A name that is only a legal form keeps it rather than becoming empty.
    expect(companyMatchKey('有限公司')).toBe('有限公司');
  });
});

describe('investment tiers (万元)', () => {
  it.each([
    [0, 'under-1e'],
    [9_999, 'under-1e'],
    [10_000, '1e-3e'],
    [29_999.5, '1e-3e'],
    [30_000, '3e-10e'],
    [100_000, '10e-20e'],
    [199_999, '10e-20e'],
    [200_000, '20e-plus'],
    [5_000_000, '20e-plus'],
  ])('%d 万元 → %s', (amount, tier) => {
    expect(investmentTierOf(amount)).toBe(tier);
  });

  it('has no tier without a usable amount', () => {
    expect(investmentTierOf(null)).toBeNull();
    expect(investmentTierOf(undefined)).toBeNull();
    expect(investmentTierOf(-1)).toBeNull();
    expect(investmentTierOf(Number.NaN)).toBeNull();
  });
});
