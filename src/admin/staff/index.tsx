import { Input, Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { StaffRole } from '../../../domain/org/staff.schema';
import { ActionButton } from '../../components/action-button';
import { ChoiceChips } from '../../components/choice-chips';
import { EnglishFieldsGroup } from '../../components/english-fields-group';
import { ErrorState } from '../../components/error-state';
import { FormField } from '../../components/form-field';
import { ListSkeleton } from '../../components/list-skeleton';
import { ROLE_LABELS, STATUS_LABELS } from '../admin-labels';
import { ADMIN_ROUTES, openAdminPage } from '../admin-routes';
import { HandoverPanel, type HandoverPanelItem } from '../components/handover-panel';
import { useOrg } from '../org/use-org';
import { PAGE_HEADING } from '../../components/a11y';
import { InviteIssued, type IssuedInvite } from './invite-issued';
import { RevokePanel } from './revoke-panel';
import { StaffEnglishName } from './staff-english-name';
import '../admin.css';

type InputEvent = { detail: { value: string } };

const formatDay = (iso: string) => iso.slice(0, 10);

export default function StaffPage() {
  const o = useOrg();
  const [form, setForm] = useState({ name: '', title: '', nameEn: '', titleEn: '', phone: '', unitId: '', roles: ['staff', 'commissioner'] as StaffRole[] });
  const [issued, setIssued] = useState<IssuedInvite | null>(null);
  const [revoking, setRevoking] = useState<string | null>(null);
  const [handover, setHandover] = useState<{ staffId: string; handoverId: string | null; running: boolean; items: HandoverPanelItem[] } | null>(null);
  const { org } = o;
  if (org.status === 'error') return <View className="admin-page"><ErrorState message={org.error?.message ?? '加载失败'} onRetry={() => void org.reload()} /></View>;
  if (!org.data) return <View className="admin-page"><ListSkeleton rows={5} /></View>;
  const d = org.data;
  const units = d.units.filter((u) => d.manageableUnitIds.includes(u.id));
  const unitId = form.unitId || units[0]?.id || '';
  const unitName = (id: string) => d.units.find((u) => u.id === id)?.name ?? '';
  const toggleRole = (r: string) => setForm((f) => ({ ...f, roles: f.roles.includes(r as StaffRole) ? f.roles.filter((x) => x !== r) : [...f.roles, r as StaffRole] }));

  return (
    <View className="admin-page" data-testid="admin-staff" role="main">
      <Text className="visually-hidden" {...PAGE_HEADING}>
        人员管理
      </Text>
      {units.length ? (
        <View className="admin-actions">
          <ActionButton text="从表格导入人员" tone="secondary" size="sm" onClick={() => openAdminPage(ADMIN_ROUTES.staffImport)} testId="staff-import-entry" />
        </View>
      ) : null}
      {units.length ? (
        <View className="admin-card" data-testid="staff-create">
          <Text className="admin-title">添加人员</Text>
          <FormField label="姓名" required>
            <Input className="admin-input" value={form.name} data-testid="staff-name-input" onInput={(e: InputEvent) => setForm({ ...form, name: e.detail.value })} />
          </FormField>
          <FormField label="职务" required>
            <Input className="admin-input" value={form.title} data-testid="staff-title-input" onInput={(e: InputEvent) => setForm({ ...form, title: e.detail.value })} />
          </FormField>
          <EnglishFieldsGroup testId="staff-create-english">
            <FormField label="姓名（英文）" hint="外国投资者在英文页面看到的姓名，如 Zhou Ruolan">
              <Input className="admin-input" value={form.nameEn} data-testid="staff-name-en-input" onInput={(e: InputEvent) => setForm({ ...form, nameEn: e.detail.value })} />
            </FormField>
            <FormField label="职务（英文）">
              <Input className="admin-input" value={form.titleEn} data-testid="staff-title-en-input" onInput={(e: InputEvent) => setForm({ ...form, titleEn: e.detail.value })} />
            </FormField>
          </EnglishFieldsGroup>
          <FormField label="手机号" required>
            <Input className="admin-input" type="number" value={form.phone} data-testid="staff-phone-input" onInput={(e: InputEvent) => setForm({ ...form, phone: e.detail.value })} />
          </FormField>
          <FormField label="单位" required>
            <ChoiceChips options={units.map((u) => ({ value: u.id, label: u.name }))} selected={[unitId]} onToggle={(id) => setForm({ ...form, unitId: id })} testId="staff-unit" />
          </FormField>
          <FormField label="角色" required>
            <ChoiceChips options={d.grantableRoles.map((r) => ({ value: r, label: ROLE_LABELS[r] ?? r }))} selected={form.roles} onToggle={toggleRole} testId="staff-roles" />
          </FormField>
          {o.error ? <Text className="admin-error" data-testid="staff-error">{o.error.message}</Text> : null}
          <ActionButton
            text="创建并生成邀请码"
            testId="staff-create-submit"
            loading={o.pending}
            onClick={() =>
              void o
                .createStaff({
                  name: form.name,
                  title: form.title,
                  phone: form.phone,
                  unitId,
                  roles: form.roles,
                  ...(form.nameEn.trim() ? { nameEn: form.nameEn.trim() } : {}),
                  ...(form.titleEn.trim() ? { titleEn: form.titleEn.trim() } : {}),
                })
                .then((r) => {
                  if (!r) return;
                  setIssued({ name: form.name, code: r.inviteCode, expiresAt: r.inviteExpiresAt });
                  setForm({ ...form, name: '', title: '', nameEn: '', titleEn: '', phone: '' });
              })
            }
            block
          />
          {issued && !issued.staffId ? <InviteIssued invite={issued} /> : null}
        </View>
      ) : null}

      <Text className="admin-title">人员</Text>
      <View className="admin-card" data-testid="staff-list">
        {d.staff.map((s) => {
          const mine = d.manageableUnitIds.includes(s.unitId);
          return (
            <View key={s.id} className="admin-row" data-testid={`staff-${s.id}`}>
              <View className="admin-row__main">
                <Text>
                  {s.name} · {s.title}
                </Text>
                <Text className="admin-note">
                  {unitName(s.unitId)} · {s.roles.map((r) => ROLE_LABELS[r] ?? r).join('、')}
                </Text>
                {s.invitePending ? (
                  <Text className={s.inviteExpired ? 'admin-badge admin-badge--warn' : 'admin-badge'} data-testid={`invite-state-${s.id}`}>
                    邀请码已发出 · {s.inviteExpired ? '已过期' : `有效至 ${formatDay(s.inviteExpiresAt ?? '')}`}
                  </Text>
                ) : null}
              </View>
              <Text className={s.status === 'active' ? 'admin-badge' : 'admin-badge admin-badge--warn'}>{STATUS_LABELS[s.status] ?? s.status}</Text>
              {mine && s.status !== 'revoked' ? (
                <StaffEnglishName
                  key={`${s.nameEn ?? ''}|${s.titleEn ?? ''}`}
                  staffId={s.id}
                  nameEn={s.nameEn ?? ''}
                  titleEn={s.titleEn ?? ''}
                  pending={o.pending}
                  onSave={async (english) => Boolean(await o.setEnglish({ staffId: s.id, ...english }))}
                />
              ) : null}
              {mine && s.status === 'invited' ? (
                <View className="admin-actions">
                  <ActionButton
                    text="重发邀请码"
                    tone="secondary"
                    size="sm"
                    onClick={() =>
                      void o.invite(s.id, 'reissue').then((r) => {
                        if (r?.inviteCode && r.inviteExpiresAt) setIssued({ name: s.name, code: r.inviteCode, expiresAt: r.inviteExpiresAt, staffId: s.id });
                      })
                    }
                    testId={`reissue-${s.id}`}
                  />
                  {s.invitePending ? (
                    <ActionButton
                      text="作废邀请码"
                      tone="plain"
                      size="sm"
                      onClick={() =>
                        void o.invite(s.id, 'revoke').then((r) => {
                          if (r && issued?.staffId === s.id) setIssued(null);
                        })
                      }
                    />
                  ) : null}
                </View>
              ) : null}
              {issued?.staffId === s.id ? <InviteIssued invite={issued} /> : null}
              {mine && s.status === 'active' ? (
                <ActionButton
                  text="交接工作"
                  tone="secondary"
                  size="sm"
                  testId={`handover-${s.id}`}
                  onClick={() =>
                    void o.handoverPreview(s.id).then((r) => {
                      if (r) setHandover({ staffId: s.id, handoverId: null, running: false, items: r.items });
                    })
                  }
                />
              ) : null}
              {handover?.staffId === s.id ? (
                <HandoverPanel
                  personName={s.name}
                  items={handover.items}
                  successors={d.staff.filter((x) => x.status === 'active' && x.id !== s.id).map((x) => ({ id: x.id, name: x.name }))}
                  running={handover.running}
                  pending={o.pending}
                  onStart={(to) =>
                    void o.handoverStart(s.id, to).then((r) => {
                      if (r) setHandover({ staffId: s.id, handoverId: r.handoverId, running: r.status === 'running', items: r.items });
                    })
                  }
                  onResume={() =>
                    handover.handoverId &&
                    void o.handoverResume(handover.handoverId).then((r) => {
                      if (r) setHandover({ staffId: s.id, handoverId: r.handoverId, running: r.status === 'running', items: r.items });
                    })
                  }
                />
              ) : null}
              {mine && s.status === 'active' ? (
                <ActionButton text="停用账号" tone="danger" size="sm" testId={`revoke-${s.id}`} onClick={() => setRevoking(s.id)} />
              ) : null}
              {revoking === s.id ? (
                <RevokePanel
                  personName={s.name}
                  successors={d.staff.filter((x) => x.status === 'active' && x.id !== s.id).map((x) => ({ id: x.id, name: x.name }))}
                  pending={o.pending}
                  error={o.error?.message}
                  onConfirm={(to) =>
                    void o.revoke(s.id, to).then((r) => {
                      if (r) setRevoking(null);
                    })
                  }
                  onCancel={() => setRevoking(null)}
                />
              ) : null}
            </View>
          );
        })}
      </View>
    </View>
  );
}
