import { Input, Text, View } from '@tarojs/components';
import { EFFICACY_FLOOR, EFFICACY_SPAN, type ArenaWeights } from '../../../domain/ranking/arena-weights.schema';
import { controlLabel } from '../../components/a11y';
import { ActionButton } from '../../components/action-button';
import { SectionBlock } from '../../components/section-block';
import { Segmented } from '../../components/segmented';
import { WEIGHT_FIELDS, type WeightField, type WeightsDraft } from './use-weights';

export interface WeightsPanelProps {
  weights: ArenaWeights;
  custom: boolean;
  canEdit: boolean;
  draft: WeightsDraft | null;
  saving: boolean;
  error: string | null;
  onEdit: () => void;
  onCancel: () => void;
  onChange: <K extends WeightField | 'efficacyCoefficient'>(key: K, value: WeightsDraft[K]) => void;
  onSave: () => void;
}

const GROUPS = [
  { key: 'stage', title: '确认阶段分值' },
  { key: 'tier', title: '投资额档位系数' },
  { key: 'other', title: '响应、扣分与锁定' },
] as const;

const EFFICACY = [
  { key: 'off', label: '按原始分排名' },
  { key: 'on', label: '功效系数法' },
] as const;

/** The rules in one sentence, as everyone reads them above the board. */
export const weightsSummary = (w: ArenaWeights): string =>
  `签约 ${w.stagePoints.signed} 分、落地 ${w.stagePoints.landed} 分、实地考察 ${w.stagePoints.visited} 分，按投资额档位 ×${Object.values(w.tierMultiplier).join('/×')}；按时响应满分 ${w.promiseKeptPoints} 分；报送后判定无效每条扣 ${w.invalidAfterReportPenalty} 分` +
  `${w.efficacyCoefficient ? `；按功效系数法折算（${w.efficacyFloor ?? EFFICACY_FLOOR} + ${w.efficacySpan ?? EFFICACY_SPAN} × 相对位置）` : ''}；期末后第 ${w.lockAfterWorkingDays} 个工作日结束时锁定。`;

/** 计分规则: the sum anyone can check, and (for the district admin) the form that sets every part of it. */
export function WeightsPanel({ weights, custom, canEdit, draft, saving, error, onEdit, onCancel, onChange, onSave }: WeightsPanelProps) {
  const input = (f: (typeof WEIGHT_FIELDS)[number], d: WeightsDraft) => (
    <View key={f.key} className="arena__item">
      <Text className="arena__item-label">{f.label}</Text>
      <Input className="arena__weight-input" type="digit" value={d[f.key]} maxlength={8} data-testid={`weight-${f.key}`} {...controlLabel(f.label)} onInput={(e) => onChange(f.key, e.detail.value)} />
    </View>
  );
  return (
    <SectionBlock title="计分规则" extra={custom ? '本区设置' : '默认方案'} testId="arena-weights">
      <Text className="arena__note" data-testid="weights-summary">
        {weightsSummary(weights)}
      </Text>
      {canEdit && !draft ? (
        <View className="arena__actions">
          <ActionButton text="修改计分规则" size="sm" tone="secondary" onClick={onEdit} testId="edit-weights" />
        </View>
      ) : null}
      {canEdit && draft ? (
        <View data-testid="weights-form">
          {GROUPS.map((g) => (
            <View key={g.key}>
              <Text className="arena__group">{g.title}</Text>
              {WEIGHT_FIELDS.filter((f) => f.group === g.key).map((f) => input(f, draft))}
            </View>
          ))}
          <Text className="arena__group">排名方式</Text>
          <Segmented options={EFFICACY} active={draft.efficacyCoefficient ? 'on' : 'off'} onChange={(k) => onChange('efficacyCoefficient', k === 'on')} testId="weight-efficacy" />
          {draft.efficacyCoefficient ? (
            <View>
              <Text className="arena__note">功效系数法：最低的单位得基础分，最高的得基础分 + 分差，其余按原始分的相对位置折算，小单位不会被拉开太远。</Text>
              {WEIGHT_FIELDS.filter((f) => f.group === 'efficacy').map((f) => input(f, draft))}
            </View>
          ) : null}
          {error ? (
            <Text className="arena__error" data-testid="weights-error">
              {error}
            </Text>
          ) : null}
          <View className="arena__actions">
            <ActionButton text="取消" size="sm" tone="secondary" onClick={onCancel} testId="cancel-weights" />
            <ActionButton text="保存" size="sm" loading={saving} onClick={onSave} testId="save-weights" />
          </View>
        </View>
      ) : null}
    </SectionBlock>
  );
}
