import { Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { clientErrorMessage } from '../../services/client-error-messages';
import { CardSkeleton } from '../../components/card-skeleton';
import { ErrorState } from '../../components/error-state';
import { SectionBlock } from '../../components/section-block';
import { WeekBarChart } from '../../components/week-bar-chart';
import { groupDigits } from '../../format/format';
import { openPage, ROUTES } from '../../routes';
import { channelRows, conversionRate, depthText, weekBars } from './stats-view';
import { useCardStats } from './use-card-stats';
import { PAGE_HEADING, tappable } from '../../components/a11y';
import { usePageParams } from '../../hooks/use-page-params';
import './index.css';

export default function CardStatsPage() {
  const params = usePageParams();
  const { status, stats, error, reload } = useCardStats(params.cardId);

  usePullDownRefresh(() => {
    reload().finally(() => {
      Taro.stopPullDownRefresh();
    });
  });

  if (status === 'loading') {
    return (
      <View className="stats-page" role="main">
        <Text className="visually-hidden" {...PAGE_HEADING}>
          我的名片数据
        </Text>
        <CardSkeleton />
      </View>
    );
  }
  if (!stats) {
    return (
      <View className="stats-page" role="main">
        <Text className="visually-hidden" {...PAGE_HEADING}>
          我的名片数据
        </Text>
        <ErrorState message={error?.message ?? clientErrorMessage('INTERNAL.UNEXPECTED')} onRetry={() => void reload()} />
      </View>
    );
  }

  const rows = channelRows(stats);
  const bars = weekBars(stats.weeks);
  const recentViews = stats.weeks.reduce((sum, w) => sum + w.views, 0);
  const openPoster = () => {
    openPage(ROUTES.poster, { cardId: stats.cardId });
  };

  return (
    <View className="stats-page" data-testid="stats-page" role="main">
      <Text className="visually-hidden" {...PAGE_HEADING}>
        我的名片数据
      </Text>
      <View className="stats-page__hero">
        <Text className="stats-page__eyebrow">我的名片数据</Text>
        <View className="stats-page__headline">
          <View className="stats-page__big" data-testid="stat-views">
            <Text className="stats-page__big-value">{groupDigits(stats.views)}</Text>
            <Text className="stats-page__big-label">浏览次数</Text>
          </View>
          <View className="stats-page__big" data-testid="stat-visitors">
            <Text className="stats-page__big-value">{groupDigits(stats.uniqueVisitors)}</Text>
            <Text className="stats-page__big-label">独立访客</Text>
          </View>
        </View>
      </View>

      <View className="stats-page__tiles">
        <View className="stats-page__tile" data-testid="stat-shares">
          <Text className="stats-page__tile-value">{groupDigits(stats.shares)}</Text>
          <Text className="stats-page__tile-label">分享次数</Text>
        </View>
        <View className="stats-page__tile" data-testid="stat-depth">
          <Text className="stats-page__tile-value">{depthText(stats.maxReshareDepth)}</Text>
          <Text className="stats-page__tile-label">最远转发</Text>
        </View>
        <View className="stats-page__tile" data-testid="stat-leads">
          <Text className="stats-page__tile-value stats-page__tile-value--accent">{groupDigits(stats.leads)}</Text>
          <Text className="stats-page__tile-label">咨询线索</Text>
        </View>
        <View className="stats-page__tile" data-testid="stat-conversion">
          <Text className="stats-page__tile-value">{conversionRate(stats.leads, stats.uniqueVisitors)}</Text>
          <Text className="stats-page__tile-label">访客转咨询</Text>
        </View>
      </View>
      <Text className="stats-page__note" data-testid="stat-response">
        {stats.medianFirstResponseHours === null
          ? '还没有已回复的咨询，首次回复用时将在这里显示'
          : `首次回复用时中位数 ${stats.medianFirstResponseHours} 个工作小时（共 ${stats.answeredLeads} 条已回复咨询）`}
      </Text>

      <SectionBlock title="浏览来源" extra="按渠道" testId="stats-channels">
        {rows.length ? (
          rows.map((row) => (
            <View key={row.channel} className="stats-page__channel" data-channel={row.channel}>
              <View className="stats-page__channel-head">
                <Text className="stats-page__channel-label">{row.label}</Text>
                <Text className="stats-page__channel-count">
                  {groupDigits(row.views)} 次浏览{row.leads ? ` · ${row.leads} 条咨询` : ''}
                </Text>
              </View>
              <View className="stats-page__channel-track">
                <View className="stats-page__channel-fill" style={{ width: `${Math.max(row.views ? 2 : 0, row.percent)}%` }} />
              </View>
            </View>
          ))
        ) : (
          <Text className="stats-page__empty">还没有浏览记录。把名片转发到微信群、朋友圈，或生成海报发给客户，数据会在这里出现。</Text>
        )}
      </SectionBlock>

      <SectionBlock title="每周浏览" extra={`近 ${stats.weeks.length} 周共 ${groupDigits(recentViews)} 次`} testId="stats-weeks">
        <WeekBarChart bars={bars} testId="week-chart" />
      </SectionBlock>

      <View className="stats-page__privacy" data-testid="stats-privacy">
        <Text className="stats-page__privacy-title">访客匿名统计</Text>
        <Text className="stats-page__privacy-text">
          浏览和访客只计数、不记名：我们不记录也不会向你展示是谁看过你的名片。同一访客多次打开只算一位独立访客；咨询线索仅包含访客主动提交的信息。
        </Text>
      </View>

      <View className="stats-page__cta" hoverClass="stats-page__cta--pressed" onClick={openPoster} data-testid="stats-poster" {...tappable({ role: 'link' })}>
        <Text>生成名片海报，带来更多浏览</Text>
      </View>
    </View>
  );
}
