import { Text, View } from '@tarojs/components';
import { useInquiryText } from '../../i18n/use-inquiry-text';
import { useLanguage } from '../../i18n/text-context';
import { formatDateTime } from '../../format/date-time';
import './index.css';

/** "我们将在 8 个工作小时内回复": the district's first-response promise. */
export const promiseText = (hours: number): string => `我们将在 ${hours} 个工作小时内回复`;

/** "1 个工作日" for whole working days (8 working hours each), else null. */
export const workingDays = (hours: number): string | null => (hours >= 8 && hours % 8 === 0 ? `${hours / 8} 个工作日` : null);

export type PromiseState = 'kept' | 'late' | 'overdue' | 'waiting';

/** true → kept; false → answered late, or not answered and past the deadline; null → still within it. */
export const promiseState = (kept: boolean | null, respondedAt: string | null): PromiseState => {
  if (kept === true) return 'kept';
  if (kept === false) return respondedAt ? 'late' : 'overdue';
  return 'waiting';
};

export const PROMISE_STATE_LABELS: Record<PromiseState, string> = {
  kept: '已按时回复',
  late: '超时回复',
  overdue: '超时未回复',
  waiting: '等待回复中',
};

export interface PromiseNoteProps {
  hours: number;
  kept: boolean | null;
  respondedAt: string | null;
  dueAt: string;
}

/** Whether the promise held, in words, with the deadline. */
export function PromiseNote({ hours, kept, respondedAt, dueAt }: PromiseNoteProps) {
  const t = useInquiryText();
  const lang = useLanguage();
  const state = promiseState(kept, respondedAt);
  const labels: Record<PromiseState, string> = { kept: t.promiseKept, late: t.promiseLate, overdue: t.promiseOverdue, waiting: t.promiseWaiting };
  const when = (iso: string): string => formatDateTime(iso, new Date(), lang);
  return (
    <View className="promise-note" data-testid="promise-note" data-state={state}>
      <Text className={`promise-note__state promise-note__state--${state}`} data-testid="promise-state">
        {labels[state]}
      </Text>
      <Text className="promise-note__text">
        {t.promiseNote(hours)}
        {state === 'waiting' || state === 'overdue' ? t.promiseDue(when(dueAt)) : respondedAt ? t.promiseResponded(when(respondedAt)) : ''}
      </Text>
    </View>
  );
}
