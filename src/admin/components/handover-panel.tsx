import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { ActionButton } from '../../components/action-button';
import { ChoiceChips } from '../../components/choice-chips';

export interface HandoverPanelItem {
  kind: 'lead' | 'carrier' | 'card';
  id: string;
  label: string;
  status?: 'pending' | 'moved' | 'skipped';
}

export interface HandoverPanelProps {
  personName: string;
  /** What the person holds (preview), or the report once a handover ran. */
  items: readonly HandoverPanelItem[];
  successors: readonly { id: string; name: string }[];
  running: boolean;
  pending: boolean;
  onStart: (successorStaffId: string) => void;
  onResume: () => void;
}

const KIND: Record<HandoverPanelItem['kind'], string> = { lead: '线索', carrier: '载体', card: '名片' };
const STATUS: Record<string, string> = { pending: '待转交', moved: '已转交', skipped: '无需转交' };

/** 交接: what a leaving person holds, who takes it over, and how far the move has got (item by item). */
export function HandoverPanel({ personName, items, successors, running, pending, onStart, onResume }: HandoverPanelProps) {
  const [to, setTo] = useState('');
  const started = items.some((i) => i.status);
  return (
    <View className="admin-card" data-testid="handover-panel">
      <Text>{personName} 手上的工作（{items.length} 项）：</Text>
      {items.map((i) => (
        <Text key={`${i.kind}:${i.id}`} className="admin-note" data-testid="handover-item">
          {KIND[i.kind]} · {i.label}
          {i.status ? ` · ${STATUS[i.status]}` : ''}
        </Text>
      ))}
      {!started ? (
        <>
          <Text className="admin-note">选择接手人（线索的阶段、记录和回复都会保留，业绩仍归原推荐人）：</Text>
          <ChoiceChips options={successors.map((s) => ({ value: s.id, label: s.name }))} selected={to ? [to] : []} onToggle={setTo} testId="handover-successor" />
          <ActionButton text="开始交接" muted={!to} loading={pending} onClick={() => to && onStart(to)} testId="handover-start" />
        </>
      ) : null}
      {started && running ? <ActionButton text="继续交接" loading={pending} onClick={onResume} testId="handover-resume" /> : null}
      {started && !running ? <Text className="admin-success" data-testid="handover-done">交接完成，接手人已收到通知。</Text> : null}
    </View>
  );
}
