import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { useEffect, useRef } from 'react';
import { ActionButton } from '../../components/action-button';
import { EmptyState } from '../../components/empty-state';
import { ErrorState } from '../../components/error-state';
import { InboxTabs } from '../../components/inbox-tabs';
import { LeadListItem } from '../../components/lead-list-item';
import { holdsOfficeRole } from '../../../domain/org/admin-access.rules';
import { useSession } from '../../hooks/use-session';
import { openPage, ROUTES } from '../../routes';
import { useInbox, type InboxTab } from './use-inbox';
import { useLeadAlerts } from './use-lead-alerts';
import { usePoolClaim } from './use-pool-claim';
import { PAGE_HEADING, tappable } from '../../components/a11y';
import './index.css';

const TAB_LABELS: Record<InboxTab, string> = { mine: '我的', unit: '本单位', pool: '待认领', referred: '我推荐的', participating: '我参与的' };
const EMPTY_TEXT: Record<InboxTab, { title: string; description: string }> = {
  mine: { title: '暂无由您承办的线索', description: '新线索分配给您时会出现在这里，并通过微信提醒您。' },
  unit: { title: '本单位暂无线索', description: '转交到本单位或本单位人员承办的线索会显示在这里。' },
  pool: { title: '暂无待认领线索', description: '转交到本单位但未指定承办人的线索会显示在这里，点「认领」即由您承办。' },
  referred: { title: '暂无您推荐的线索', description: '通过您的名片或转发带来、由其他同事承办的线索会显示在这里，您可以随时查看进展。' },
  participating: { title: '暂无您参与的线索', description: '咨询您管理的载体、或经办人请您参与的线索会显示在这里：可查看需求并留言，联系方式由经办人共享后才可查看。' },
};

export default function InboxPage() {
  const inbox = useInbox();
  const session = useSession();
  const alerts = useLeadAlerts();
  const pool = usePoolClaim(inbox.refresh);

  usePullDownRefresh(() => {
    inbox.refresh().finally(() => {
      Taro.stopPullDownRefresh();
    });
  });
  useReachBottom(() => {
    void inbox.loadMore();
  });

  // Back from a lead: its status or handler may have changed.
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current) void inbox.refresh();
    shown.current = true;
  });

  const { status, error } = inbox;
  useEffect(() => {
    if (status === 'ready' && error) Taro.showToast({ title: error.message, icon: 'none' });
  }, [status, error]);

  if (status === 'error' && (error?.code === 'AUTH.FORBIDDEN' || error?.code === 'AUTH.SIGN_IN_REQUIRED' || error?.code === 'AUTH.STAFF_REVOKED')) {
    return (
      <View className="inbox" data-testid="inbox-forbidden" role="main">
        <Text className="visually-hidden" {...PAGE_HEADING}>
          招商工作台
        </Text>
        <EmptyState
          title="工作台仅限招商工作人员使用"
          description={error.code === 'AUTH.STAFF_REVOKED' ? error.message : '如果您是工作人员，请使用管理员发放的邀请码绑定微信。'}
          actionText={error.code === 'AUTH.STAFF_REVOKED' ? undefined : '使用邀请码绑定'}
          onAction={() => openPage(ROUTES.staffBind, {}, 'redirect')}
        />
      </View>
    );
  }

  // 我参与的 only for whom it concerns: a carrier manager, or anyone brought into a lead (a count above zero).
  const participates = session.staff?.roles.includes('carrier_manager') === true || (inbox.counts?.participating ?? 0) > 0 || inbox.tab === 'participating';
  const tabs = (['mine', 'unit', 'pool', 'referred', ...(participates ? (['participating'] as const) : [])] as const).map((key) => ({ key, label: TAB_LABELS[key], count: inbox.counts ? inbox.counts[key] : null }));
  const overdue = inbox.items.filter((l) => l.overdue).length;

  return (
    <View className="inbox" data-testid="inbox" role="main">
      <View className="inbox__head">
        <View className="inbox__who">
          <Text {...PAGE_HEADING} className="inbox__title">线索收件箱</Text>
          {session.staff ? <Text className="inbox__name">{session.staff.name}</Text> : null}
        </View>
        <View className="inbox__reports" hoverClass="inbox__reports--pressed" onClick={() => openPage(ROUTES.reportDashboard)} data-testid="open-dashboard" {...tappable({ role: 'link' })}>
          <Text>数据看板 ›</Text>
        </View>
        <ActionButton text="活动" tone="secondary" size="sm" testId="inbox-events-entry" onClick={() => openPage(ROUTES.staffEvents)} />
        {session.staff && holdsOfficeRole(session.staff.roles) ? (
          <ActionButton text="管理" tone="secondary" size="sm" testId="inbox-admin-entry" onClick={() => openPage(ROUTES.adminHome)} />
        ) : null}
        <Text className="inbox__hint">{overdue ? `${overdue} 条已超过首次回复时限，请优先处理` : '超时线索排在最前，请在承诺时限内首次回复'}</Text>
        {alerts.available ? (
          <View className="inbox__alerts" hoverClass="inbox__alerts--pressed" onClick={alerts.request} data-testid="lead-alerts" {...tappable()}>
            <Text className="inbox__alerts-action">{alerts.pending ? '正在开启…' : '开启新线索提醒'}</Text>
            <Text className="inbox__alerts-note">每点一次，可收到一条微信提醒</Text>
          </View>
        ) : null}
      </View>
      <View className="inbox__tabs">
        <InboxTabs tabs={tabs} active={inbox.tab} onChange={inbox.setTab} />
      </View>

      {status === 'loading' ? (
        <View data-testid="inbox-loading">
          <View className="inbox__skeleton" />
          <View className="inbox__skeleton" />
          <View className="inbox__skeleton" />
        </View>
      ) : status === 'error' ? (
        <ErrorState message={error?.message ?? '系统开小差了，请稍后重试'} onRetry={() => void inbox.refresh()} />
      ) : inbox.items.length ? (
        <View className="inbox__list" data-testid="inbox-list">
          {inbox.items.map((lead) =>
            inbox.tab === 'pool' ? (
              <View key={lead.id} className="inbox__pool-item" data-testid={`pool-item-${lead.id}`}>
                <LeadListItem lead={lead} onOpen={(id) => openPage(ROUTES.staffLeadDetail, { id })} />
                <View className="inbox__claim">
                  <ActionButton text="认领" size="sm" loading={pool.pending && pool.leadId === lead.id} onClick={() => pool.claim(lead.id)} testId={`claim-${lead.id}`} />
                  {pool.error && pool.leadId === lead.id ? (
                    <Text className="inbox__claim-error" data-testid="claim-error" aria-live="polite">
                      {pool.error}
                    </Text>
                  ) : null}
                </View>
              </View>
            ) : (
              <LeadListItem key={lead.id} lead={lead} onOpen={(id) => openPage(ROUTES.staffLeadDetail, { id })} />
            ),
          )}
          <View className="inbox__more" data-testid="inbox-more">
            {inbox.loadingMore ? (
              <Text>正在加载…</Text>
            ) : inbox.hasMore ? (
              <ActionButton text="加载更多" size="sm" tone="plain" onClick={() => void inbox.loadMore()} testId="load-more" />
            ) : (
              <Text>没有更多了</Text>
            )}
          </View>
        </View>
      ) : (
        <View data-testid="inbox-empty">
          <EmptyState title={EMPTY_TEXT[inbox.tab].title} description={EMPTY_TEXT[inbox.tab].description} />
        </View>
      )}
    </View>
  );
}
