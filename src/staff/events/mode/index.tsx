import { Input, ScrollView, Text, Textarea, View } from '@tarojs/components';
import { ActionButton } from '../../../components/action-button';
import { ConsentCheck } from '../../../components/consent-check';
import { EmptyState } from '../../../components/empty-state';
import { ErrorState } from '../../../components/error-state';
import { FormField } from '../../../components/form-field';
import { ListSkeleton } from '../../../components/list-skeleton';
import { controlLabel, PAGE_HEADING } from '../../../components/a11y';
import { openPage, ROUTES } from '../../../routes';
import { useEventMode } from './use-event-mode';
import { usePageParams } from '../../../hooks/use-page-params';
import './index.css';

/**
 * 活动模式: a commissioner takes down the inquiry of the investor in front of them. The investor reads the notice
 * on this screen and ticks consent; the inquiry is queued on the device and sent when there is a network.
 */
export default function EventModePage() {
  const params = usePageParams();
  const mode = useEventMode(typeof params.id === 'string' ? params.id : '');
  const { queue } = mode;

  if (mode.status === 'loading') {
    return (
      <View className="event-mode" role="main">
        <Text {...PAGE_HEADING} className="event-mode__title">活动模式</Text>
        <ListSkeleton rows={3} />
      </View>
    );
  }
  if (mode.status === 'error' || mode.status === 'missing' || !mode.event) {
    return (
      <View className="event-mode" role="main" data-testid="event-mode-missing">
        <Text {...PAGE_HEADING} className="event-mode__title">活动模式</Text>
        {mode.status === 'error' ? (
          <ErrorState message="活动没有加载出来，请检查网络后重试" onRetry={mode.reload} />
        ) : (
          <EmptyState title="未找到该活动" description="该活动可能已被修改或不属于您所在的区。" actionText="返回活动列表" onAction={() => openPage(ROUTES.staffEvents, {}, 'redirect')} />
        )}
      </View>
    );
  }

  const notice = mode.notice.data;
  return (
    <View className="event-mode" role="main" data-testid="event-mode">
      <View className="event-mode__head">
        <Text {...PAGE_HEADING} className="event-mode__title">{mode.event.name}</Text>
        <Text className="event-mode__meta">
          活动模式 · {mode.event.date} · {mode.event.place}
        </Text>
      </View>

      <View className={queue.waiting ? 'event-mode__queue event-mode__queue--waiting' : 'event-mode__queue'} data-testid="event-queue" aria-live="polite">
        <Text className="event-mode__queue-count" data-testid="event-queue-count">
          {queue.waiting ? `${queue.waiting} 条待发送` : '没有待发送的咨询'}
        </Text>
        <Text className="event-mode__queue-note">
          {queue.sending
            ? '正在发送…'
            : queue.waiting && queue.offline
              ? '当前没有网络：咨询已保存在本机，联网后自动发送，不会重复。'
              : queue.sentCount
                ? `本次已发送 ${queue.sentCount} 条。`
                : '保存后立即发送；没有网络时先存在本机。'}
        </Text>
        {queue.items.length ? (
          <View className="event-mode__queue-list" role="list">
            {queue.items.map((item) => (
              <View key={item.key} className="event-mode__queue-item" role="listitem" data-testid="event-queue-item">
                <Text className="event-mode__queue-label">{item.label || '未署名的咨询'}</Text>
                {item.error ? (
                  <View className="event-mode__queue-failed">
                    <Text className="event-mode__queue-error">未能发送：{item.error.message}</Text>
                    <View className="event-mode__queue-actions">
                      <ActionButton text="重新发送" size="sm" tone="secondary" onClick={() => queue.retry(item.key)} testId="event-queue-retry" />
                      <ActionButton text="删除" size="sm" tone="danger" onClick={() => queue.remove(item.key)} testId="event-queue-remove" />
                    </View>
                  </View>
                ) : (
                  <Text className="event-mode__queue-state">待发送</Text>
                )}
              </View>
            ))}
          </View>
        ) : null}
        {queue.waiting && !queue.sending ? <ActionButton text="立即发送" size="sm" tone="secondary" onClick={() => void queue.flush()} testId="event-queue-send" /> : null}
      </View>

      <View className="event-mode__form">
        <FormField label="单位名称" error={mode.errors.company} testId="event-company">
          <Input className="form-field__input" value={mode.values.company} maxlength={60} placeholder="公司或机构名称" onInput={(e) => mode.setField('company', e.detail.value)} {...controlLabel('单位名称（选填）')} />
        </FormField>
        <FormField label="姓名" required error={mode.errors.name} testId="event-contact-name">
          <Input className="form-field__input" value={mode.values.name} maxlength={20} placeholder="投资者姓名" onInput={(e) => mode.setField('name', e.detail.value)} {...controlLabel('姓名（必填）')} />
        </FormField>
        <FormField label="联系电话" required error={mode.errors.phone} testId="event-contact-phone">
          <Input className="form-field__input" type="text" value={mode.values.phone} maxlength={32} placeholder="手机号或固定电话" onInput={(e) => mode.setField('phone', e.detail.value)} {...controlLabel('联系电话（必填）')} />
        </FormField>
        <FormField label="意向产业" required error={mode.errors.industry} testId="event-industry">
          <Input className="form-field__input" value={mode.values.industry} maxlength={20} placeholder="如 新能源、生物医药" onInput={(e) => mode.setField('industry', e.detail.value)} {...controlLabel('意向产业（必填）')} />
        </FormField>
        <FormField label="需求" error={mode.errors.need} testId="event-need">
          <Textarea className="form-field__textarea" value={mode.values.need} maxlength={500} placeholder="如 3000 ㎡ 厂房，半年内落地" onInput={(e) => mode.setField('need', e.detail.value)} {...controlLabel('需求（选填）')} />
        </FormField>

        <View className="event-mode__notice" data-testid="event-notice">
          {notice ? (
            <>
              <Text className="event-mode__notice-title">请投资者阅读：《{notice.title}》</Text>
              <ScrollView className="event-mode__notice-body" scrollY>
                <Text>{notice.body}</Text>
              </ScrollView>
              <ConsentCheck checked={mode.consent} noticeTitle={notice.title} onToggle={mode.toggleConsent} onOpenNotice={() => undefined} error={mode.errors.consent} />
            </>
          ) : mode.notice.status === 'error' ? (
            <ErrorState message="个人信息保护说明没有加载出来，联网后才能登记第一条咨询" onRetry={() => void mode.notice.reload()} />
          ) : (
            <ListSkeleton rows={2} />
          )}
        </View>

        {mode.justSaved ? (
          <Text className="event-mode__saved" data-testid="event-saved" aria-live="polite">
            已保存。{queue.waiting ? `${queue.waiting} 条待发送，联网后自动发送。` : '已发送。'}
          </Text>
        ) : null}
        <ActionButton text="保存并发送" block muted={!notice} onClick={() => void mode.save()} testId="event-save-inquiry" />
      </View>
    </View>
  );
}
