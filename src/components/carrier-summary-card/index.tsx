import { Image, Text, View } from '@tarojs/components';
import { useLanguage, useText } from '../../i18n/text-context';
import type { CarrierSummary } from '../../../domain/api/views.schema';
import { isFallbackZh } from '../../../domain/common/content-language';
import { carrierTypeText } from '../../i18n/carrier-text';
import { ChineseMark, chineseContent, ContentText } from '../chinese-mark';
import { formatArea, formatPrice } from '../../format/format';
import './index.css';
import { imageAlt, pressable } from '../a11y';

export interface CarrierSummaryCardProps {
  carrier: CarrierSummary;
  /** The carrier's photo, resolved for this platform; null hides the thumbnail. */
  photoUrl: string | null;
  /** When the vacancy was last verified (domain `freshness()`); stale ones are drawn as such. */
  verified?: { label: string; stale: boolean };
  /** Tapping the card opens the carrier. */
  onOpen?: (carrier: CarrierSummary) => void;
}

export function CarrierSummaryCard({ carrier, photoUrl, verified, onOpen }: CarrierSummaryCardProps) {
  const t = useText();
  const lang = useLanguage();
  const industries = carrier.suitedIndustries.slice(0, 3);
  return (
    <View
      className={onOpen ? 'carrier-summary-card carrier-summary-card--link' : 'carrier-summary-card'}
      hoverClass={onOpen ? 'carrier-summary-card--pressed' : 'none'}
      data-testid="carrier-summary-card"
      data-carrier-id={carrier.id}
      onClick={onOpen ? () => onOpen(carrier) : undefined}
      {...pressable(onOpen ? () => onOpen(carrier) : undefined, { role: 'link' })}
    >
      {photoUrl ? <Image className="carrier-summary-card__photo" src={photoUrl} mode="aspectFill" lazyLoad {...imageAlt(t.carrierPhotoAlt(carrier.name))} /> : null}
      <View className="carrier-summary-card__main">
        <View className="carrier-summary-card__title-row">
          <Text className="carrier-summary-card__type">{carrierTypeText(t, carrier.type)}</Text>
          <ContentText className="carrier-summary-card__name" text={carrier.name} zh={isFallbackZh(carrier, 'name')} />
        </View>
        <ContentText className="carrier-summary-card__street" text={carrier.street} zh={isFallbackZh(carrier, 'street')} />
        <View className="carrier-summary-card__facts">
          <View className="carrier-summary-card__fact">
            <Text className="carrier-summary-card__fact-label">{t.carrierAvailable}</Text>
            <Text
              className={
                carrier.hasVacancy ? 'carrier-summary-card__fact-value carrier-summary-card__area' : 'carrier-summary-card__fact-value carrier-summary-card__area--none'
              }
            >
              {carrier.hasVacancy ? formatArea(carrier.vacantArea, lang) : t.noVacancy}
            </Text>
          </View>
          <View className="carrier-summary-card__fact">
            <Text className="carrier-summary-card__fact-label">{t.carrierTotal}</Text>
            <Text className="carrier-summary-card__fact-value">{formatArea(carrier.totalArea, lang)}</Text>
          </View>
        </View>
        <Text className="carrier-summary-card__price">{formatPrice(carrier.priceMin, carrier.priceMax, carrier.priceUnit, lang)}</Text>
        {verified ? (
          <Text className={verified.stale ? 'carrier-summary-card__verified carrier-summary-card__verified--stale' : 'carrier-summary-card__verified'} data-testid="carrier-verified">
            {verified.stale ? t.staleSuffix(verified.label) : verified.label}
          </Text>
        ) : null}
        {industries.length ? (
          <View className="carrier-summary-card__industries">
            {industries.map((industry, i) => (
              <Text key={industry} className="carrier-summary-card__industry" {...chineseContent(isFallbackZh(carrier, `suitedIndustries.${i}`))}>
                {industry}
                <ChineseMark show={isFallbackZh(carrier, `suitedIndustries.${i}`)} />
              </Text>
            ))}
          </View>
        ) : null}
      </View>
    </View>
  );
}
