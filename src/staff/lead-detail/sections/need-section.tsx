import { CARRIER_TYPE_LABELS, CARRIER_TYPES, type CarrierType } from '../../../../domain/carrier/carrier.schema';
import { formatArea } from '../../../format/format';
import type { LeadDetail } from '../use-lead-detail';
import { Row, Section } from './section';

const carrierTypeLabel = (t: string | null): string | null => (t && (CARRIER_TYPES as readonly string[]).includes(t) ? CARRIER_TYPE_LABELS[t as CarrierType] : t);

const areaText = ({ areaMin, areaMax }: LeadDetail['need']): string | null => {
  if (areaMin === null && areaMax === null) return null;
  if (areaMin !== null && areaMax !== null) return areaMin === areaMax ? formatArea(areaMin) : `${formatArea(areaMin)} – ${formatArea(areaMax)}`;
  return areaMin !== null ? `${formatArea(areaMin)} 以上` : `${formatArea(areaMax as number)} 以内`;
};

/** 投资需求: what the investor asked for, as they stated it. */
export function NeedSection({ lead, need }: { lead: LeadDetail['lead']; need: LeadDetail['need'] }) {
  return (
    <Section title="投资需求" testId="need-section">
      <Row label="意向行业" value={lead.industry} />
      <Row label="投资规模" value={lead.scale} />
      <Row label="载体类型" value={carrierTypeLabel(need.carrierType)} />
      <Row label="面积需求" value={areaText(need)} />
      <Row label="计划时间" value={need.timing} />
      <Row label="咨询载体" value={lead.carrierName} />
    </Section>
  );
}
