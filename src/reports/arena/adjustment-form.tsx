import { Input, Text, Textarea, View } from '@tarojs/components';
import { controlLabel } from '../../components/a11y';
import { ActionButton } from '../../components/action-button';
import { SectionBlock } from '../../components/section-block';
import type { AdjustmentDraft, AdjustmentField } from './use-adjustment';

export interface AdjustmentFormProps {
  draft: AdjustmentDraft;
  saving: boolean;
  error: string | null;
  onChange: (field: AdjustmentField, value: string) => void;
  onCancel: () => void;
  onSave: () => void;
}

/** 调整得分: points (±) and a required reason for one row of a locked board, optionally naming the lead. */
export function AdjustmentForm({ draft, saving, error, onChange, onCancel, onSave }: AdjustmentFormProps) {
  return (
    <SectionBlock title={`调整：${draft.name}`} extra="记入审计日志" testId="adjustment-form">
      <Text className="arena__note">已锁定的榜单只能这样更正：调整作为单独一行计入总分和名次，并在榜单上标明。</Text>
      <View className="arena__item">
        <Text className="arena__item-label">调整分（±100 以内）</Text>
        <Input className="arena__weight-input" type="text" value={draft.points} maxlength={8} data-testid="adjustment-points" {...controlLabel('调整分')} onInput={(e) => onChange('points', e.detail.value)} />
      </View>
      <Textarea
        className="arena__reason"
        value={draft.reason}
        maxlength={200}
        placeholder="调整原因（必填，会显示在榜单上）"
        data-testid="adjustment-reason"
        {...controlLabel('调整原因')}
        onInput={(e) => onChange('reason', e.detail.value)}
      />
      <View className="arena__item">
        <Text className="arena__item-label">相关线索编号（可选）</Text>
        <Input className="arena__weight-input" type="text" value={draft.leadId} maxlength={64} data-testid="adjustment-lead" {...controlLabel('相关线索编号')} onInput={(e) => onChange('leadId', e.detail.value)} />
      </View>
      {error ? (
        <Text className="arena__error" data-testid="adjustment-error">
          {error}
        </Text>
      ) : null}
      <View className="arena__actions">
        <ActionButton text="取消" size="sm" tone="secondary" onClick={onCancel} testId="cancel-adjustment" />
        <ActionButton text="记入调整" size="sm" loading={saving} onClick={onSave} testId="save-adjustment" />
      </View>
    </SectionBlock>
  );
}
