import { Text, View } from '@tarojs/components';
import { ActionButton } from '../../components/action-button';
import { EmptyState } from '../../components/empty-state';
import { ErrorState } from '../../components/error-state';
import { ListSkeleton } from '../../components/list-skeleton';
import { AUDIT_LABELS } from '../admin-labels';
import { useAuditLog } from './use-audit-log';
import { PAGE_HEADING, focusableRegion } from '../../components/a11y';
import '../admin.css';

const chinaTime = (iso: string) => new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
const brief = (value: unknown) => (value === null || value === undefined ? '—' : JSON.stringify(value).slice(0, 160));

export default function AuditLogPage() {
  const log = useAuditLog();
  if (log.first.status === 'loading') return <View className="admin-page"><ListSkeleton rows={6} /></View>;
  if (log.first.status === 'error') return <View className="admin-page"><ErrorState message={log.first.error?.message ?? '加载失败'} onRetry={() => void log.first.reload()} /></View>;
  if (!log.items.length) return <View className="admin-page"><EmptyState title="暂无操作记录" description="在管理页面做的每一次修改都会记录在这里。" /></View>;
  return (
    <View className="admin-page" data-testid="admin-audit" role="main" {...focusableRegion('操作记录')}>
      <Text className="visually-hidden" {...PAGE_HEADING}>
        操作记录
      </Text>
      <View className="admin-card">
        {log.items.map((e) => (
          <View key={e.id} className="admin-row" data-testid="audit-entry">
            <View className="admin-row__main">
              <Text>
                {chinaTime(e.at)} · {e.actorName || '系统'} · {AUDIT_LABELS[e.action] ?? e.action}
              </Text>
              <Text className="admin-note">修改前：{brief(e.before)}</Text>
              <Text className="admin-note">修改后：{brief(e.after)}</Text>
            </View>
          </View>
        ))}
      </View>
      {log.error ? <Text className="admin-error">{log.error.message}</Text> : null}
      {log.hasMore ? <ActionButton text="加载更多" tone="secondary" onClick={() => void log.loadMore()} block /> : null}
    </View>
  );
}
