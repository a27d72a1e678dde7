import { Input, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { ActionButton } from '../../components/action-button';
import { FormField } from '../../components/form-field';

export interface SlaValues {
  firstResponseHours: number;
  followUpDays: number;
  remindAt: number;
  copyLeaderAt: number;
  reassignAt: number;
}

export interface SlaFormProps {
  value: SlaValues;
  canEdit: boolean;
  pending: boolean;
  error: string | null;
  saved: boolean;
  onSave: (v: SlaValues) => void;
}

const FIELDS: Array<{ key: keyof SlaValues; label: string; hint: string }> = [
  { key: 'firstResponseHours', label: '首次回复时限（工作小时）', hint: '8 = 1 个工作日，名片上向投资者承诺' },
  { key: 'remindAt', label: '提醒承办人（时限的倍数）', hint: '如 1：到时限即提醒' },
  { key: 'copyLeaderAt', label: '抄送单位负责人（倍数）', hint: '须大于提醒倍数' },
  { key: 'reassignAt', label: '转给值班专员（倍数）', hint: '须大于抄送倍数' },
  { key: 'followUpDays', label: '跟进提醒间隔（天）', hint: '首次回复后多少天无动作即提醒' },
];

type InputEvent = { detail: { value: string } };

/** 响应时限: the district's promise and escalation ladder; the backend checks it again. */
export function SlaForm({ value, canEdit, pending, error, saved, onSave }: SlaFormProps) {
  const [draft, setDraft] = useState<Record<keyof SlaValues, string>>(() => Object.fromEntries(FIELDS.map((f) => [f.key, String(value[f.key])])) as Record<keyof SlaValues, string>);
  const numbers = Object.fromEntries(FIELDS.map((f) => [f.key, Number(draft[f.key])])) as unknown as SlaValues;
  const climbing = numbers.copyLeaderAt > numbers.remindAt && numbers.reassignAt > numbers.copyLeaderAt;
  return (
    <View className="admin-card" data-testid="sla-form">
      <Text className="admin-title">响应时限</Text>
      {FIELDS.map((f) => (
        <FormField key={f.key} label={f.label} hint={f.hint} required testId={`sla-${f.key}`}>
          <Input className="admin-input" type="digit" value={draft[f.key]} disabled={!canEdit} data-testid={`sla-${f.key}-input`} onInput={(e: InputEvent) => setDraft({ ...draft, [f.key]: e.detail.value })} />
        </FormField>
      ))}
      {!climbing ? <Text className="admin-error">升级顺序须依次增大：提醒 &lt; 抄送 &lt; 转派</Text> : null}
      {error ? <Text className="admin-error">{error}</Text> : null}
      {saved ? <Text className="admin-success" data-testid="sla-saved">已保存，计时按新时限进行</Text> : null}
      {canEdit ? <ActionButton text="保存响应时限" muted={!climbing} loading={pending} onClick={() => climbing && onSave(numbers)} testId="sla-save" /> : null}
    </View>
  );
}
