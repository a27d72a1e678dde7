import { checkCreditCode } from './credit-code.rules';
import { companyMatchKey } from './company-name.rules';
import { investmentTierOf } from './investment-tier.rules';
import type { LeadFacts } from './lead-facts.schema';

export interface FactsInput {
  creditCode?: string;
  companyName?: string;
  investmentWan?: number;
  originCity?: string;
  eventId?: string;
}

export type FactsWarning = { code: 'CREDIT_CODE.CHECKSUM'; message: string };

export type FactsOutcome =
  | { ok: true; facts: Omit<LeadFacts, 'updatedAt' | 'updatedBy'>; warnings: FactsWarning[] }
  | { ok: false; reason: 'CREDIT_CODE_MALFORMED' };

/**
 * The facts a staff member's entry amounts to. A code of the wrong shape is refused (it cannot be anyone's);
 * a failed checksum only warns, because some real codes fail it. The origin comes from the code's region
 * digits when they are digits, else from the stated city. `companyName` falls back to the name the investor gave.
 */
export const deriveLeadFacts = (input: FactsInput, statedCompany: string): FactsOutcome => {
  const warnings: FactsWarning[] = [];
  let creditCode: string | null = null;
  let checksumOk: boolean | null = null;
  let region: string | null = null;
  if (input.creditCode !== undefined && input.creditCode !== '') {
    const check = checkCreditCode(input.creditCode);
    if (!check.ok) return { ok: false, reason: 'CREDIT_CODE_MALFORMED' };
    creditCode = check.code;
    checksumOk = check.checksumOk;
    if (!check.checksumOk) warnings.push({ code: 'CREDIT_CODE.CHECKSUM', message: `校验位应为 ${check.expectedCheck}，请核对；代码已按填写保存` });
    if (/^\d{6}$/.test(check.regionCode)) region = check.regionCode;
  }
  const companyName = (input.companyName ?? '').trim() || statedCompany.trim() || null;
  const originCity = input.originCity?.trim() || null;
  return {
    ok: true,
    warnings,
    facts: {
      creditCode,
      creditCodeChecksumOk: checksumOk,
      companyName,
      companyKey: companyName ? companyMatchKey(companyName) : null,
      investmentWan: input.investmentWan ?? null,
      investmentTier: investmentTierOf(input.investmentWan),
      originRegion: region,
      originCity,
      originSource: region ? 'credit_code' : originCity ? 'stated_city' : null,
      eventId: input.eventId ?? null,
    },
  };
};
