import { Text, View } from '@tarojs/components';
import { SectionBlock } from '../../../components/section-block';
import { TagList } from '../../../components/tag-list';

interface DistrictSectionProps {
  slogan: string;
  intro: string | null | undefined;
  keyIndustries: readonly string[];
}

/** 区域信息: what the district admin keeps the same on every card, shown locked. */
export function DistrictSection({ slogan, intro, keyIndustries }: DistrictSectionProps) {
  return (
    <SectionBlock title="区域信息" extra="管理员统一维护" testId="section-locked">
      <View className="my-card__locked">
        <Text className="my-card__lock">不可编辑</Text>
        <Text className="my-card__locked-text">区域口号、简介和主导产业由本区管理员统一维护，所有名片保持一致。如需修改请联系管理员。</Text>
      </View>
      <Text className="my-card__label">区域口号</Text>
      <Text className="my-card__locked-value" data-testid="locked-slogan">
        {slogan}
      </Text>
      {intro ? (
        <>
          <Text className="my-card__label">区域简介</Text>
          <Text className="my-card__locked-value my-card__locked-value--clamped">{intro}</Text>
        </>
      ) : null}
      <Text className="my-card__label">主导产业</Text>
      <TagList tags={keyIndustries} />
    </SectionBlock>
  );
}
