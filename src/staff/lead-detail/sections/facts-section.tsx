import { Input, Text, View } from '@tarojs/components';
import type { LeadFacts } from '../../../../domain/lead/lead-facts.schema';
import { controlLabel } from '../../../components/a11y';
import { ActionButton } from '../../../components/action-button';
import { FormField } from '../../../components/form-field';
import { tierLabelOf, type LeadFactsEditor } from '../use-lead-facts';
import { Row, Section } from './section';

export interface FactsSectionProps {
  facts: LeadFacts | null;
  canEdit: boolean;
  /** A sheet is open: WeChat draws inputs above it, so the form's inputs step aside. */
  hideInputs: boolean;
  editor: Omit<LeadFactsEditor, 'save' | 'open' | 'cancel' | 'set'>;
  onEdit: () => void;
  onCancel: () => void;
  onChange: (field: keyof NonNullable<LeadFactsEditor['draft']>, value: string) => void;
  onSave: () => void;
}

const originText = (f: LeadFacts): string | null => (f.originRegion ? `${f.originRegion}（据信用代码登记地）` : f.originCity ? `${f.originCity}（投资者所述）` : null);
const amountText = (f: LeadFacts): string | null => (f.investmentWan === null ? null : `${f.investmentWan.toLocaleString('zh-CN')} 万元（${tierLabelOf(f.investmentWan) ?? '未分档'}）`);

/** 项目信息: the company facts the numbers count by (首报, tiers, origin), and the handler's form to complete them. */
export function FactsSection({ facts, canEdit, hideInputs, editor, onEdit, onCancel, onChange, onSave }: FactsSectionProps) {
  const draft = editor.draft;
  return (
    <Section
      title="项目信息"
      testId="facts-section"
      extra={canEdit && !draft ? <ActionButton text={facts ? '修改' : '补充'} size="sm" tone="secondary" onClick={onEdit} testId="edit-facts" /> : undefined}
    >
      {editor.warnings.map((w) => (
        <Text key={w} className="lead-detail__warning" data-testid="facts-warning" aria-live="polite">
          {w}
        </Text>
      ))}
      {draft && !hideInputs ? (
        <View data-testid="facts-form">
          <FormField
            label="统一社会信用代码"
            testId="facts-credit-code"
            error={editor.creditCode.kind === 'malformed' ? editor.creditCode.message : undefined}
            hint={
              editor.creditCode.kind === 'checksum' ? (
                <Text className="lead-detail__warning-inline" data-testid="credit-code-warning">
                  {editor.creditCode.message}
                </Text>
              ) : editor.creditCode.kind === 'ok' ? (
                <Text data-testid="credit-code-ok">{editor.creditCode.message}</Text>
              ) : (
                '18 位，见营业执照；用于识别同一企业（首报）和来源地'
              )
            }
          >
            <Input className="lead-detail__reason" value={draft.creditCode} maxlength={30} data-testid="facts-credit-code-input" {...controlLabel('统一社会信用代码')} onInput={(e) => onChange('creditCode', e.detail.value)} />
          </FormField>
          <FormField label="企业名称" testId="facts-company" hint="以营业执照为准">
            <Input className="lead-detail__reason" value={draft.companyName} maxlength={60} data-testid="facts-company-input" {...controlLabel('企业名称')} onInput={(e) => onChange('companyName', e.detail.value)} />
          </FormField>
          <FormField label="计划投资额（万元）" testId="facts-amount" error={editor.amountError ?? undefined} hint={editor.tierLabel ? <Text data-testid="facts-tier">档位：{editor.tierLabel}</Text> : '填写后按档位计入擂台赛'}>
            <Input className="lead-detail__reason" type="digit" value={draft.investmentWan} maxlength={12} data-testid="facts-amount-input" {...controlLabel('计划投资额（万元）')} onInput={(e) => onChange('investmentWan', e.detail.value)} />
          </FormField>
          <FormField label="来源城市" testId="facts-city" hint="有信用代码时按代码中的登记地统计">
            <Input className="lead-detail__reason" value={draft.originCity} maxlength={20} data-testid="facts-city-input" {...controlLabel('来源城市')} onInput={(e) => onChange('originCity', e.detail.value)} />
          </FormField>
          {editor.error ? (
            <Text className="lead-detail__error" data-testid="facts-error">
              {editor.error}
            </Text>
          ) : null}
          <View className="lead-detail__composer-actions lead-detail__form-actions">
            <ActionButton text="取消" size="md" tone="secondary" onClick={onCancel} testId="cancel-facts" />
            <ActionButton text="保存项目信息" size="md" loading={editor.saving} onClick={onSave} testId="save-facts" />
          </View>
        </View>
      ) : facts ? (
        <>
          <Row label="信用代码" value={facts.creditCode ? `${facts.creditCode}${facts.creditCodeChecksumOk === false ? '（校验位不符，请核对）' : ''}` : null} testId="facts-credit-code-row" />
          <Row label="企业名称" value={facts.companyName} />
          <Row label="计划投资" value={amountText(facts)} testId="facts-amount-row" />
          <Row label="来源地" value={originText(facts)} testId="facts-origin-row" />
          <Row label="来源活动" value={facts.eventId} />
        </>
      ) : (
        <Text className="lead-detail__meta" data-testid="facts-empty">
          {canEdit ? '尚未补充。统一社会信用代码和计划投资额用于识别同一企业、按档位统计和擂台赛计分。' : '承办人尚未补充项目信息。'}
        </Text>
      )}
    </Section>
  );
}
