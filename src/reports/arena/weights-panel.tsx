import { Input, Text, View } from '@tarojs/components';
import type { ArenaWeights } from '../../../domain/ranking/arena-weights.schema';
import { controlLabel } from '../../components/a11y';
import { ActionButton } from '../../components/action-button';
import { SectionBlock } from '../../components/section-block';
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
  onChange: (key: WeightField, value: string) => void;
  onSave: () => void;
}

/** 计分规则: the sum anyone can check, and (for the district admin) the form that sets it. */
export function WeightsPanel({ weights, custom, canEdit, draft, saving, error, onEdit, onCancel, onChange, onSave }: WeightsPanelProps) {
  const w = weights;
  return (
    <SectionBlock title="计分规则" extra={custom ? '本区设置' : '默认方案'} testId="arena-weights">
      <Text className="arena__note" data-testid="weights-summary">
        {`签约 ${w.stagePoints.signed} 分、落地 ${w.stagePoints.landed} 分、实地考察 ${w.stagePoints.visited} 分，按投资额档位 ×${Object.values(w.tierMultiplier).join('/×')}；按时响应满分 ${w.promiseKeptPoints} 分；报送后判定无效每条扣 ${w.invalidAfterReportPenalty} 分${w.efficacyCoefficient ? '；按功效系数法折算' : ''}。`}
      </Text>
      {canEdit && !draft ? (
        <View className="arena__actions">
          <ActionButton text="修改计分规则" size="sm" tone="secondary" onClick={onEdit} testId="edit-weights" />
        </View>
      ) : null}
      {canEdit && draft ? (
        <View data-testid="weights-form">
          {WEIGHT_FIELDS.map((f) => (
            <View key={f.key} className="arena__item">
              <Text className="arena__item-label">{f.label}</Text>
              <Input className="arena__weight-input" type="digit" value={draft[f.key]} maxlength={8} data-testid={`weight-${f.key}`} {...controlLabel(f.label)} onInput={(e) => onChange(f.key, e.detail.value)} />
            </View>
          ))}
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
