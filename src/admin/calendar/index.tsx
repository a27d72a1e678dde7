import { Input, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { ActionButton } from '../../components/action-button';
import { ErrorState } from '../../components/error-state';
import { FormField } from '../../components/form-field';
import { ListSkeleton } from '../../components/list-skeleton';
import { Segmented } from '../../components/segmented';
import { PAGE_HEADING } from '../../components/a11y';
import { useWorkingCalendar, type DayKind } from './use-working-calendar';
import '../admin.css';

type InputEvent = { detail: { value: string } };

const KIND_LABEL: Record<DayKind, string> = { holidays: '放假日（含节假日与调休放假）', makeUpWorkdays: '调休上班日（周末上班）' };
const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** 工作日历: one year's holidays and 调休 working days, the days the response clock skips or counts. */
export default function WorkingCalendarPage() {
  const c = useWorkingCalendar();
  const [date, setDate] = useState('');
  const [kind, setKind] = useState<DayKind>('holidays');
  if (c.resource.status === 'error' && !c.data) return <View className="admin-page" role="main"><ErrorState message={c.resource.error?.message ?? '加载失败'} onRetry={() => void c.resource.reload()} /></View>;
  if (!c.data || !c.days) return <View className="admin-page" role="main"><ListSkeleton rows={4} /></View>;
  const { data, days, year } = c;
  const canEdit = data.canEdit;
  const entered = date.trim();
  const dateError = entered && (!DATE_PATTERN.test(entered) || !entered.startsWith(`${year}-`)) ? `请按 ${year}-MM-DD 填写本年的日期` : undefined;
  const dayList = (k: DayKind) => (
    <View className="admin-card" data-testid={`calendar-${k}`}>
      <Text className="admin-subtitle">{KIND_LABEL[k]} · {days[k].length} 天</Text>
      {days[k].length === 0 ? <Text className="admin-note">暂无</Text> : null}
      <View className="admin-day-list">
        {days[k].map((d) => (
          <View key={d} className="admin-day" data-testid={`calendar-day-${d}`}>
            <Text>{d}</Text>
            {canEdit ? <ActionButton text="删除" tone="plain" size="sm" onClick={() => c.remove(k, d)} testId={`calendar-remove-${d}`} /> : null}
          </View>
        ))}
      </View>
    </View>
  );
  return (
    <View className="admin-page" data-testid="admin-calendar" role="main">
      <Text className="admin-title" {...PAGE_HEADING}>{year} 年工作日历</Text>
      <Text className="admin-note">响应时限只在工作日 9:00–17:00 计时：放假日不计，调休上班日照常计时。</Text>
      <View className="admin-actions">
        <ActionButton text={`‹ ${year - 1} 年`} tone="plain" size="sm" onClick={() => c.goToYear(year - 1)} testId="calendar-prev" />
        <ActionButton text={`${year + 1} 年 ›`} tone="plain" size="sm" onClick={() => c.goToYear(year + 1)} testId="calendar-next" />
      </View>
      {!data.known ? (
        <View className="admin-card admin-warning" data-testid="calendar-unknown" role="alert">
          <Text className="admin-error">{year} 年的日历尚未录入，目前按周一至周五计时</Text>
          {data.nationalAvailable ? (
            <Text className="admin-note">国家日历已有 {year} 年的节假日安排，可一键导入后再按本区情况调整。</Text>
          ) : (
            <Text className="admin-note" data-testid="calendar-national-missing">
              国家日历（chinese-days 数据）尚未发布 {year} 年的放假安排。请按国务院办公厅通知手动录入放假日和调休上班日；如通知尚未发布，可先「按仅周末休息保存」，发布后再回来补录。
            </Text>
          )}
        </View>
      ) : null}
      {c.restored ? (
        <View className="admin-card" data-testid="draft-restored">
          <Text className="admin-note">已恢复上次未保存的修改。</Text>
          <ActionButton text="放弃草稿" tone="plain" size="sm" onClick={c.discardDraft} />
        </View>
      ) : null}
      {dayList('holidays')}
      {dayList('makeUpWorkdays')}
      {canEdit ? (
        <View className="admin-card" data-testid="calendar-add">
          <Text className="admin-subtitle">添加日期</Text>
          <Segmented
            options={[
              { key: 'holidays', label: '放假日' },
              { key: 'makeUpWorkdays', label: '调休上班日' },
            ]}
            active={kind}
            onChange={(v) => setKind(v === 'makeUpWorkdays' ? 'makeUpWorkdays' : 'holidays')}
            testId="calendar-kind"
          />
          <FormField label="日期" hint={`格式 ${year}-10-01`} error={dateError} testId="calendar-date">
            <Input className="admin-input" value={date} placeholder={`${year}-10-01`} data-testid="calendar-date-input" onInput={(e: InputEvent) => setDate(e.detail.value)} />
          </FormField>
          <ActionButton
            text="添加"
            size="sm"
            muted={!entered || !!dateError}
            onClick={() => {
              if (!entered || dateError) return;
              c.add(kind, entered);
              setDate('');
            }}
            testId="calendar-add-day"
          />
        </View>
      ) : (
        <Text className="admin-note">只读：仅本区管理员可以修改</Text>
      )}
      {c.problems.length ? <Text className="admin-error" data-testid="calendar-problems">日期须在 {year} 年内，不能重复，也不能同时是放假日和调休上班日</Text> : null}
      {c.error ? <Text className="admin-error" data-testid="calendar-error">{c.error.message}</Text> : null}
      {c.saved ? <Text className="admin-success" data-testid="calendar-saved">{c.saved}</Text> : null}
      {canEdit ? (
        <View className="admin-actions">
          <ActionButton text="保存" loading={c.pending} muted={c.problems.length > 0} onClick={() => void c.save()} testId="calendar-save" />
          {data.nationalAvailable ? <ActionButton text="从国家日历导入" tone="secondary" loading={c.pending} onClick={() => void c.importNational()} testId="calendar-import" /> : null}
          {!data.known && !data.nationalAvailable ? <ActionButton text="按仅周末休息保存" tone="secondary" loading={c.pending} onClick={() => void c.saveWeekendsOnly()} testId="calendar-weekends-only" /> : null}
        </View>
      ) : null}
    </View>
  );
}
