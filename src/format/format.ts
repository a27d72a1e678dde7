import { PRICE_UNIT_LABELS, PRICE_UNITS } from '../../domain/carrier/carrier.schema';
import type { Language } from '../i18n/dictionary';
import { coreDictionaryFor } from '../i18n/core-dictionaries';

type PriceUnit = (typeof PRICE_UNITS)[number];

/** 1234567 → "1,234,567"; written by hand because toLocaleString grouping is unreliable in WeChat's JSCore. */
export const groupDigits = (n: number): string => {
  const [int, frac] = String(n).split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return frac ? `${grouped}.${frac}` : grouped;
};

/** Up to `digits` decimals, no trailing zeros: 1.50 → "1.5", 2.00 → "2". */
export const trimNumber = (n: number, digits = 2): string => String(Number(n.toFixed(digits)));

/** Square metres as people read them: "860㎡", "12,000㎡", "3.6万㎡" from 100 000 up; in English "12,000 m²" (no 万). */
export const formatArea = (sqm: number, lang: Language = 'zh'): string => {
  if (lang === 'en') return `${Number.isFinite(sqm) && sqm > 0 ? groupDigits(Math.round(sqm)) : '0'} m²`;
  if (!Number.isFinite(sqm) || sqm <= 0) return '0㎡';
  if (sqm >= 100000) return `${trimNumber(sqm / 10000, 1)}万㎡`;
  return `${groupDigits(Math.round(sqm))}㎡`;
};

/**
 * Price units in English. 万元/亩 is spelled out: the figure is multiplied by 10 000 and the mu is given in m²,
 * so a foreign reader needs neither unit.
 */
const ENGLISH_PRICE_UNITS: Record<PriceUnit, { label: string; factor: number }> = {
  yuan_per_sqm_day: { label: 'CNY/m² per day', factor: 1 },
  yuan_per_sqm_month: { label: 'CNY/m² per month', factor: 1 },
  wan_per_mu: { label: 'CNY per mu (1 mu ≈ 667 m²)', factor: 10000 },
};

/** A price unit's name in the language: "元/㎡·天" / "CNY/m² per day". */
export const priceUnitLabel = (unit: PriceUnit, lang: Language = 'zh'): string => (lang === 'en' ? ENGLISH_PRICE_UNITS[unit].label : PRICE_UNIT_LABELS[unit]);

/** The unit a typed price ceiling is in (the stored unit: 万元 per mu stays in 10 000 CNY). */
export const priceInputUnitLabel = (unit: PriceUnit, lang: Language = 'zh'): string =>
  lang === 'en' && unit === 'wan_per_mu' ? '10,000 CNY per mu' : priceUnitLabel(unit, lang);

/** "1.5–2.2 元/㎡·天", "35 万元/亩", or "价格面议" when the carrier publishes none; "350,000 CNY per mu (…)" in English. */
export const formatPrice = (min: number | null, max: number | null, unit: PriceUnit, lang: Language = 'zh'): string => {
  if (min === null && max === null) return coreDictionaryFor(lang).priceOnRequest;
  const label = priceUnitLabel(unit, lang);
  const factor = lang === 'en' ? ENGLISH_PRICE_UNITS[unit].factor : 1;
  const number = (n: number): string => (factor === 1 ? trimNumber(n) : groupDigits(Math.round(n * factor)));
  if (min !== null && max !== null && min !== max) return `${number(min)}–${number(max)} ${label}`;
  const value = (min ?? max) as number;
  return `${number(value)} ${label}`;
};

/** The first visible character, for an avatar without a photo. */
export const initialOf = (name: string): string => Array.from(name.trim())[0] ?? '·';

/** The district's first-response promise (working hours, 8 per working day): "1 个工作日内回复", "4 个工作小时内回复". */
export const formatResponsePromise = (workingHours: number, lang: Language = 'zh'): string => {
  const t = coreDictionaryFor(lang);
  return workingHours >= 8 && workingHours % 8 === 0 ? t.responseDays(workingHours / 8) : t.responseHours(workingHours);
};
