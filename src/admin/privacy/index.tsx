import { Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { LEAD_STATUS_LABELS } from '../../../domain/lead/lead-status.rules';
import { PRIVACY_REQUEST_KIND_LABELS, PRIVACY_REQUEST_STATUS_LABELS } from '../../../domain/privacy/privacy-request.schema';
import { retentionLabel } from '../../../domain/privacy/privacy-settings';
import { ActionButton } from '../../components/action-button';
import { controlLabel, PAGE_HEADING } from '../../components/a11y';
import { EmptyState } from '../../components/empty-state';
import { ErrorState } from '../../components/error-state';
import { ListSkeleton } from '../../components/list-skeleton';
import { formatDateTime } from '../../format/date-time';
import { usePrivacyRequests } from './use-privacy-requests';
import '../admin.css';

type InputEvent = { detail: { value: string } };

/** 个人信息请求 (PIPL): investors' withdrawals and deletion requests; the district admin answers each within the period. */
export default function PrivacyRequestsPage() {
  const p = usePrivacyRequests();
  const { list } = p;
  // The settings form: empty fields show the saved periods.
  const [periods, setPeriods] = useState({ answerDays: '', retentionDays: '' });
  const heading = (
    <Text className="admin-title" {...PAGE_HEADING}>
      个人信息请求
    </Text>
  );
  if (list.status === 'error' && !list.data) {
    return (
      <View className="admin-page" role="main">
        {heading}
        <ErrorState message={list.error?.message ?? '加载失败'} onRetry={() => void list.reload()} />
      </View>
    );
  }
  if (!list.data) {
    return (
      <View className="admin-page" role="main">
        {heading}
        <ListSkeleton rows={4} />
      </View>
    );
  }
  const d = list.data;
  const confirmErase = (id: string) =>
    void Taro.showModal({ title: '删除个人信息', content: '将删除这些咨询中的姓名、电话、邮箱、微信号和留言，解除与投资者微信身份的关联，统计数据保留。删除后无法恢复。', confirmText: '删除' })
      .then((r) => (r.confirm ? p.answer(id, 'done') : null))
      .catch(() => undefined);
  return (
    <View className="admin-page" data-testid="admin-privacy" role="main">
      {heading}
      <Text className="admin-note">
        本区承诺 {d.answerDays} 日内答复；已结束的咨询保存 {retentionLabel(d.retentionDays)}后自动匿名化。待处理 {d.pending} 件{d.overdue ? `，其中 ${d.overdue} 件已超期` : ''}。
      </Text>
      <View className="admin-card" data-testid="privacy-settings">
        <Text className="admin-note">答复期限（天，1–30）</Text>
        <Input
          className="admin-input"
          type="number"
          value={periods.answerDays || String(d.answerDays)}
          data-testid="privacy-answer-days"
          onInput={(e: InputEvent) => setPeriods({ ...periods, answerDays: e.detail.value })}
          {...controlLabel('答复期限（天）')}
        />
        <Text className="admin-note">咨询结束后保存（天，30–3650）</Text>
        <Input
          className="admin-input"
          type="number"
          value={periods.retentionDays || String(d.retentionDays)}
          data-testid="privacy-retention-days"
          onInput={(e: InputEvent) => setPeriods({ ...periods, retentionDays: e.detail.value })}
          {...controlLabel('保存期限（天）')}
        />
        <Text className="admin-note">修改后《个人信息保护说明》随之更新，投资者提交咨询时同意新的版本。</Text>
        <View className="admin-actions">
          <ActionButton
            text="保存期限"
            tone="secondary"
            size="md"
            loading={p.pending}
            testId="privacy-settings-save"
            onClick={() =>
              void p.saveSettings(Number(periods.answerDays || d.answerDays), Number(periods.retentionDays || d.retentionDays)).then((ok) => {
                if (ok) setPeriods({ answerDays: '', retentionDays: '' });
              })
            }
          />
        </View>
      </View>
      {p.error ? (
        <Text className="admin-error" data-testid="privacy-answer-error" aria-live="polite">
          {p.error.message}
        </Text>
      ) : null}
      {!d.items.length ? (
        <EmptyState title="暂无个人信息请求" description="投资者在「我的咨询」里撤回同意或要求删除信息后，会显示在这里。" />
      ) : (
        <View className="admin-card">
          {d.items.map((r) => (
            <View key={r.id} className="admin-row" data-testid="privacy-request-row" data-status={r.status} data-overdue={r.overdue ? 'true' : 'false'}>
              <View className="admin-row__main">
                <Text>
                  {PRIVACY_REQUEST_KIND_LABELS[r.kind]} · {r.scope === 'all' ? `全部咨询（${r.leads.length} 条）` : '一条咨询'}{' '}
                  <Text className={r.overdue ? 'admin-badge admin-badge--warn' : 'admin-badge'}>{r.overdue ? '已超期' : PRIVACY_REQUEST_STATUS_LABELS[r.status]}</Text>
                </Text>
                <Text className="admin-note">
                  提交于 {formatDateTime(r.requestedAt)} · 应于 {formatDateTime(r.dueAt)} 前答复
                  {r.answeredAt ? ` · ${r.answeredByName ?? ''}答复于 ${formatDateTime(r.answeredAt)}` : ''}
                </Text>
                {r.leads.map((l) => (
                  <Text key={l.id} className="admin-note">
                    {l.industry}投资咨询 · {LEAD_STATUS_LABELS[l.status]} · {formatDateTime(l.createdAt)}
                    {l.anonymised ? ' · 已匿名' : ''}
                  </Text>
                ))}
                {r.answerNote ? <Text className="admin-note">答复：{r.answerNote}</Text> : null}
                {r.status === 'pending' ? (
                  <View>
                    <Input
                      className="admin-input"
                      value={p.note(r.id)}
                      maxlength={200}
                      placeholder={r.kind === 'erase' ? '给投资者的答复（不予删除时必填理由）' : '给投资者的答复（可选）'}
                      data-testid="privacy-note-input"
                      onInput={(e: InputEvent) => p.setNote(r.id, e.detail.value)}
                      {...controlLabel('给投资者的答复')}
                    />
                    <View className="admin-actions">
                      {r.kind === 'erase' ? (
                        <>
                          <ActionButton text="删除并答复" tone="danger" size="md" loading={p.pending} onClick={() => confirmErase(r.id)} testId="privacy-erase-done" />
                          <ActionButton text="不予删除" tone="secondary" size="md" loading={p.pending} onClick={() => void p.answer(r.id, 'refused')} testId="privacy-refuse" />
                        </>
                      ) : (
                        <ActionButton text="确认已停止联系" tone="primary" size="md" loading={p.pending} onClick={() => void p.answer(r.id, 'done')} testId="privacy-withdraw-done" />
                      )}
                    </View>
                  </View>
                ) : null}
              </View>
            </View>
          ))}
        </View>
      )}
    </View>
  );
}
