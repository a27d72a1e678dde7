import { Input, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { ActionButton } from '../../components/action-button';
import { FormField } from '../../components/form-field';

export interface PoolRulesValues {
  maxClaimedOpen: number;
  idleReturnDays: number;
  warnDaysBefore: number;
}

export interface PoolRulesFormProps {
  value: PoolRulesValues;
  canEdit: boolean;
  pending: boolean;
  error: string | null;
  saved: boolean;
  onSave: (v: PoolRulesValues) => void;
}

const FIELDS: Array<{ key: keyof PoolRulesValues; label: string; hint: string }> = [
  { key: 'maxClaimedOpen', label: '每人最多认领（条）', hint: '认领后尚未办结的线索，超过即不能再认领' },
  { key: 'idleReturnDays', label: '无跟进自动退回（工作日）', hint: '认领人多少个工作日没有任何操作，线索退回待认领' },
  { key: 'warnDaysBefore', label: '退回前提醒（提前工作日）', hint: '须小于退回天数；0 = 不提醒' },
];

type InputEvent = { detail: { value: string } };

/** 待认领规则: the claim limit per person and the idle return with its warning; the backend checks it again. */
export function PoolRulesForm({ value, canEdit, pending, error, saved, onSave }: PoolRulesFormProps) {
  const [draft, setDraft] = useState<Record<keyof PoolRulesValues, string>>(() => Object.fromEntries(FIELDS.map((f) => [f.key, String(value[f.key])])) as Record<keyof PoolRulesValues, string>);
  const numbers = Object.fromEntries(FIELDS.map((f) => [f.key, Number(draft[f.key])])) as unknown as PoolRulesValues;
  const whole = FIELDS.every((f) => Number.isInteger(numbers[f.key]) && draft[f.key].trim() !== '');
  const ordered = numbers.warnDaysBefore < numbers.idleReturnDays && numbers.maxClaimedOpen >= 1 && numbers.idleReturnDays >= 1;
  const valid = whole && ordered;
  return (
    <View className="admin-card" data-testid="pool-rules-form">
      <Text className="admin-subtitle">待认领规则</Text>
      {FIELDS.map((f) => (
        <FormField key={f.key} label={f.label} hint={f.hint} required testId={`pool-${f.key}`}>
          <Input className="admin-input" type="number" value={draft[f.key]} disabled={!canEdit} data-testid={`pool-${f.key}-input`} onInput={(e: InputEvent) => setDraft({ ...draft, [f.key]: e.detail.value })} />
        </FormField>
      ))}
      {!valid ? <Text className="admin-error" data-testid="pool-rules-invalid">请填写整数，且提醒天数须小于退回天数</Text> : null}
      {error ? <Text className="admin-error">{error}</Text> : null}
      {saved ? <Text className="admin-success" data-testid="pool-rules-saved">已保存，已认领的线索在下次检查时按新规则计算</Text> : null}
      {canEdit ? <ActionButton text="保存待认领规则" muted={!valid} loading={pending} onClick={() => valid && onSave(numbers)} testId="pool-rules-save" /> : null}
    </View>
  );
}
