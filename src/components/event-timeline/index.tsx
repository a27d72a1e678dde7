import { Text, View } from '@tarojs/components';
import type { LeadEventType } from '../../../domain/lead/lead-event.schema';
import { formatDateTime } from '../../format/date-time';
import './index.css';

export const LEAD_EVENT_LABELS: Record<LeadEventType, string> = {
  created: '提交咨询',
  status_changed: '更新状态',
  note: '跟进备注',
  reply: '回复投资者',
  assigned: '转交',
  contact_revealed: '查看联系方式',
  call_logged: '记录通话',
  sla_reminded: '超时提醒',
  sla_leader_copied: '超时抄送领导',
  sla_reassigned: '超时改派',
  followup_reminded: '跟进提醒',
  facts_set: '补充企业信息',
  stage_confirmed: '投资促进局确认',
  pool_claimed: '认领',
  pool_return_warned: '退回提醒',
  pool_returned: '退回待认领',
  first_report_disputed: '首报申诉',
  first_report_decided: '首报裁定',
  participant_added: '载体管理员参与',
  participant_removed: '移出载体管理员',
  participant_contact_shared: '共享联系方式',
  participant_contact_unshared: '取消共享联系方式',
  participant_note: '载体管理员备注',
};

export interface TimelineEvent {
  id: string;
  type: LeadEventType;
  actorName: string;
  text: string | null;
  at: string;
}

export interface EventTimelineProps {
  events: readonly TimelineEvent[];
}

const tone = (type: LeadEventType): string => {
  if (type === 'sla_reminded' || type === 'sla_leader_copied' || type === 'sla_reassigned' || type === 'followup_reminded') return 'alert';
  if (type === 'status_changed' || type === 'reply' || type === 'call_logged') return 'strong';
  return 'plain';
};

/** The append-only history of a lead, newest first. */
export function EventTimeline({ events }: EventTimelineProps) {
  const newestFirst = [...events].reverse();
  return (
    <View className="event-timeline" data-testid="event-timeline">
      {newestFirst.map((e) => (
        <View key={e.id} className={`event-timeline__item event-timeline__item--${tone(e.type)}`} data-testid="timeline-event" data-type={e.type}>
          <View className="event-timeline__dot" />
          <View className="event-timeline__body">
            <View className="event-timeline__head">
              <Text className="event-timeline__label">{LEAD_EVENT_LABELS[e.type]}</Text>
              <Text className="event-timeline__actor">{e.actorName}</Text>
              <Text className="event-timeline__time">{formatDateTime(e.at)}</Text>
            </View>
            {e.text ? (
              <Text className="event-timeline__text" userSelect>
                {e.text}
              </Text>
            ) : null}
          </View>
        </View>
      ))}
    </View>
  );
}
