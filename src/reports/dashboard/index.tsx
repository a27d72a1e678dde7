import { Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { clientErrorMessage } from '../../services/client-error-messages';
import { PAGE_HEADING, tappable } from '../../components/a11y';
import { CardSkeleton } from '../../components/card-skeleton';
import { ErrorState } from '../../components/error-state';
import { SectionBlock } from '../../components/section-block';
import { Segmented } from '../../components/segmented';
import { usePageParams } from '../../hooks/use-page-params';
import { useSession } from '../../hooks/use-session';
import { openPage, ROUTES } from '../../routes';
import { ExportBar } from '../components/export-bar';
import { FigureBars } from '../components/figure-bars';
import { ScopePicker } from '../components/scope-picker';
import { offeredScopes } from '../scope/scope-options';
import { scopeParam, type ReportScope } from '../scope/use-report-scope';
import { DistrictTable } from './district-table';
import { barRows, compareText, neighbourKey, PERIOD_TABS, responseText, type PeriodTab } from './dashboard-view';
import { useDashboard } from './use-dashboard';
import { EXPORT_CHOICES, useReportExport } from './use-report-export';
import '../report-page.css';
import './index.css';

export default function DashboardPage() {
  const params = usePageParams();
  const session = useSession();
  const d = useDashboard({
    scope: scopeParam(params.scope),
    teamId: params.teamId || undefined,
    districtId: params.districtId || undefined,
    kind: PERIOD_TABS.some((t) => t.key === params.kind) ? (params.kind as PeriodTab) : undefined,
  });
  const offered = offeredScopes({ roles: session.staff?.roles ?? [], scope: d.scope, districtId: d.districtId, choices: d.choices });

  usePullDownRefresh(() => {
    d.reload().finally(() => {
      Taro.stopPullDownRefresh();
    });
  });

  const data = d.data;
  const exporter = useReportExport(() => (data ? { scope: d.scope, ...d.target, period: { kind: data.period.kind as PeriodTab, key: data.period.key } } : null));
  // A city admin's figures open no leads: the bars are plain, and only the table is exported.
  const leadsOpen = data?.leadsOpen ?? false;
  const open = (filter: string, value?: string) => {
    if (!data || !leadsOpen) return;
    openPage(ROUTES.reportLeads, { scope: d.scope, ...(d.scope === 'team' ? { teamId: d.teamId } : {}), kind: data.period.kind, key: data.period.key, filter, value });
  };
  const opener = leadsOpen ? open : undefined;
  const travel = (direction: 'previous' | 'next') => {
    if (!data) return;
    const next = neighbourKey(data.period.key, direction, data.previous.key);
    if (next) d.setKey(next);
  };

  return (
    <View className="report-page" data-testid="dashboard" role="main">
      <Text className="visually-hidden" {...PAGE_HEADING}>
        数据看板
      </Text>
      <View className="report-page__controls">
        <ScopePicker options={offered} active={d.scope} teams={d.choices.teams} teamId={d.teamId} onChange={(k, teamId) => d.setScope(k as ReportScope, teamId)} testIdPrefix="dashboard" />
        <Segmented options={PERIOD_TABS} active={d.kind} onChange={(k) => d.setKind(k as PeriodTab)} testId="dashboard-period" />
        <View className="report-page__step" onClick={() => openPage(ROUTES.reportArena)} data-testid="open-arena" {...tappable({ role: 'link' })}>
          <Text>擂台赛排名 ›</Text>
        </View>
        <View className="report-page__step" onClick={() => openPage(ROUTES.reportHeatmap, { scope: d.scope, ...d.target, kind: data?.period.kind, key: data?.period.key })} data-testid="open-heatmap" {...tappable({ role: 'link' })}><Text>招商热力图 ›</Text></View>
        <View className="report-page__step" onClick={() => openPage(ROUTES.reportBulletins)} data-testid="open-bulletins" {...tappable({ role: 'link' })}>
          <Text>每月通报 ›</Text>
        </View>
        <View className="report-page__travel">
          <View className="report-page__step" onClick={() => travel('previous')} data-testid="period-previous" {...tappable({ label: '上一期' })}>
            <Text>‹ 上一期</Text>
          </View>
          <Text className="report-page__period" data-testid="period-label">
            {data?.period.label ?? '…'}
          </Text>
          <View className="report-page__step" onClick={() => travel('next')} data-testid="period-next" {...tappable({ label: '下一期' })}>
            <Text>下一期 ›</Text>
          </View>
        </View>
      </View>

      {d.status === 'loading' && !data ? (
        <CardSkeleton />
      ) : !data ? (
        <ErrorState message={d.error?.message ?? clientErrorMessage('INTERNAL.UNEXPECTED')} onRetry={() => void d.reload()} />
      ) : (
        <View>
          <Text className="report-page__note">{data.scopeLabel} · 对比 {data.previous.key.startsWith('range:') ? '前一时段' : '上期'}</Text>
          <View className="report-page__tiles">
            <View className="report-page__tile" data-testid="tile-inquiries" onClick={leadsOpen ? () => open('all') : undefined} {...(leadsOpen ? tappable({ role: 'link' }) : {})}>
              <Text className="report-page__tile-value">{data.figures.inquiries}</Text>
              <Text className="report-page__tile-label">咨询</Text>
              <Text className="report-page__tile-compare">{compareText(data.figures.inquiries, data.previousFigures.inquiries)}</Text>
            </View>
            <View className="report-page__tile" data-testid="tile-promises">
              <Text className="report-page__tile-value">{data.figures.promisesKeptPct === null ? '—' : `${data.figures.promisesKeptPct}%`}</Text>
              <Text className="report-page__tile-label">按时首次回复</Text>
              <Text className="report-page__tile-compare">
                中位 {responseText(data.figures.responseMedianMinutes, data.figures.responded)} · P90 {responseText(data.figures.responseP90Minutes, data.figures.responded)}
              </Text>
            </View>
            <View className="report-page__tile" data-testid="tile-signed">
              <Text className="report-page__tile-value">{data.figures.confirmedSigned}</Text>
              <Text className="report-page__tile-label">确认签约</Text>
              <Text className="report-page__tile-compare">{compareText(data.figures.confirmedSigned, data.previousFigures.confirmedSigned)}</Text>
            </View>
            <View className="report-page__tile" data-testid="tile-overdue">
              <Text className={data.overdueNow ? 'report-page__tile-value report-page__tile-value--alert' : 'report-page__tile-value'}>{data.overdueNow}</Text>
              <Text className="report-page__tile-label">当前超时未回复</Text>
            </View>
          </View>

          {/* The city's table first: a city admin compares districts before reading the sums. */}
          {data.byDistrict ? <DistrictTable rows={data.byDistrict} onOpen={(districtId) => openPage(ROUTES.reportDashboard, { scope: 'district', districtId, kind: data.period.kind })} /> : null}
          <SectionBlock title="转化漏斗" extra="本期咨询走到哪一步" testId="dashboard-funnel">
            <FigureBars
              rows={barRows(
                data.figures.funnel.map((f) => ({ key: f.stage, label: f.label, count: f.count })),
                data.previousFigures.funnel.map((f) => ({ key: f.stage, count: f.count })),
              )}
              emptyText="本期还没有咨询"
              onOpen={opener && ((stage) => opener('stage', stage))}
            />
          </SectionBlock>
          <SectionBlock title="按单位" testId="dashboard-by-unit">
            <FigureBars rows={barRows(data.figures.byUnit, data.previousFigures.byUnit)} emptyText="本期还没有咨询" onOpen={opener && ((k) => opener('unit', k))} testId="bars-unit" />
          </SectionBlock>
          <SectionBlock title="按渠道" testId="dashboard-by-channel">
            <FigureBars rows={barRows(data.figures.byChannel, data.previousFigures.byChannel)} emptyText="本期还没有咨询" onOpen={opener && ((k) => opener('channel', k))} testId="bars-channel" />
          </SectionBlock>
          <SectionBlock title="按产业" testId="dashboard-by-industry">
            <FigureBars rows={barRows(data.figures.byIndustry, data.previousFigures.byIndustry)} emptyText="本期还没有咨询" onOpen={opener && ((k) => opener('industry', k))} />
          </SectionBlock>
          <SectionBlock title="按来源地" extra="信用代码所在省份，或填写的城市" testId="dashboard-by-origin">
            <FigureBars rows={barRows(data.figures.byOrigin, data.previousFigures.byOrigin)} emptyText="本期还没有咨询" onOpen={opener && ((k) => opener('origin', k))} />
          </SectionBlock>
          <ExportBar title={`导出 ${data.scopeLabel} · ${data.period.label}`} choices={leadsOpen ? EXPORT_CHOICES.dashboard : EXPORT_CHOICES.figuresOnly} pending={exporter.pending} error={exporter.error} done={exporter.done} onExport={exporter.run} testId="dashboard-export" />
        </View>
      )}
    </View>
  );
}
