import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { RequestOf } from '../../../domain/api/contract';
import { setLeadFactsContract } from '../../../domain/api/lead-facts.contracts';
import { checkCreditCode } from '../../../domain/lead/credit-code.rules';
import type { LeadFacts } from '../../../domain/lead/lead-facts.schema';
import { INVESTMENT_TIERS, investmentTierOf } from '../../../domain/lead/investment-tier.rules';
import { useAction } from '../../hooks/use-action';
import { useDraft } from '../../hooks/use-draft';
import { call } from '../../services/api-client';

/** What the 项目信息 form holds while it is open: text as typed, checked on save. */
export interface FactsDraft {
  creditCode: string;
  companyName: string;
  investmentWan: string;
  originCity: string;
}
export type FactsField = keyof FactsDraft;

const FIELDS: readonly FactsField[] = ['creditCode', 'companyName', 'investmentWan', 'originCity'];
const MAX_AMOUNT_WAN = 100_000_000;

export type CreditCodeHint = { kind: 'none' } | { kind: 'malformed'; message: string } | { kind: 'checksum'; message: string } | { kind: 'ok'; message: string };

/** What the code as typed amounts to: a wrong shape is an error, a failed checksum a warning that never blocks. */
export const creditCodeHint = (raw: string): CreditCodeHint => {
  if (!raw.trim()) return { kind: 'none' };
  const check = checkCreditCode(raw);
  if (!check.ok) return { kind: 'malformed', message: check.reason === 'LENGTH' ? '统一社会信用代码应为 18 位' : '含有代码中不用的字符（I、O、Z、S、V 或符号）' };
  if (!check.checksumOk) return { kind: 'checksum', message: `校验位应为 ${check.expectedCheck}，请与营业执照核对；个别真实代码校验不通过，仍可保存` };
  return { kind: 'ok', message: `校验通过 · 登记地区代码 ${check.regionCode}` };
};

/** The amount as typed, in 万元: a number, nothing, or an error message. */
export const parseAmountWan = (raw: string): { ok: true; value: number | null } | { ok: false; message: string } => {
  const text = raw.trim().replace(/,/g, '');
  if (!text) return { ok: true, value: null };
  if (!/^\d+(\.\d{1,2})?$/.test(text)) return { ok: false, message: '请填写数字（万元），最多两位小数' };
  const value = Number(text);
  if (value > MAX_AMOUNT_WAN) return { ok: false, message: '投资额过大（上限 1 万亿元）' };
  return { ok: true, value };
};

export const tierLabelOf = (amountWan: number | null): string | null => INVESTMENT_TIERS.find((t) => t.id === investmentTierOf(amountWan))?.label ?? null;

const factsDraft = {
  parse: (raw: unknown): FactsDraft | null => {
    if (typeof raw !== 'object' || raw === null) return null;
    const r = raw as Record<string, unknown>;
    if (!FIELDS.every((f) => typeof r[f] === 'string' && (r[f] as string).length <= 80)) return null;
    return { creditCode: r.creditCode as string, companyName: r.companyName as string, investmentWan: r.investmentWan as string, originCity: r.originCity as string };
  },
  // Closed form: nothing kept.
  isEmpty: (d: FactsDraft | null): boolean => d === null,
};

const fromFacts = (facts: LeadFacts | null, statedCompany: string): FactsDraft => ({
  creditCode: facts?.creditCode ?? '',
  companyName: facts?.companyName ?? statedCompany,
  investmentWan: facts?.investmentWan === null || facts?.investmentWan === undefined ? '' : String(facts.investmentWan),
  originCity: facts?.originCity ?? '',
});

export interface LeadFactsEditor {
  /** The open form, or null while the section shows what the lead carries. */
  draft: FactsDraft | null;
  open: () => void;
  cancel: () => void;
  set: (field: FactsField, value: string) => void;
  creditCode: CreditCodeHint;
  amountError: string | null;
  tierLabel: string | null;
  saving: boolean;
  error: string | null;
  /** The cautions of the last save (a failed checksum), shown until the next edit. */
  warnings: string[];
  save: () => Promise<void>;
}

/**
 * 项目信息: the handler completes the company facts the numbers need. Each save states the whole set (with the
 * lead's rev); the open form is a draft on the device, so a reload keeps what was typed.
 */
export const useLeadFacts = (
  /** From the route, known on the first render: the draft is read then. */
  leadId: string | null,
  lead: { id: string; rev: number; facts: LeadFacts | null; statedCompany: string } | null,
  reload: () => Promise<void>,
): LeadFactsEditor => {
  const [warningsShown, setWarningsShown] = useState<string[]>([]);
  const [draft, setDraft, kept] = useDraft<FactsDraft | null>(leadId ? `lead-facts:${leadId}` : null, () => null, factsDraft);
  const saving = useAction(
    async (input: RequestOf<typeof setLeadFactsContract>) => {
      const saved = await call(setLeadFactsContract, input);
      setDraft(null);
      kept.clear();
      setWarningsShown(saved.warnings.map((w) => w.message));
      Taro.showToast({ title: saved.warnings.length ? '已保存，请核对提示' : '已保存项目信息', icon: 'none' }).catch(() => undefined);
      await reload();
    },
    async (error) => {
      if (error.code === 'LEAD.CONCURRENT_UPDATE') {
        await reload();
        return '同事刚更新了这条线索，已刷新；请核对后再保存';
      }
      if (error.code === 'AUTH.FORBIDDEN') await reload();
    },
  );

  const amount = draft ? parseAmountWan(draft.investmentWan) : ({ ok: true, value: null } as const);
  const hint = draft ? creditCodeHint(draft.creditCode) : ({ kind: 'none' } as const);

  const save = async (): Promise<void> => {
    if (!lead || !draft || saving.pending) return;
    if (hint.kind === 'malformed') return saving.setError(hint.message);
    if (!amount.ok) return saving.setError(amount.message);
    const companyName = draft.companyName.trim();
    const originCity = draft.originCity.trim();
    if (companyName.length > 60) return saving.setError('企业名称不能超过 60 个字');
    if (originCity.length > 20) return saving.setError('来源城市不能超过 20 个字');
    await saving.run({
      leadId: lead.id,
      rev: lead.rev,
      ...(draft.creditCode.trim() ? { creditCode: draft.creditCode.trim() } : {}),
      ...(companyName ? { companyName } : {}),
      ...(amount.value !== null ? { investmentWan: amount.value } : {}),
      ...(originCity ? { originCity } : {}),
      // There is no event picker yet: a save keeps the event the lead already names.
      ...(lead.facts?.eventId ? { eventId: lead.facts.eventId } : {}),
    });
  };

  return {
    draft,
    open: () => {
      if (!lead) return;
      setWarningsShown([]);
      saving.setError(null);
      setDraft((d) => d ?? fromFacts(lead.facts, lead.statedCompany));
    },
    cancel: () => {
      setDraft(null);
      saving.setError(null);
    },
    set: (field, value) => {
      setDraft((d) => (d ? { ...d, [field]: value } : d));
      saving.setError(null);
    },
    creditCode: hint,
    amountError: amount.ok ? null : amount.message,
    tierLabel: amount.ok ? tierLabelOf(amount.value) : null,
    saving: saving.pending,
    error: saving.error,
    warnings: warningsShown,
    save,
  };
};
