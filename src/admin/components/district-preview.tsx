import { Text, View } from '@tarojs/components';
import { DistrictHero } from '../../components/district-hero';
import { FigureGrid } from '../../components/figure-grid';
import { TagList } from '../../components/tag-list';
import './district-preview.css';

export interface DistrictPreviewProps {
  name: string;
  slogan: string;
  intro: string;
  industries: readonly string[];
  figures: readonly { label: string; value: string }[];
  policies: readonly string[];
  coverImage: string | null;
}

/** How the public card will show the district, drawn from the form as it is typed. */
export function DistrictPreview(p: DistrictPreviewProps) {
  return (
    <View className="district-preview" data-testid="district-preview">
      <Text className="district-preview__label">名片预览</Text>
      <DistrictHero name={p.name || '（区域名称）'} slogan={p.slogan || '（口号）'} coverImage={p.coverImage} isPageHeading={false} />
      <View className="district-preview__body">
        <Text className="district-preview__intro">{p.intro}</Text>
        {p.figures.length ? <FigureGrid figures={p.figures} /> : null}
        {p.industries.length ? <TagList tags={p.industries} /> : null}
        {p.policies.map((t) => (
          <Text key={t} className="district-preview__policy">
            · {t}
          </Text>
        ))}
      </View>
    </View>
  );
}
