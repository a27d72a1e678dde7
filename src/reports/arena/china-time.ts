const pad2 = (n: number) => String(n).padStart(2, '0');

/**
 * «2026年10月16日 00:00»: a moment in China time whatever the device's zone, because a period locks on the
 * district's (China) calendar — a phone set to another zone must not show another day.
 */
export const chinaTime = (iso: string): string => {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return '';
  const d = new Date(t + 8 * 3600_000);
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}`;
};
