import { Text, View } from '@tarojs/components';
import { useInquiryText } from '../../i18n/use-inquiry-text';
import type { CarrierMatches } from '../../../domain/api/matching.contracts';
import { isFallbackZh } from '../../../domain/common/content-language';
import { carrierTypeText } from '../../i18n/carrier-text';
import { matchFactsText, matchReasonText, matchShortfallText } from '../../i18n/match-reason-text';
import { useLanguage } from '../../i18n/text-context';
import { tappable } from '../a11y';
import { ChineseMark, chineseContent, ContentText } from '../chinese-mark';
import './index.css';

export interface CarrierMatchListProps {
  matches: CarrierMatches['matches'];
  nearMisses: CarrierMatches['nearMisses'];
  /** Tapping a carrier opens it. */
  onOpen: (carrierId: string) => void;
}

type MatchedCarrier = CarrierMatches['matches'][number]['carrier'];

function MatchTitle({ carrier }: { carrier: MatchedCarrier }) {
  const t = useInquiryText();
  return (
    <View className="carrier-match-list__title">
      <Text className="carrier-match-list__type">{carrierTypeText(t, carrier.type)}</Text>
      <ContentText className="carrier-match-list__name" text={carrier.name} zh={isFallbackZh(carrier, 'name')} />
    </View>
  );
}

/** Carriers that fit a need, each with why; near misses with the one thing they lack. In the page's language. */
export function CarrierMatchList({ matches, nearMisses, onOpen }: CarrierMatchListProps) {
  const t = useInquiryText();
  const lang = useLanguage();
  return (
    <View className="carrier-match-list" data-testid="carrier-match-list">
      {matches.map((m) => (
        <View
          key={m.carrier.id}
          className="carrier-match-list__item"
          hoverClass="carrier-match-list__item--pressed"
          data-testid="carrier-match"
          data-carrier-id={m.carrier.id}
          {...tappable({ role: 'link' })}
          onClick={() => onOpen(m.carrier.id)}
        >
          <MatchTitle carrier={m.carrier} />
          <View className="carrier-match-list__facts">
            <ContentText text={m.carrier.street} zh={isFallbackZh(m.carrier, 'street')} />
            <Text>{matchFactsText(t, lang, m.carrier)}</Text>
          </View>
          {m.reasons.map((reason) => {
            const said = matchReasonText(t, lang, m.carrier, reason);
            const marked = said.zh && lang === 'en';
            return (
              <View key={said.text} className="carrier-match-list__reason-row">
                <Text className="carrier-match-list__reason" {...chineseContent(marked)}>
                  ✓ {said.text}
                </Text>
                <ChineseMark show={marked} />
              </View>
            );
          })}
        </View>
      ))}
      {nearMisses.length ? <Text className="carrier-match-list__near-head">{t.nearMissesTitle}</Text> : null}
      {nearMisses.map((m) => (
        <View
          key={m.carrier.id}
          className="carrier-match-list__item carrier-match-list__item--near"
          hoverClass="carrier-match-list__item--pressed"
          data-testid="carrier-near-miss"
          data-carrier-id={m.carrier.id}
          {...tappable({ role: 'link' })}
          onClick={() => onOpen(m.carrier.id)}
        >
          <MatchTitle carrier={m.carrier} />
          <Text className="carrier-match-list__failed">✗ {matchShortfallText(t, lang, m.failed)}</Text>
        </View>
      ))}
    </View>
  );
}
