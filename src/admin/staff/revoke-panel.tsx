import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { ActionButton } from '../../components/action-button';
import { ChoiceChips } from '../../components/choice-chips';

export interface RevokePanelProps {
  personName: string;
  /** Active colleagues of the district who may answer the person's cards (never the person themselves). */
  successors: readonly { id: string; name: string }[];
  pending: boolean;
  /** Why the last attempt was refused (e.g. the district's last admin), shown in the panel. */
  error?: string;
  /** `undefined`: let the server pick (the unit's leader, else the default card's owner). */
  onConfirm: (cardSuccessorStaffId: string | undefined) => void;
  onCancel: () => void;
}

const AUTO = 'auto';

/** 停用账号: effective at once; the person's shared cards keep working and name who answers them from now on. */
export function RevokePanel({ personName, successors, pending, error, onConfirm, onCancel }: RevokePanelProps) {
  const [to, setTo] = useState(AUTO);
  return (
    <View className="admin-card" data-testid="revoke-panel" role="dialog" aria-label={`停用 ${personName} 的账号`}>
      <Text>停用后 {personName} 将无法再进入工作台，立即生效。</Text>
      <Text className="admin-note">已分享出去的名片仍可打开，改由以下同事接听咨询（不再显示 {personName} 的电话和微信）：</Text>
      <ChoiceChips
        options={[{ value: AUTO, label: '默认（单位负责人，否则区默认名片主人）' }, ...successors.map((s) => ({ value: s.id, label: s.name }))]}
        selected={[to]}
        onToggle={setTo}
        testId="revoke-successor"
      />
      {error ? <Text className="admin-error" data-testid="revoke-error">{error}</Text> : null}
      <View className="admin-actions">
        <ActionButton text="确认停用" tone="danger" size="sm" loading={pending} onClick={() => onConfirm(to === AUTO ? undefined : to)} testId="revoke-confirm" />
        <ActionButton text="取消" tone="plain" size="sm" onClick={onCancel} testId="revoke-cancel" />
      </View>
    </View>
  );
}
