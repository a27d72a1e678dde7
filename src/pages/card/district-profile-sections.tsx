import type { CardView } from '../../../domain/api/views.schema';
import { isFallbackZh } from '../../../domain/common/content-language';
import { ExpandableText } from '../../components/expandable-text';
import { FigureGrid } from '../../components/figure-grid';
import { PolicyList } from '../../components/policy-list';
import { SectionBlock } from '../../components/section-block';
import { TagList } from '../../components/tag-list';
import { useText } from '../../i18n/text-context';

export interface DistrictProfileSectionsProps {
  district: CardView['district'];
  /** The card owner's industries, highlighted among the district's. */
  featuredIndustries: readonly string[];
}

/** What the district says about itself: intro, leading industries, figures, policies (each only when filled in). */
export function DistrictProfileSections({ district, featuredIndustries }: DistrictProfileSectionsProps) {
  const t = useText();
  return (
    <>
      {district.intro ? (
        <SectionBlock title={t.cardIntroTitle} testId="district-intro">
          <ExpandableText text={district.intro} zh={isFallbackZh(district, 'intro')} />
        </SectionBlock>
      ) : null}

      {district.keyIndustries.length ? (
        <SectionBlock title={t.cardIndustriesTitle} testId="key-industries">
          <TagList tags={district.keyIndustries} highlighted={featuredIndustries} isChinese={(i) => isFallbackZh(district, `keyIndustries.${i}`)} />
        </SectionBlock>
      ) : null}

      {district.headlineFigures.length ? (
        <SectionBlock title={t.cardFiguresTitle} testId="headline-figures">
          <FigureGrid figures={district.headlineFigures} isChinese={(i, part) => isFallbackZh(district, `headlineFigures.${i}.${part}`)} />
        </SectionBlock>
      ) : null}

      {district.policyHighlights.length ? (
        <SectionBlock title={t.cardPoliciesTitle} testId="policy-highlights">
          <PolicyList items={district.policyHighlights} isChinese={(i) => isFallbackZh(district, `policyHighlights.${i}`)} />
        </SectionBlock>
      ) : null}
    </>
  );
}
