import Taro from '@tarojs/taro';
import { useMemo, useRef, useState } from 'react';
import { buildSetting, templateIdsFrom } from '../../platform/subscribe-templates';

/** The "new lead for you" template (TARO_APP_TEMPLATE_LEAD_NEW, inlined at build time), or null when not configured. */
export const leadNewTemplateId = (): string | null => {
  const raw = buildSetting(() => process.env.TARO_APP_TEMPLATE_LEAD_NEW);
  // One template, so a list is not a valid setting.
  return raw.includes(',') ? null : (templateIdsFrom(raw, 1)[0] ?? null);
};

/** What the staff member is told after each tap: a one-time subscription is one message, and the inbox has it all. */
export const LEAD_ALERT_MESSAGES = {
  accepted: '已开启：每点一次可提醒一条新线索，线索也会显示在收件箱',
  rejected: '未开启提醒，新线索仍会显示在收件箱',
  failed: '暂时无法开启提醒，新线索仍会显示在收件箱',
} as const;

export interface LeadAlerts {
  /** Weapp with a configured template only: the web has no subscribe messages. */
  available: boolean;
  /** The WeChat dialog is open. */
  pending: boolean;
  /** Call straight from the tap: WeChat opens the subscription dialog only inside a user gesture. */
  request: () => void;
}

/**
 * Topping up one-time subscriptions for "new lead" messages. Each accepted tap lets the backend send one more
 * message (error 43101 once used up); the lead itself never depends on it, the inbox always shows it.
 */
export const useLeadAlerts = (): LeadAlerts => {
  const templateId = useMemo(leadNewTemplateId, []);
  const available = process.env.TARO_ENV === 'weapp' && templateId !== null;
  const [pending, setPending] = useState(false);
  const inFlight = useRef(false);

  const request = (): void => {
    if (!available || !templateId || inFlight.current) return;
    inFlight.current = true;
    setPending(true);
    const done = (title: string): void => {
      inFlight.current = false;
      setPending(false);
      Taro.showToast({ title, icon: 'none', duration: 3000 }).catch(() => undefined);
    };
    // Taro's typing wants Alipay's `entityIds` too; WeChat takes `tmplIds` only.
    const option = { tmplIds: [templateId] } as unknown as Taro.requestSubscribeMessage.Option;
    Taro.requestSubscribeMessage(option)
      .then((res) => {
        const answer = (res as unknown as Record<string, unknown>)[templateId];
        done(answer === 'accept' ? LEAD_ALERT_MESSAGES.accepted : answer === 'reject' ? LEAD_ALERT_MESSAGES.rejected : LEAD_ALERT_MESSAGES.failed);
      })
      .catch(() => done(LEAD_ALERT_MESSAGES.failed));
  };

  return { available, pending, request };
};
