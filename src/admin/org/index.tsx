import { Input, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { UNIT_KINDS } from '../../../domain/org/unit.schema';
import { ActionButton } from '../../components/action-button';
import { ChoiceChips } from '../../components/choice-chips';
import { ErrorState } from '../../components/error-state';
import { FormField } from '../../components/form-field';
import { ListSkeleton } from '../../components/list-skeleton';
import { UNIT_KIND_LABELS } from '../admin-labels';
import { useOrg } from './use-org';
import { UnitEnglishName } from './unit-english-name';
import { EnglishFieldsGroup } from '../../components/english-fields-group';
import { PAGE_HEADING } from '../../components/a11y';
import '../admin.css';

type InputEvent = { detail: { value: string } };

export default function OrgPage() {
  const o = useOrg();
  const [unitName, setUnitName] = useState('');
  const [unitNameEn, setUnitNameEn] = useState('');
  const [kind, setKind] = useState<(typeof UNIT_KINDS)[number]>('economic_department');
  const [parent, setParent] = useState<string | null>(null);
  const [rotaDay, setRotaDay] = useState<string | null>(null);
  const { org } = o;
  if (org.status === 'error') return <View className="admin-page"><ErrorState message={org.error?.message ?? '加载失败'} onRetry={() => void org.reload()} /></View>;
  if (!org.data) return <View className="admin-page"><ListSkeleton rows={5} /></View>;
  const d = org.data;
  const names = new Map(d.staff.map((s) => [s.id, s.name]));
  const commissioners = d.staff.filter((s) => s.status === 'active' && s.roles.includes('commissioner'));
  const unitName_ = (id: string | null) => d.units.find((u) => u.id === id)?.name ?? '';

  return (
    <View className="admin-page" data-testid="admin-org" role="main">
      <Text className="admin-title" {...PAGE_HEADING}>单位</Text>
      <View className="admin-card" data-testid="unit-list">
        {d.units.map((u) => (
          <View key={u.id} className="admin-row">
            <View className="admin-row__main">
              <Text>{u.parentUnitId ? `${unitName_(u.parentUnitId)} › ` : ''}{u.name}</Text>
              <Text className="admin-note">
                {UNIT_KIND_LABELS[u.kind]} · {u.isEconomic ? '经济单位（自行承办线索）' : '非经济单位（线索转投资促进局）'}
                {u.leaderStaffId ? ` · 负责人 ${names.get(u.leaderStaffId) ?? ''}` : ''}
              </Text>
            </View>
            {d.canEditDistrict ? (
              <UnitEnglishName
                unitId={u.id}
                nameEn={u.nameEn ?? ''}
                pending={o.pending}
                onSave={async (nameEn) =>
                  Boolean(await o.saveUnit({ unitId: u.id, name: u.name, kind: u.kind, isEconomic: u.isEconomic, leaderStaffId: u.leaderStaffId, parentUnitId: u.parentUnitId, nameEn }))
                }
              />
            ) : u.nameEn ? (
              <Text className="admin-note">{u.nameEn}</Text>
            ) : null}
          </View>
        ))}
      </View>
      {d.canEditDistrict ? (
        <View className="admin-card" data-testid="unit-create">
          <FormField label="新单位名称" required>
            <Input className="admin-input" value={unitName} data-testid="unit-name-input" onInput={(e: InputEvent) => setUnitName(e.detail.value)} />
          </FormField>
          <EnglishFieldsGroup testId="unit-create-english">
            <FormField label="单位名称（英文）">
              <Input className="admin-input" value={unitNameEn} data-testid="unit-name-en-input" onInput={(e: InputEvent) => setUnitNameEn(e.detail.value)} />
            </FormField>
          </EnglishFieldsGroup>
          <FormField label="类型">
            <ChoiceChips options={UNIT_KINDS.map((k) => ({ value: k, label: UNIT_KIND_LABELS[k] }))} selected={[kind]} onToggle={(k) => setKind(k as typeof kind)} testId="unit-kind" />
          </FormField>
          <FormField label="上级单位" hint="不选则为区直属单位">
            <ChoiceChips options={d.units.map((u) => ({ value: u.id, label: u.name }))} selected={parent ? [parent] : []} onToggle={(id) => setParent(parent === id ? null : id)} testId="unit-parent" />
          </FormField>
          {o.error ? <Text className="admin-error">{o.error.message}</Text> : null}
          <ActionButton
            text="添加单位"
            testId="unit-create-submit"
            loading={o.pending}
            onClick={() =>
              void o.saveUnit({ name: unitName, kind, isEconomic: kind !== 'non_economic_department', leaderStaffId: null, parentUnitId: parent, nameEn: unitNameEn.trim() }).then((r) => {
                if (r) {
                  setUnitName('');
                  setUnitNameEn('');
                }
              })
            }
          />
        </View>
      ) : null}

      <Text className="admin-title">小组</Text>
      <View className="admin-card" data-testid="team-list">
        {d.teams.length === 0 ? <Text className="admin-note">暂无跨单位小组</Text> : null}
        {d.teams.map((t) => (
          <View key={t.id} className="admin-row">
            <View className="admin-row__main">
              <Text>{t.name}</Text>
              <Text className="admin-note">{t.memberStaffIds.map((id) => names.get(id) ?? id).join('、')}</Text>
            </View>
          </View>
        ))}
      </View>

      <Text className="admin-title">值班安排</Text>
      <Text className="admin-note">值班专员接收值班名片和待认领线索的提醒，超时线索也转给当天值班人员。</Text>
      <View className="admin-card" data-testid="rota">
        {d.rota.map((r) => (
          <View key={r.day} className="admin-row" data-testid={`rota-${r.day}`}>
            <View className="admin-row__main">
              <Text>{r.day}</Text>
              <Text className="admin-note">{r.staffName ?? '默认值班专员'}</Text>
            </View>
            {d.canEditDistrict ? (
              <Text className="admin-link" onClick={() => setRotaDay(rotaDay === r.day ? null : r.day)}>
                调整
              </Text>
            ) : null}
            {rotaDay === r.day ? (
              <ChoiceChips
                options={[{ value: '', label: '默认值班专员' }, ...commissioners.map((c) => ({ value: c.id, label: c.name }))]}
                selected={[r.staffId ?? '']}
                onToggle={(id) => {
                  setRotaDay(null);
                  void o.setRota(r.day, id || null);
                }}
                testId={`rota-choices-${r.day}`}
              />
            ) : null}
          </View>
        ))}
      </View>
    </View>
  );
}
