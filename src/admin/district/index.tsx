import { Input, Text, Textarea, View } from '@tarojs/components';
import { ActionButton } from '../../components/action-button';
import { ChoiceChips } from '../../components/choice-chips';
import { ErrorState } from '../../components/error-state';
import { FormField } from '../../components/form-field';
import { ListSkeleton } from '../../components/list-skeleton';
import { imageUrl } from '../../platform/image-url';
import { DistrictPreview } from '../components/district-preview';
import { SlaForm } from '../components/sla-form';
import { PoolRulesForm } from '../components/pool-rules-form';
import { CalendarWarning } from '../components/calendar-warning';
import { ADMIN_ROUTES, openAdminPage } from '../admin-routes';
import { DEFAULT_POOL_RULES } from '../../../domain/org/pool-rules.schema';
import { toRequest } from './profile-form';
import { EnglishFieldsGroup } from '../../components/english-fields-group';
import { useDistrictProfile } from './use-district-profile';
import { PAGE_HEADING } from '../../components/a11y';
import '../admin.css';

type InputEvent = { detail: { value: string } };

export default function DistrictProfilePage() {
  const p = useDistrictProfile();
  const { resource, form } = p;
  if (resource.status === 'error') return <View className="admin-page"><ErrorState message={resource.error?.message ?? '加载失败'} onRetry={() => void resource.reload()} /></View>;
  if (!resource.data || !form) return <View className="admin-page"><ListSkeleton rows={5} /></View>;
  const canEdit = resource.data.canEdit;
  const req = toRequest(form);
  const text = (key: 'name' | 'slogan' | 'vacancyConfirmDays' | 'nameEn' | 'sloganEn', label: string, testId: string, hint?: string) => (
    <FormField label={label} required={!key.endsWith('En')} error={p.fieldErrors[key]} hint={hint} testId={`field-${testId}`}>
      <Input className="admin-input" value={form[key]} disabled={!canEdit} data-testid={`${testId}-input`} onInput={(e: InputEvent) => p.change({ [key]: e.detail.value })} />
    </FormField>
  );
  const area = (key: 'intro' | 'industries' | 'figures' | 'policies' | 'introEn' | 'industriesEn' | 'figuresEn' | 'policiesEn', label: string, testId: string, hint: string) => (
    <FormField label={label} required={key === 'intro'} error={p.fieldErrors[key]} hint={hint} testId={`field-${testId}`}>
      <Textarea className="admin-input admin-textarea" value={form[key]} maxlength={-1} disabled={!canEdit} data-testid={`${testId}-input`} onInput={(e: InputEvent) => p.change({ [key]: e.detail.value })} />
    </FormField>
  );
  return (
    <View className="admin-page" data-testid="admin-district" role="main">
      <Text className="admin-title" {...PAGE_HEADING}>区域介绍</Text>
      {!canEdit ? <Text className="admin-note">只读：仅本区管理员可以修改</Text> : null}
      {p.restored ? (
        <View className="admin-card" data-testid="draft-restored">
          <Text className="admin-note">已恢复上次未保存的修改。</Text>
          <ActionButton text="放弃草稿" tone="plain" size="sm" onClick={p.discardDraft} />
        </View>
      ) : null}
      <View className="admin-split">
        <View className="admin-card">
          {text('name', '区域名称', 'name')}
          {text('slogan', '口号', 'slogan')}
          {area('intro', '区域介绍', 'intro', '名片上展示的介绍，最多 1000 字')}
          {area('industries', '重点产业', 'industries', '每行一个，最多 12 个')}
          {area('figures', '核心数据', 'figures', '每行一项，如「可招商面积：112 万㎡」，最多 6 项')}
          {area('policies', '政策亮点', 'policies', '每行一条，「标题｜简介」，最多 8 条')}
          <EnglishFieldsGroup defaultOpen={Boolean(form.nameEn || form.sloganEn || form.introEn || form.industriesEn || form.figuresEn || form.policiesEn)}>
            {text('nameEn', '区域名称（英文）', 'name-en')}
            {text('sloganEn', '口号（英文）', 'slogan-en')}
            {area('introEn', '区域介绍（英文）', 'intro-en', '最多 2000 个字符')}
            {area('industriesEn', '重点产业（英文）', 'industries-en', '与上面的重点产业逐行对应；某行留空则显示中文')}
            {area('figuresEn', '核心数据（英文）', 'figures-en', '逐行对应，「名称: 数值」，如「Space available: 1.12 million m²」')}
            {area('policiesEn', '政策亮点（英文）', 'policies-en', '逐行对应，「标题 | 简介」')}
          </EnglishFieldsGroup>
          {text('vacancyConfirmDays', '空置面积核实周期（天）', 'cycle', '到期后提醒载体管理人确认空置面积')}
          <FormField label="默认名片" hint="扫码或打开链接未指定名片时展示" testId="field-default-card">
            <ChoiceChips
              options={resource.data.cards.map((c) => ({ value: c.cardId, label: `${c.ownerName} · ${c.ownerTitle}` }))}
              selected={form.defaultCardId ? [form.defaultCardId] : []}
              onToggle={(value) => canEdit && p.change({ defaultCardId: value })}
              block
            />
          </FormField>
          {p.saveError ? <Text className="admin-error" data-testid="save-error">{p.saveError.message}</Text> : null}
          {p.savedAt ? <Text className="admin-success" data-testid="saved">已保存，名片已更新</Text> : null}
          {canEdit ? (
            <View className="admin-actions">
              <ActionButton text={p.saving ? '保存中…' : '保存'} loading={p.saving} muted={Object.keys(p.fieldErrors).length > 0} onClick={() => void p.submit()} testId="save-district" block />
            </View>
          ) : null}
        </View>
        <View className="admin-split__aside">
          <CalendarWarning years={resource.data.calendarMissingYears} onFill={(year) => openAdminPage(ADMIN_ROUTES.calendar, { year: String(year), ...(p.districtId ? { districtId: p.districtId } : {}) })} />
          <SlaForm value={resource.data.sla} canEdit={canEdit} pending={p.sla.pending} error={p.sla.error} saved={p.sla.saved} onSave={(v) => void p.sla.save(v)} />
          <PoolRulesForm value={resource.data.poolRules ?? DEFAULT_POOL_RULES} canEdit={canEdit} pending={p.pool.pending} error={p.pool.error} saved={p.pool.saved} onSave={(v) => void p.pool.save(v)} />
          <DistrictPreview name={req.name} slogan={req.slogan} intro={req.intro} industries={req.keyIndustries} figures={req.headlineFigures} policies={req.policies.map((x) => x.title)} coverImage={imageUrl(form.coverImage)} />
        </View>
      </View>
    </View>
  );
}
