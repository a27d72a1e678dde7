import { Text, View } from '@tarojs/components';
import { clientErrorMessage } from '../../services/client-error-messages';
import { PAGE_HEADING } from '../../components/a11y';
import { EmptyState } from '../../components/empty-state';
import { ErrorState } from '../../components/error-state';
import { LeadListItem } from '../../components/lead-list-item';
import { ListSkeleton } from '../../components/list-skeleton';
import { openPage, ROUTES } from '../../routes';
import { ExportBar } from '../components/export-bar';
import { EXPORT_CHOICES, useReportExport } from '../dashboard/use-report-export';
import { useReportLeads } from './use-report-leads';
import { usePageParams } from '../../hooks/use-page-params';
import '../report-page.css';
import './index.css';

/** 看板明细: the leads a tapped bar counted, as far as this person may open them. */
export default function ReportLeadsPage() {
  const params = usePageParams();
  const { status, data, error, reload, input } = useReportLeads(params);
  const exporter = useReportExport(() => input);
  return (
    <View className="report-page" data-testid="report-leads" role="main">
      <Text className="report-page__title" {...PAGE_HEADING}>
        线索明细
      </Text>
      {status === 'loading' && !data ? (
        <ListSkeleton />
      ) : !data ? (
        <ErrorState message={error?.message ?? clientErrorMessage('INTERNAL.UNEXPECTED')} onRetry={() => void reload()} />
      ) : data.items.length === 0 ? (
        <EmptyState title="没有可查看的线索" description={data.hidden ? `另有 ${data.hidden} 条属于其他单位，无权查看` : '这一项在本期没有咨询'} actionText="返回看板" onAction={() => openPage(ROUTES.reportDashboard, {}, 'back')} />
      ) : (
        <View className="report-leads__list" data-testid="report-leads-list">
          {data.items.map((lead) => (
            <LeadListItem key={lead.id} lead={lead} onOpen={(id) => openPage(ROUTES.staffLeadDetail, { id })} />
          ))}
          {data.hidden ? <Text className="report-page__note">另有 {data.hidden} 条属于其他单位，无权查看</Text> : null}
          {data.nextCursor ? <Text className="report-page__note">仅显示前 {data.items.length} 条</Text> : null}
          {/* The same selection as this list (a bar's filter or a heat-map cell's where), unpaged: exactly these leads. */}
          <ExportBar title="导出这些线索" choices={EXPORT_CHOICES.leads} pending={exporter.pending} error={exporter.error} done={exporter.done} onExport={exporter.run} testId="report-leads-export" />
        </View>
      )}
    </View>
  );
}
