import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { ActionButton } from '../../components/action-button';
import { ChoiceChips } from '../../components/choice-chips';

export interface HandoverPanelItem {
  /** `participation`: the person's part in an open lead as a carrier's manager; it moves with that carrier. */
  kind: 'lead' | 'carrier' | 'card' | 'participation';
  id: string;
  label: string;
  status?: 'pending' | 'moved' | 'skipped';
  /** For a participation: the carrier it moves with (listed before it). */
  carrierId?: string;
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

const KIND: Record<HandoverPanelItem['kind'], string> = { lead: '线索', carrier: '载体', card: '名片', participation: '参与的线索' };
const STATUS: Record<string, string> = { pending: '待转交', moved: '已转交', skipped: '无需转交' };

/** 交接: what a leaving person holds, who takes it over, and how far the move has got (item by item). */
export function HandoverPanel({ personName, items, successors, running, pending, onStart, onResume }: HandoverPanelProps) {
  const [to, setTo] = useState('');
  const started = items.some((i) => i.status);
  const carrierName = (id: string | undefined) => items.find((c) => c.kind === 'carrier' && c.id === id)?.label ?? '载体';
  // Participations move inside their carrier's item: counted apart, so the number is what the report goes through.
  const participations = items.filter((i) => i.kind === 'participation').length;
  return (
    <View className="admin-card" data-testid="handover-panel">
      <Text>
        {personName} 手上的工作（{items.length - participations} 项{participations ? `，另有 ${participations} 条参与的线索随载体转交` : ''}）：
      </Text>
      {items.map((i) => (
        <Text key={`${i.kind}:${i.carrierId ?? ''}:${i.id}`} className="admin-note" data-testid="handover-item">
          {i.kind === 'participation' ? `└ ${KIND[i.kind]} · ${i.label}（随载体「${carrierName(i.carrierId)}」转交）` : `${KIND[i.kind]} · ${i.label}`}
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
