import { Text, View } from '@tarojs/components';
import type { CarrierMatches } from '../../../domain/api/matching.contracts';
import { CARRIER_TYPE_LABELS } from '../../../domain/carrier/carrier.schema';
import { formatArea, formatPrice } from '../../format/format';
import { tappable } from '../a11y';
import './index.css';

export interface CarrierMatchListProps {
  matches: CarrierMatches['matches'];
  nearMisses: CarrierMatches['nearMisses'];
  /** Tapping a carrier opens it. */
  onOpen: (carrierId: string) => void;
}

type MatchedCarrier = CarrierMatches['matches'][number]['carrier'];

function MatchTitle({ carrier }: { carrier: MatchedCarrier }) {
  return (
    <View className="carrier-match-list__title">
      <Text className="carrier-match-list__type">{CARRIER_TYPE_LABELS[carrier.type]}</Text>
      <Text className="carrier-match-list__name">{carrier.name}</Text>
    </View>
  );
}

/** Carriers that fit a need, each with why; near misses with the one thing they lack. */
export function CarrierMatchList({ matches, nearMisses, onOpen }: CarrierMatchListProps) {
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
          <Text className="carrier-match-list__facts">
            {m.carrier.street} · 空置 {formatArea(m.carrier.vacantArea)} · {formatPrice(m.carrier.priceMin, m.carrier.priceMax, m.carrier.priceUnit)}
          </Text>
          {m.reasons.map((reason) => (
            <Text key={reason} className="carrier-match-list__reason">
              ✓ {reason}
            </Text>
          ))}
        </View>
      ))}
      {nearMisses.length ? <Text className="carrier-match-list__near-head">接近但不完全符合</Text> : null}
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
          <Text className="carrier-match-list__failed">✗ {m.failed}</Text>
        </View>
      ))}
    </View>
  );
}
