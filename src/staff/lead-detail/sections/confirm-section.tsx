import { Input, Text, Textarea, View } from '@tarojs/components';
import type { ConfirmableStage } from '../../../../domain/lead/lead-facts.schema';
import { controlLabel } from '../../../components/a11y';
import { ActionButton } from '../../../components/action-button';
import { FormField } from '../../../components/form-field';
import type { LeadDetail } from '../use-lead-detail';
import type { StageConfirm } from '../use-stage-confirm';
import { Section } from './section';

const STAGE_LABELS: Record<ConfirmableStage, string> = { signed: '签约', landed: '落地' };

export interface ConfirmSectionProps {
  confirmations: LeadDetail['confirmations'];
  /** Reached stages nobody confirmed yet (shown as waiting). */
  waiting: ConfirmableStage[];
  hideInputs: boolean;
  confirm: Omit<StageConfirm, 'open' | 'cancel' | 'setNote' | 'setDate' | 'confirm'>;
  onOpen: (stage: ConfirmableStage) => void;
  onCancel: () => void;
  onNote: (note: string) => void;
  onDate: (date: string) => void;
  onConfirm: () => void;
}

/** 投资促进局确认: only confirmed 签约 and 落地 score; shows each confirmation, and the confirmer's form. */
export function ConfirmSection({ confirmations, waiting, hideInputs, confirm, onOpen, onCancel, onNote, onDate, onConfirm }: ConfirmSectionProps) {
  const draft = confirm.draft;
  return (
    <Section title="投资促进局确认" testId="confirm-section">
      {(['signed', 'landed'] as const).map((stage) => {
        const c = confirmations[stage];
        if (c) {
          return (
            <View key={stage} className="lead-detail__row" data-testid={`confirmation-${stage}`}>
              <Text className="lead-detail__row-label">{STAGE_LABELS[stage]}</Text>
              <Text className="lead-detail__row-value">{`已确认 · ${c.date} · ${c.staffName}：${c.note}`}</Text>
            </View>
          );
        }
        if (!waiting.includes(stage)) return null;
        return (
          <View key={stage} className="lead-detail__row" data-testid={`confirmation-${stage}-waiting`}>
            <Text className="lead-detail__row-label">{STAGE_LABELS[stage]}</Text>
            <Text className="lead-detail__row-value">待投资促进局确认，确认后计入统计与擂台赛</Text>
          </View>
        );
      })}
      {!draft && confirm.stages.length ? (
        <View className="lead-detail__composer-actions">
          {confirm.stages.map((stage) => (
            <ActionButton key={stage} text={`确认${STAGE_LABELS[stage]}`} size="md" onClick={() => onOpen(stage)} testId={`open-confirm-${stage}`} />
          ))}
        </View>
      ) : null}
      {draft && !hideInputs ? (
        <View className="lead-detail__composer" data-testid="confirm-form">
          <FormField label={`${STAGE_LABELS[draft.stage]}日期`} required testId="confirm-date" hint="YYYY-MM-DD，不晚于今天">
            <Input className="lead-detail__reason" value={draft.date} maxlength={10} data-testid="confirm-date-input" {...controlLabel(`${STAGE_LABELS[draft.stage]}日期`)} onInput={(e) => onDate(e.detail.value)} />
          </FormField>
          <FormField label="确认说明" required testId="confirm-note" hint="如：已核验投资协议原件">
            <Textarea className="lead-detail__textarea lead-detail__textarea--short" value={draft.note} maxlength={200} data-testid="confirm-note-input" {...controlLabel('确认说明')} onInput={(e) => onNote(e.detail.value)} />
          </FormField>
          {confirm.error ? (
            <Text className="lead-detail__error" data-testid="confirm-error">
              {confirm.error}
            </Text>
          ) : null}
          <View className="lead-detail__composer-actions lead-detail__form-actions">
            <ActionButton text="取消" size="md" tone="secondary" onClick={onCancel} testId="cancel-confirm" />
            <ActionButton text={`确认${STAGE_LABELS[draft.stage]}`} size="md" loading={confirm.confirming} onClick={onConfirm} testId="submit-confirm" />
          </View>
        </View>
      ) : null}
    </Section>
  );
}
