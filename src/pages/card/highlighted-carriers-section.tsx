import { Text, View } from '@tarojs/components';
import type { CarrierSummary } from '../../../domain/api/views.schema';
import { freshness } from '../../../domain/carrier/carrier.rules';
import { CarrierSummaryCard } from '../../components/carrier-summary-card';
import { SectionBlock } from '../../components/section-block';
import { tappable } from '../../components/a11y';
import { verifiedText } from '../../i18n/carrier-text';
import { useText } from '../../i18n/text-context';
import { imageUrl } from '../../platform/image-url';

export interface HighlightedCarriersSectionProps {
  carriers: readonly CarrierSummary[];
  now: Date;
  onOpenCarrier: (carrier: CarrierSummary) => void;
  onBrowseAll: () => void;
}

/** 重点载体: the carriers the district puts forward, each with how fresh its vacancy is, and the way to all of them. */
export function HighlightedCarriersSection({ carriers, now, onOpenCarrier, onBrowseAll }: HighlightedCarriersSectionProps) {
  const t = useText();
  if (!carriers.length) return null;
  return (
    <SectionBlock title={t.cardCarriersTitle} extra={t.cardCarrierCount(carriers.length)} testId="highlighted-carriers">
      {carriers.map((carrier) => {
        const fresh = freshness(carrier.lastVerifiedAt, now);
        return (
          <CarrierSummaryCard
            key={carrier.id}
            carrier={carrier}
            photoUrl={imageUrl(carrier.photo)}
            verified={{ label: t.freshnessVacancy(verifiedText(t, fresh.days)), stale: fresh.stale }}
            onOpen={onOpenCarrier}
          />
        );
      })}
      <View className="card-page__more" hoverClass="card-page__more--pressed" data-testid="browse-carriers" {...tappable({ role: 'link' })} onClick={onBrowseAll}>
        <Text>{t.cardAllCarriers}</Text>
        <Text className="card-page__more-arrow">›</Text>
      </View>
    </SectionBlock>
  );
}
