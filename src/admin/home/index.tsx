import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { EmptyState } from '../../components/empty-state';
import { ErrorState } from '../../components/error-state';
import { ListSkeleton } from '../../components/list-skeleton';
import { ADMIN_ROUTES, openAdminPage } from '../admin-routes';
import type { Route } from '../../routes';
import { useAdminHome } from './use-admin-home';
import { CalendarWarning } from '../components/calendar-warning';
import { PAGE_HEADING, tappable } from '../../components/a11y';
import '../admin.css';

const SCOPE_TEXT: Record<string, string> = {
  district: '本区管理员：可维护本区全部内容',
  unit: '单位负责人：可管理本单位人员与载体',
  city: '市级管理员：可查看各区，不能修改',
  carriers: '载体管理人：可维护您负责的载体',
};

export default function AdminHomePage() {
  const [districtId, setDistrictId] = useState<string | undefined>(undefined);
  const home = useAdminHome(districtId);
  if (home.status === 'loading') return <View className="admin-page"><ListSkeleton rows={4} /></View>;
  if (home.status === 'error' || !home.data) {
    if (home.error?.code === 'AUTH.FORBIDDEN' || home.error?.code === 'AUTH.SIGN_IN_REQUIRED' || home.error?.code === 'AUTH.STAFF_REVOKED') {
      return (
        <View className="admin-page" data-testid="admin-forbidden">
          <EmptyState title="管理功能仅限管理员和单位负责人" description={home.error.message} />
        </View>
      );
    }
    return <View className="admin-page"><ErrorState message={home.error?.message ?? '加载失败'} onRetry={() => void home.reload()} /></View>;
  }
  const d = home.data;
  const params = districtId ? { districtId } : undefined;
  const entries: Array<{ key: string; title: string; note: string; path: Route; show: boolean }> = [
    { key: 'district', title: '区域介绍', note: '名称、口号、介绍、产业、数据、政策', path: ADMIN_ROUTES.district, show: d.scope !== 'carriers' },
    { key: 'org', title: '单位、小组与值班', note: `${d.counts.units} 个单位`, path: ADMIN_ROUTES.org, show: d.scope !== 'carriers' },
    { key: 'staff', title: '人员与邀请码', note: `${d.counts.staff} 人在岗 · ${d.counts.invited} 人待绑定`, path: ADMIN_ROUTES.staff, show: d.scope !== 'carriers' },
    { key: 'carriers', title: '载体', note: d.counts.vacancyDue ? `${d.counts.carriers} 个 · ${d.counts.vacancyDue} 个空置面积待核实` : `${d.counts.carriers} 个`, path: ADMIN_ROUTES.carriers, show: true },
    { key: 'calendar', title: '工作日历', note: d.calendarMissingYears.length ? `${d.calendarMissingYears.join('、')} 年尚未录入` : '节假日与调休，响应时限按它计时', path: ADMIN_ROUTES.calendar, show: d.scope === 'district' || d.scope === 'city' },
    { key: 'audit', title: '操作记录', note: '谁在何时改了什么', path: ADMIN_ROUTES.audit, show: d.canWriteDistrict },
    { key: 'privacy', title: '个人信息请求', note: '投资者撤回同意、要求删除信息', path: ADMIN_ROUTES.privacy, show: d.canWriteDistrict },
  ];
  return (
    <View className="admin-page" data-testid="admin-home" role="main">
      <Text className="admin-title" {...PAGE_HEADING}>{d.district.name}</Text>
      <Text className="admin-note">{SCOPE_TEXT[d.scope]}</Text>
      {d.districts.length > 1 ? (
        <View className="admin-actions" data-testid="admin-district-switch">
          {d.districts.map((x) => (
            <Text key={x.id} className={x.id === d.district.id ? 'admin-badge admin-badge--warn' : 'admin-link'} onClick={() => setDistrictId(x.id)}>
              {x.name}
            </Text>
          ))}
        </View>
      ) : null}
      {d.scope === 'district' || d.scope === 'city' ? (
        <CalendarWarning years={d.calendarMissingYears} onFill={(year) => openAdminPage(ADMIN_ROUTES.calendar, { ...params, year: String(year) })} />
      ) : null}
      <View className="admin-card">
        {entries
          .filter((e) => e.show)
          .map((e) => (
            <View key={e.key} className="admin-row" data-testid={`admin-entry-${e.key}`} onClick={() => openAdminPage(e.path, params)} {...tappable({ role: 'link' })}>
              <View className="admin-row__main">
                <Text className="admin-link">{e.title}</Text>
                <Text className="admin-note">{e.note}</Text>
              </View>
            </View>
          ))}
      </View>
    </View>
  );
}
