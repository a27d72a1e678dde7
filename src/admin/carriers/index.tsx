import { Canvas, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { ActionButton } from '../../components/action-button';
import { EmptyState } from '../../components/empty-state';
import { ErrorState } from '../../components/error-state';
import { ListSkeleton } from '../../components/list-skeleton';
import { ADMIN_ROUTES, openAdminPage } from '../admin-routes';
import { CarrierTable } from '../components/carrier-table';
import { useAdminCarriers } from './use-admin-carriers';
import { BACKLOG_CANVAS_ID, pickShareImageBacklog, useShareImageBacklog } from './use-share-image-backlog';
import { PAGE_HEADING } from '../../components/a11y';
import '../admin.css';

export default function AdminCarriersPage() {
  const c = useAdminCarriers();
  const [link, setLink] = useState<{ webUrl: string; delivery: 'manager' | 'forward' } | null>(null);
  const { list } = c;
  const toDraw = pickShareImageBacklog(list.data?.items ?? []);
  const backlog = useShareImageBacklog(toDraw.ids);
  if (list.status === 'error') return <View className="admin-page"><ErrorState message={list.error?.message ?? '加载失败'} onRetry={() => void list.reload()} /></View>;
  if (!list.data) return <View className="admin-page"><ListSkeleton rows={6} /></View>;
  const d = list.data;
  const now = new Date();
  const remind = async (id: string) => {
    const r = await c.remind(id);
    if (r) setLink({ webUrl: r.webUrl, delivery: r.delivery });
  };
  return (
    <View className="admin-page" data-testid="admin-carriers" role="main">
      <Text className="visually-hidden" {...PAGE_HEADING}>
        载体管理
      </Text>
      <View className="admin-actions">
        <ActionButton text="新建载体" onClick={() => openAdminPage(ADMIN_ROUTES.carrierEdit)} testId="carrier-new" />
        <ActionButton text="从表格导入" tone="secondary" onClick={() => openAdminPage(ADMIN_ROUTES.carrierImport)} testId="carrier-import" />
      </View>
      {d.managers.some((m) => m.due > 0) ? (
        <View className="admin-card" data-testid="manager-stats">
          <Text className="admin-note">各管理人待核实（到期未确认空置面积）：</Text>
          {d.managers.map((m) => (
            <Text key={`${m.staffId ?? ''}:${m.managerName}`} className="admin-note">
              {m.managerName}：{m.due} 个{m.medianConfirmDays !== null ? ` · 中位确认用时 ${m.medianConfirmDays} 天` : ''}
            </Text>
          ))}
        </View>
      ) : null}
      {link ? (
        <View className="admin-card" data-testid="remind-result">
          <Text>{link.delivery === 'manager' ? '已通过微信提醒管理人。' : '该载体由外部管理人负责，请把下面的链接发给他：'}</Text>
          <Text className="admin-note" data-testid="remind-link" userSelect>
            {link.webUrl}
          </Text>
          <ActionButton text="复制链接" tone="secondary" size="sm" onClick={() => void Taro.setClipboardData({ data: link.webUrl }).catch(() => undefined)} />
        </View>
      ) : null}
      {c.error ? <Text className="admin-error">{c.error.message}</Text> : null}
      {d.items.length === 0 ? <EmptyState title="还没有载体" description="新建第一个载体后，投资者即可在名片上看到。" actionText="新建载体" onAction={() => openAdminPage(ADMIN_ROUTES.carrierEdit)} /> : null}
      <CarrierTable rows={d.items} now={now} onEdit={(id) => openAdminPage(ADMIN_ROUTES.carrierEdit, { carrierId: id })} onRemind={(id) => void remind(id)} onToggleListed={(id, listed) => void c.setListed(id, listed)} />
      {d.withdrawn.length ? (
        <>
          <Text className="admin-title">已下架</Text>
          <CarrierTable rows={d.withdrawn} now={now} onEdit={(id) => openAdminPage(ADMIN_ROUTES.carrierEdit, { carrierId: id })} onRemind={() => undefined} onToggleListed={(id, listed) => void c.setListed(id, listed)} />
        </>
      ) : null}
      {/* At the end: a note appearing above the table would move the rows under a finger. */}
      {backlog.status === 'drawing' ? (
        <Text className="admin-note" data-testid="share-image-backlog" aria-live="polite">
          正在为 {backlog.left} 个载体按最新内容生成转发和朋友圈分享图…
        </Text>
      ) : null}
      {backlog.status !== 'drawing' && toDraw.waiting > toDraw.ids.length ? (
        <Text className="admin-note" data-testid="share-image-backlog-left">
          还有 {toDraw.waiting - (backlog.status === 'done' ? toDraw.ids.length : 0)} 个载体的分享图待生成，之后每次打开本页会继续生成，打开载体编辑页也会生成。
        </Text>
      ) : null}
      {process.env.TARO_ENV === 'weapp' && toDraw.ids.length ? <Canvas type="2d" id={BACKLOG_CANVAS_ID} className="admin-share-canvas" aria-hidden="true" style={{ width: '500px', height: '400px' }} /> : null}
    </View>
  );
}
