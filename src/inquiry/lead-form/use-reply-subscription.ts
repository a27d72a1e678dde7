import Taro from '@tarojs/taro';
import { useMemo, useState } from 'react';
import { leadReplyTemplateIds } from './lead-form-fields';

export type SubscribeState = 'idle' | 'pending' | 'accepted' | 'rejected' | 'failed';

export interface ReplySubscription {
  available: boolean;
  state: SubscribeState;
  request: () => void;
  reset: () => void;
}

/** «回复时通知我»: WeChat's one-time subscription to the message that says the inquiry was answered. */
export const useReplySubscription = (): ReplySubscription => {
  const [state, setState] = useState<SubscribeState>('idle');
  const templateIds = useMemo(leadReplyTemplateIds, []);
  const available = process.env.TARO_ENV === 'weapp' && templateIds.length > 0;

  /** Must run straight from the tap: WeChat only opens the subscription dialog inside a user gesture. */
  const request = (): void => {
    if (!available || state === 'pending') return;
    setState('pending');
    // Taro's typing wants Alipay's `entityIds` too; WeChat takes `tmplIds` only.
    const option = { tmplIds: templateIds } as unknown as Taro.requestSubscribeMessage.Option;
    Taro.requestSubscribeMessage(option)
      .then((res) => {
        const answers = res as unknown as Record<string, unknown>;
        setState(templateIds.some((id) => answers[id] === 'accept') ? 'accepted' : 'rejected');
      })
      .catch(() => setState('failed'));
  };

  return { available, state, request, reset: () => setState('idle') };
};
