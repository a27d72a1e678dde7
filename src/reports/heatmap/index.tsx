import { Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { clientErrorMessage } from '../../services/client-error-messages';
import { PAGE_HEADING, tappable } from '../../components/a11y';
import { CardSkeleton } from '../../components/card-skeleton';
import { EmptyState } from '../../components/empty-state';
import { ErrorState } from '../../components/error-state';
import { Segmented } from '../../components/segmented';
import { usePageParams } from '../../hooks/use-page-params';
import { useSession } from '../../hooks/use-session';
import { openPage, ROUTES } from '../../routes';
import { ScopePicker } from '../components/scope-picker';
import { PERIOD_TABS, type PeriodTab } from '../dashboard/dashboard-view';
import { offeredScopes } from '../scope/scope-options';
import { scopeParam, type ReportScope } from '../scope/use-report-scope';
import { encodeWhere } from './cell-link';
import { HeatGrid } from './heat-grid';
import { HeatLegend } from './heat-legend';
import { cellWhere, KIND_TABS, MEASURE_TABS, stepPeriodKey } from './heatmap-view';
import { useHeatmap } from './use-heatmap';
import '../report-page.css';
import './index.css';

const AXIS_TITLES = {
  origin_industry: { rows: '来源地', columns: '产业' },
  street_carrier: { rows: '街道', columns: '载体类型' },
} as const;

const PERIOD_KINDS: readonly string[] = PERIOD_TABS.map((t) => t.key);

/** 招商热力图: where this period's inquiries come from and what they ask for, as a grid that opens its leads. */
export default function HeatmapPage() {
  const params = usePageParams();
  const session = useSession();
  // Opened from 数据看板 with its scope (a team, a district by id) and period; a chosen range (not a tab here) falls back to this month.
  const knownKind = PERIOD_KINDS.includes(params.kind ?? '');
  const h = useHeatmap({
    scope: scopeParam(params.scope),
    teamId: params.teamId || undefined,
    districtId: params.districtId || undefined,
    kind: knownKind ? (params.kind as PeriodTab) : undefined,
    key: knownKind && params.key ? params.key : undefined,
  });

  usePullDownRefresh(() => {
    h.reload().finally(() => {
      Taro.stopPullDownRefresh();
    });
  });

  const data = h.data;
  const offered = offeredScopes({ roles: session.staff?.roles ?? [], scope: h.scope, districtId: h.districtId, choices: h.choices });
  const travel = (direction: 'previous' | 'next') => {
    const next = data ? stepPeriodKey(data.period.key, direction) : null;
    if (next) h.setKey(next);
  };
  // A city admin's cells open no leads (as 数据看板's bars): the grid is plain then.
  const open = (row: number, column: number) => {
    if (!data?.leadsOpen) return;
    openPage(ROUTES.reportLeads, { scope: h.scope, ...(h.scope === 'team' ? { teamId: h.teamId } : {}), kind: data.period.kind, key: data.period.key, filter: 'all', where: encodeWhere(cellWhere(data, row, column)) });
  };
  const titles = AXIS_TITLES[h.kind];

  return (
    <View className="report-page" data-testid="heatmap" role="main">
      <Text className="report-page__title" {...PAGE_HEADING}>
        招商热力图
      </Text>
      <View className="report-page__controls">
        <ScopePicker options={offered} active={h.scope} teams={h.choices.teams} teamId={h.teamId} onChange={(k, teamId) => h.setScope(k as ReportScope, teamId)} testIdPrefix="heatmap" />
        <Segmented options={KIND_TABS} active={h.kind} onChange={(k) => h.setKind(k as typeof h.kind)} testId="heatmap-kind" />
        <Segmented options={MEASURE_TABS} active={h.measure} onChange={(k) => h.setMeasure(k as typeof h.measure)} testId="heatmap-measure" />
        <Segmented options={PERIOD_TABS} active={h.periodKind} onChange={(k) => h.setPeriodKind(k as PeriodTab)} testId="heatmap-period" />
        <View className="report-page__travel">
          <View className="report-page__step" onClick={() => travel('previous')} data-testid="heatmap-previous" {...tappable({ label: '上一期' })}>
            <Text>‹ 上一期</Text>
          </View>
          <Text className="report-page__period" data-testid="heatmap-period-label">
            {data?.period.label ?? '…'}
          </Text>
          <View className="report-page__step" onClick={() => travel('next')} data-testid="heatmap-next" {...tappable({ label: '下一期' })}>
            <Text>下一期 ›</Text>
          </View>
        </View>
      </View>

      {h.status === 'loading' && !data ? (
        <CardSkeleton />
      ) : !data ? (
        <ErrorState message={h.error?.message ?? clientErrorMessage('INTERNAL.UNEXPECTED')} onRetry={() => void h.reload()} />
      ) : data.rows.length === 0 ? (
        <EmptyState title="本期还没有咨询" description={`${data.scopeLabel} · ${data.period.label}：没有可画的数据，换一个统计周期看看`} actionText="看上一期" onAction={() => travel('previous')} />
      ) : (
        <View>
          <Text className="report-page__note" data-testid="heatmap-summary">
            {data.scopeLabel} · 共 {data.totals.inquiries} 条咨询，确认签约 {data.totals.signed} 个、落地 {data.totals.landed} 个
            {data.totals.conversionPct === null ? '' : `，转化率 ${data.totals.conversionPct}%`}
          </Text>
          <HeatGrid map={data} rowTitle={titles.rows} columnTitle={titles.columns} onOpen={data.leadsOpen ? open : undefined} />
          <HeatLegend measure={data.measure} legend={data.legend} />
          <Text className="report-page__note report-page__note--after">签约、落地为投资促进局确认的结果，计入咨询所在的统计周期；{data.leadsOpen ? '点格子查看对应线索。' : '这里只看数字，线索由各区查看。'}</Text>
        </View>
      )}
    </View>
  );
}
