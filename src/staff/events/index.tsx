import { Input, Text, View } from '@tarojs/components';
import { ActionButton } from '../../components/action-button';
import { EmptyState } from '../../components/empty-state';
import { ErrorState } from '../../components/error-state';
import { FormField } from '../../components/form-field';
import { ListSkeleton } from '../../components/list-skeleton';
import { OfflineNote } from '../../components/offline-note';
import { controlLabel, PAGE_HEADING } from '../../components/a11y';
import { openPage, ROUTES } from '../../routes';
import { useEventEditor, useEventList } from './use-events';
import './index.css';

/** 活动: the district's fairs and roadshows; each opens event mode, where inquiries are taken even offline. */
export default function EventsPage() {
  const list = useEventList();
  const editor = useEventEditor(() => void list.reload());
  const items = list.data?.items ?? [];

  return (
    <View className="events" role="main" data-testid="events">
      <View className="events__head">
        <Text {...PAGE_HEADING} className="events__title">活动</Text>
        <Text className="events__lead">在招商推介会、洽谈会现场用「活动模式」当面登记投资者咨询；没有网络时保存在本机，联网后自动发送。</Text>
      </View>

      {editor.open ? (
        <View className="events__editor" data-testid="event-editor">
          <Text className="events__editor-title">{editor.draft.id ? '修改活动' : '新建活动'}</Text>
          <FormField label="活动名称" required error={editor.errors.name} testId="event-name">
            <Input className="form-field__input" value={editor.draft.name} maxlength={40} placeholder="如 2026 长三角投资洽谈会" onInput={(e) => editor.setField('name', e.detail.value)} {...controlLabel('活动名称（必填）')} />
          </FormField>
          <FormField label="日期" required hint="格式：2026-12-05" error={editor.errors.date} testId="event-date">
            <Input className="form-field__input" value={editor.draft.date} maxlength={10} placeholder="2026-12-05" onInput={(e) => editor.setField('date', e.detail.value)} {...controlLabel('活动日期（必填，格式 2026-12-05）')} />
          </FormField>
          <FormField label="地点" required error={editor.errors.place} testId="event-place">
            <Input className="form-field__input" value={editor.draft.place} maxlength={60} placeholder="如 云川国际会展中心 A 馆" onInput={(e) => editor.setField('place', e.detail.value)} {...controlLabel('活动地点（必填）')} />
          </FormField>
          {editor.error ? (
            <Text className="events__error" aria-live="polite" data-testid="event-save-error">
              {editor.error}
            </Text>
          ) : null}
          <View className="events__editor-actions">
            <ActionButton text="取消" tone="secondary" size="md" onClick={editor.cancel} testId="event-cancel" />
            <ActionButton text="保存" size="md" loading={editor.saving} onClick={() => void editor.save()} testId="event-save" />
          </View>
        </View>
      ) : (
        <View className="events__new">
          <ActionButton text="新建活动" block onClick={() => editor.start()} testId="event-new" />
        </View>
      )}

      {list.offline ? <OfflineNote savedAt={list.savedAt} onRetry={() => void list.reload()} /> : null}

      {list.status === 'loading' && !list.data ? (
        <ListSkeleton rows={3} />
      ) : list.status === 'error' && !list.data ? (
        <ErrorState message={list.error?.message ?? '活动没有加载出来'} onRetry={() => void list.reload()} />
      ) : items.length === 0 ? (
        <EmptyState title="还没有活动" description="新建一场活动后，即可在现场用活动模式登记咨询。" actionText="新建活动" onAction={() => editor.start()} />
      ) : (
        <View className="events__list" role="list">
          {items.map((event) => (
            <View key={event.id} className="events__item" role="listitem" data-testid="event-item">
              <Text className="events__name">{event.name}</Text>
              <Text className="events__meta">
                {event.date} · {event.place}
              </Text>
              <View className="events__item-actions">
                <ActionButton text="进入活动模式" size="md" onClick={() => openPage(ROUTES.staffEventMode, { id: event.id })} testId="event-open-mode" />
                {event.mayEdit ? <ActionButton text="修改" tone="secondary" size="md" onClick={() => editor.start(event)} testId="event-edit" /> : null}
              </View>
            </View>
          ))}
        </View>
      )}
    </View>
  );
}
