import { Text, View } from '@tarojs/components';
import { LEAD_STATUS_LABELS, LEAD_STATUSES, type LeadStatus } from '../../../domain/lead/lead-status.rules';
import { ActionButton } from '../action-button';
import './index.css';

const STAGES = LEAD_STATUSES.filter((s) => s !== 'invalid');

export interface StatusPipelineProps {
  status: LeadStatus;
  /** The steps the state machine allows from here (empty for read-only viewers). */
  allowedNext: readonly LeadStatus[];
  /** The status being saved, if any. */
  moving?: LeadStatus | null;
  onMove?: (to: LeadStatus) => void;
}

const actionText = (from: LeadStatus, to: LeadStatus): string => {
  if (to === 'invalid') return '标记无效';
  if (from === 'invalid') return `重新启用（${LEAD_STATUS_LABELS[to]}）`;
  return `推进到「${LEAD_STATUS_LABELS[to]}」`;
};

/** 新线索 → 已联系 → 实地考察 → 洽谈 → 签约 → 落地, the current stage marked, and the allowed next steps as buttons. */
export function StatusPipeline({ status, allowedNext, moving = null, onMove }: StatusPipelineProps) {
  const current = STAGES.indexOf(status as (typeof STAGES)[number]);
  const forward = allowedNext.filter((s) => s !== 'invalid');
  return (
    <View className="status-pipeline" data-testid="status-pipeline">
      <View className="status-pipeline__steps">
        {STAGES.map((stage, i) => {
          const state = status === 'invalid' ? 'idle' : i < current ? 'done' : i === current ? 'current' : 'idle';
          return (
            <View key={stage} className={`status-pipeline__step status-pipeline__step--${state}`} data-testid={`stage-${stage}`} data-state={state}>
              <View className="status-pipeline__rail">
                <View className={i === 0 ? 'status-pipeline__line status-pipeline__line--hidden' : 'status-pipeline__line'} />
                <View className="status-pipeline__dot">{state === 'done' ? <Text className="status-pipeline__tick">✓</Text> : null}</View>
                <View className={i === STAGES.length - 1 ? 'status-pipeline__line status-pipeline__line--hidden' : 'status-pipeline__line'} />
              </View>
              <Text className="status-pipeline__label">{LEAD_STATUS_LABELS[stage]}</Text>
            </View>
          );
        })}
      </View>
      {status === 'invalid' ? (
        <Text className="status-pipeline__invalid" data-testid="invalid-note">
          该线索已标记为无效
        </Text>
      ) : null}
      {onMove && allowedNext.length ? (
        <View className="status-pipeline__actions">
          {forward.map((to, i) => (
            <View className="status-pipeline__action" key={to}>
              <ActionButton
                text={actionText(status, to)}
                size="md"
                tone={i === 0 ? 'primary' : 'secondary'}
                loading={moving === to}
                muted={Boolean(moving) && moving !== to}
                testId={`move-${to}`}
                onClick={() => {
                  if (!moving) onMove(to);
                }}
              />
            </View>
          ))}
          {allowedNext.includes('invalid') ? (
            <View className="status-pipeline__action">
              <ActionButton
                text={actionText(status, 'invalid')}
                size="md"
                tone="danger"
                loading={moving === 'invalid'}
                muted={Boolean(moving) && moving !== 'invalid'}
                testId="move-invalid"
                onClick={() => {
                  if (!moving) onMove('invalid');
                }}
              />
            </View>
          ) : null}
        </View>
      ) : null}
    </View>
  );
}
