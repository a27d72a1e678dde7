import { PRICE_UNIT_LABELS, PRICE_UNITS } from '../../domain/carrier/carrier.schema';

type PriceUnit = (typeof PRICE_UNITS)[number];

/** 1234567 → "1,234,567"; written by hand because toLocaleString grouping is unreliable in WeChat's JSCore. */
export const groupDigits = (n: number): string => {
  const [int, frac] = String(n).split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return frac ? `${grouped}.${frac}` : grouped;
};

/** Up to `digits` decimals, no trailing zeros: 1.50 → "1.5", 2.00 → "2". */
export const trimNumber = (n: number, digits = 2): string => String(Number(n.toFixed(digits)));

/** Square metres as people read them: "860㎡", "12,000㎡", "3.6万㎡" from 100 000 up. */
export const formatArea = (sqm: number): string => {
  if (!Number.isFinite(sqm) || sqm <= 0) return '0㎡';
  if (sqm >= 100000) return `${trimNumber(sqm / 10000, 1)}万㎡`;
  return `${groupDigits(Math.round(sqm))}㎡`;
};

/** "1.5–2.2 元/㎡·天", "35 万元/亩", or "价格面议" when the carrier publishes none. */
export const formatPrice = (min: number | null, max: number | null, unit: PriceUnit): string => {
  const label = PRICE_UNIT_LABELS[unit];
  if (min === null && max === null) return '价格面议';
  if (min !== null && max !== null && min !== max) return `${trimNumber(min)}–${trimNumber(max)} ${label}`;
  const value = (min ?? max) as number;
  return `${trimNumber(value)} ${label}`;
};

/** The first visible character, for an avatar without a photo. */
export const initialOf = (name: string): string => Array.from(name.trim())[0] ?? '·';

/** The district's first-response promise (working hours, 8 per working day): "1 个工作日内回复", "4 个工作小时内回复". */
export const formatResponsePromise = (workingHours: number): string =>
  workingHours >= 8 && workingHours % 8 === 0 ? `${workingHours / 8} 个工作日内回复咨询` : `${workingHours} 个工作小时内回复咨询`;
