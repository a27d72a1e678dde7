import { Canvas, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useMemo } from 'react';
import { clientErrorMessage } from '../../services/client-error-messages';
import { PAGE_HEADING } from '../../components/a11y';
import { CardSkeleton } from '../../components/card-skeleton';
import { ErrorState } from '../../components/error-state';
import { canUploadImages } from '../../services/image-upload';
import { openPage, ROUTES } from '../../routes';
import type { CardForm } from './card-form';
import { previewFromForm } from './preview-model';
import { CarriersSection } from './sections/carriers-section';
import { ContactsSection } from './sections/contacts-section';
import { DistrictSection } from './sections/district-section';
import type { ImageUploads } from './sections/image-control';
import { IndustriesSection } from './sections/industries-section';
import { OnDutySection } from './sections/on-duty-section';
import { PersonSection } from './sections/person-section';
import { EnglishSection } from './sections/english-section';
import { PreviewSection } from './sections/preview-section';
import { SaveBar } from './sections/save-bar';
import { ShareImagesSection } from './sections/share-images-section';
import { SHARE_IMAGE_CANVAS_ID, useShareImages } from '../share-image/use-share-images';
import { useMyCard } from './use-my-card';
import './index.css';

/** The page's one heading, for screen readers (the preview shows the card itself). */
const Heading = () => (
  <Text className="visually-hidden" {...PAGE_HEADING}>
    编辑我的名片
  </Text>
);

/** 编辑我的名片: the live preview, then one section per part of the card (sections/), and the save bar. */
export default function MyCardPage() {
  const card = useMyCard();
  const { status, context, form, errors, saving, dirty, uploading, loadError, saveError, savedAt } = card;
  const uploadsEnabled = canUploadImages();

  const preview = useMemo(() => (form && context ? previewFromForm(form, context) : null), [form, context]);
  // The card's share images follow what is saved: drawn once the card exists, again after a save changed them.
  const shareImages = useShareImages(status === 'ready' && context?.ownCard === true, savedAt);

  if (status === 'loading') {
    return (
      <View className="my-card" role="main">
        <Heading />
        <CardSkeleton />
      </View>
    );
  }
  if (!form || !context || !preview) {
    return (
      <View className="my-card" role="main">
        <Heading />
        <ErrorState message={loadError?.message ?? clientErrorMessage('INTERNAL.UNEXPECTED')} onRetry={() => void card.reload()} />
      </View>
    );
  }

  const { mine, view } = context;
  const district = view?.district;
  const uploads: ImageUploads = { enabled: uploadsEnabled, uploading, onUpload: (field) => void card.uploadImage(field) };

  const save = async (): Promise<void> => {
    const ok = await card.save();
    Taro.showToast(ok ? { title: '已保存', icon: 'success' } : { title: '请检查标红的内容', icon: 'none' }).catch(() => undefined);
  };
  const setText = (field: 'title' | 'greeting' | 'wechatId', value: string) =>
    // The greeting is one line on the card: line breaks typed into the box become spaces.
    card.update({ [field]: field === 'greeting' ? value.replace(/[\r\n]+/g, ' ') : value } as Partial<CardForm>);

  return (
    <View className="my-card" data-testid="my-card-page" role="main">
      <Heading />
      <PreviewSection preview={preview} onPoster={() => openPage(ROUTES.poster, { cardId: mine.cardId })} onStats={() => openPage(ROUTES.cardStats)} />
      <PersonSection form={form} errors={errors} personName={preview.person.name} uploads={uploads} onTitle={(v) => setText('title', v)} onGreeting={(v) => setText('greeting', v)} />
      <EnglishSection form={form} errors={errors} onChange={(field, value) => card.update({ [field]: value } as Partial<CardForm>)} />
      <ContactsSection form={form} errors={errors} personName={preview.person.name} uploads={uploads} onToggle={card.toggleVisibility} onWechatId={(v) => setText('wechatId', v)} />
      <IndustriesSection districtIndustries={mine.districtIndustries} selected={form.featuredIndustries} errors={errors} onToggle={card.toggleIndustry} />
      <CarriersSection carriers={mine.carriers} selected={form.featuredCarrierIds} errors={errors} onToggle={card.toggleCarrier} />
      {mine.isLeader ? <OnDutySection colleagues={mine.colleagues} selected={form.onDutyStaffId} errors={errors} onChoose={card.setOnDuty} /> : null}
      {district ? <DistrictSection slogan={district.slogan} intro={district.intro} keyIndustries={district.keyIndustries} /> : null}
      {context.ownCard ? <ShareImagesSection images={shareImages} /> : null}
      {process.env.TARO_ENV === 'weapp' && context.ownCard ? <Canvas type="2d" id={SHARE_IMAGE_CANVAS_ID} className="my-card__share-canvas" aria-hidden="true" style={{ width: '500px', height: '400px' }} /> : null}
      <SaveBar
        saving={saving}
        dirty={dirty}
        savedAt={savedAt}
        saveError={saveError}
        onViewCard={context.ownCard ? () => openPage(ROUTES.card, { cardId: mine.cardId }) : null}
        onSave={() => void save()}
      />
    </View>
  );
}
