import { Input, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { ActionButton } from '../../components/action-button';
import { EmptyState } from '../../components/empty-state';
import { ListSkeleton } from '../../components/list-skeleton';
import { useVacancyConfirm } from './use-vacancy-confirm';
import { PAGE_HEADING } from '../../components/a11y';
import '../admin.css';

type InputEvent = { detail: { value: string } };

export default function VacancyConfirmPage() {
  const c = useVacancyConfirm();
  const [editing, setEditing] = useState(false);
  const [figure, setFigure] = useState('');
  const { peek } = c;
  if (peek.status === 'loading') return <View className="admin-page"><ListSkeleton rows={2} /></View>;
  if (!peek.data) return <View className="admin-page" data-testid="vacancy-invalid"><EmptyState title="链接无效或已过期" description={peek.error?.message} /></View>;
  const p = peek.data;
  if (c.done || p.used) {
    return (
      <View className="admin-page" data-testid="vacancy-done">
        <EmptyState title="感谢确认" description={c.done ? `${c.done.carrierName}：空置 ${c.done.vacantArea.toLocaleString('en-US')} ㎡，已更新为今天核实。` : '这条链接已经确认过了。'} />
      </View>
    );
  }
  const value = Number(figure);
  const valid = figure.trim() !== '' && Number.isFinite(value) && value >= 0 && value <= p.totalArea;
  return (
    <View className="admin-page" data-testid="vacancy-page" role="main">
      <Text className="admin-note">{p.districtName}</Text>
      <Text className="admin-title" {...PAGE_HEADING}>{p.carrierName}</Text>
      <View className="admin-card">
        <Text className="admin-title" data-testid="vacancy-question">{p.question}？</Text>
        <Text className="admin-note">总面积 {p.totalArea.toLocaleString('en-US')} ㎡ · 上次核实 {p.lastVerifiedAt.slice(0, 10)}</Text>
        <View className="admin-actions">
          <ActionButton text="是，仍是这个面积" onClick={() => void c.confirm()} loading={c.pending} testId="vacancy-confirm" block />
          <ActionButton text="有变化，填写新面积" tone="secondary" onClick={() => setEditing(true)} testId="vacancy-change" block />
        </View>
        {editing ? (
          <View>
            <Input className="admin-input" type="digit" value={figure} placeholder="现在的空置面积（㎡）" data-testid="vacancy-figure-input" onInput={(e: InputEvent) => setFigure(e.detail.value)} />
            {figure && !valid ? <Text className="admin-error">请填写 0 到 {p.totalArea} 之间的数字</Text> : null}
            <ActionButton text="提交新面积" muted={!valid} onClick={() => valid && void c.confirm(value)} testId="vacancy-submit-figure" block />
          </View>
        ) : null}
        {c.error ? <Text className="admin-error" data-testid="vacancy-error">{c.error.message}</Text> : null}
      </View>
    </View>
  );
}
