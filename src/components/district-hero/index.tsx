import { Image, Text, View } from '@tarojs/components';
import { useText } from '../../i18n/text-context';
import { ChineseMark, chineseContent } from '../chinese-mark';
import './index.css';
import { PAGE_HEADING, decorativeImage } from '../a11y';

export interface DistrictHeroProps {
  name: string;
  slogan: string;
  /** Already resolved for this platform; null shows the plain emblem background. */
  coverImage: string | null;
  /** The district's name is the page's heading (the card); a preview inside another page passes false. */
  isPageHeading?: boolean;
  /** Name or slogan shown in Chinese for want of English: marked «中文». */
  nameZh?: boolean;
  sloganZh?: boolean;
}

export function DistrictHero({ name, slogan, coverImage, isPageHeading = true, nameZh = false, sloganZh = false }: DistrictHeroProps) {
  const t = useText();
  return (
    <View className="district-hero" data-testid="district-hero">
      {coverImage ? <Image className="district-hero__cover" src={coverImage} mode="aspectFill" {...decorativeImage()} /> : null}
      <View className="district-hero__shade" />
      <View className="district-hero__body">
        <Text className="district-hero__eyebrow">{t.appName}</Text>
        <Text {...(isPageHeading ? PAGE_HEADING : {})} className="district-hero__name" {...chineseContent(nameZh)}>{name}</Text>
        <ChineseMark show={nameZh} />
        <View className="district-hero__rule" />
        <Text className="district-hero__slogan" data-testid="district-slogan" {...chineseContent(sloganZh)}>{slogan}</Text>
        <ChineseMark show={sloganZh} />
      </View>
    </View>
  );
}
