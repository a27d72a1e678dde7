import { Text, Textarea, View } from '@tarojs/components';
import { controlLabel } from '../../../components/a11y';
import { ActionButton } from '../../../components/action-button';
import { formatDateTime } from '../../../format/date-time';
import type { FirstReportState } from '../use-first-report';
import { Section } from './section';

const DISPUTE_STATUS: Record<string, string> = { open: '待区管理员裁定', upheld: '申诉成立，首报改记本线索', rejected: '申诉驳回，首报不变' };

export interface FirstReportSectionProps {
  report: Pick<FirstReportState, 'status' | 'data' | 'error' | 'formOpen' | 'reason' | 'raising' | 'raiseError'>;
  hideInputs: boolean;
  onRetry: () => void;
  onOpenHolder: (leadId: string) => void;
  onOpenForm: () => void;
  onCloseForm: () => void;
  onReason: (reason: string) => void;
  onRaise: () => void;
}

/** 首报: which unit holds this company's first report; a later reporter sees it and may dispute it. */
export function FirstReportSection({ report, hideInputs, onRetry, onOpenHolder, onOpenForm, onCloseForm, onReason, onRaise }: FirstReportSectionProps) {
  const data = report.data;
  const holder = data?.holder ?? null;
  return (
    <Section title="首报" testId="first-report-section">
      {report.status === 'loading' ? <Text className="lead-detail__meta">正在核对同一企业的报送…</Text> : null}
      {report.status === 'error' ? (
        <View className="lead-detail__matches-error">
          <Text className="lead-detail__meta">{report.error?.message ?? '暂时无法核对首报'}</Text>
          <ActionButton text="重试" size="sm" tone="secondary" onClick={onRetry} testId="retry-first-report" />
        </View>
      ) : null}
      {data && !data.known ? (
        <Text className="lead-detail__meta" data-testid="first-report-unknown">
          补充统一社会信用代码或企业名称后，即可核对该企业是否已由其他单位首报。
        </Text>
      ) : null}
      {data && holder ? (
        <View data-testid="first-report-holder">
          <Text className="lead-detail__row-value">
            {holder.isThisLead
              ? `本线索是该企业的首报${holder.awarded ? '（经区管理员裁定）' : ''}，共 ${data.reports} 条报送。`
              : `该企业的首报由 ${holder.unitName ?? '未记入单位'}${holder.staffName ? `（${holder.staffName}）` : ''} 于 ${formatDateTime(holder.reportedAt)} 报送${holder.awarded ? '，经区管理员裁定' : ''}；本线索不计入擂台赛得分。`}
          </Text>
          {holder.leadId && !holder.isThisLead ? <ActionButton text="查看首报线索" size="sm" tone="secondary" onClick={() => onOpenHolder(holder.leadId as string)} testId="open-holder" /> : null}
        </View>
      ) : null}
      {data?.dispute ? (
        <View className="lead-detail__composer" data-testid="dispute-status">
          <Text className="lead-detail__row-value">{`首报申诉 · ${DISPUTE_STATUS[data.dispute.status]}`}</Text>
          <Text className="lead-detail__meta">{`${data.dispute.raisedByName} 于 ${formatDateTime(data.dispute.raisedAt)} 提出：${data.dispute.reason}`}</Text>
          {data.dispute.decision ? <Text className="lead-detail__meta" data-testid="dispute-decision">{`${data.dispute.decision.name} 裁定理由：${data.dispute.decision.reason}`}</Text> : null}
        </View>
      ) : null}
      {data?.canDispute && !report.formOpen ? (
        <View className="lead-detail__composer-actions">
          <ActionButton text="提出首报申诉" size="md" tone="secondary" onClick={onOpenForm} testId="open-dispute" />
        </View>
      ) : null}
      {data?.canDispute && report.formOpen && !hideInputs ? (
        <View className="lead-detail__composer" data-testid="dispute-form">
          <Textarea
            className="lead-detail__textarea lead-detail__textarea--short"
            value={report.reason}
            maxlength={200}
            placeholder="申诉理由，如：企业最早由本单位对接，见 10 月 8 日会议纪要"
            data-testid="dispute-reason"
            {...controlLabel('首报申诉理由')}
            onInput={(e) => onReason(e.detail.value)}
          />
          {report.raiseError ? (
            <Text className="lead-detail__error" data-testid="dispute-error">
              {report.raiseError}
            </Text>
          ) : null}
          <View className="lead-detail__composer-actions lead-detail__form-actions">
            <ActionButton text="取消" size="md" tone="secondary" onClick={onCloseForm} testId="cancel-dispute" />
            <ActionButton text="提交申诉" size="md" loading={report.raising} onClick={onRaise} testId="submit-dispute" />
          </View>
        </View>
      ) : null}
    </Section>
  );
}
