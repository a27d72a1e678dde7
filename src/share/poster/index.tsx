import { Canvas, Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { clientErrorMessage } from '../../services/client-error-messages';
import { ErrorState } from '../../components/error-state';
import { posterFileName, posterPersonOf } from './poster-content';
import { POSTER_HEIGHT, POSTER_WIDTH } from './poster-layout';
import { canShareImage, downloadImageUrl, openAlbumSettings, saveToAlbum, shareImage, type SaveOutcome } from './poster-save';
import { POSTER_CANVAS_ID, usePoster } from './use-poster';
import { PAGE_HEADING, imageAlt, tappable } from '../../components/a11y';
import { usePageParams } from '../../hooks/use-page-params';
import './index.css';

type Notice = 'denied' | 'privacy' | null;

const toast = (title: string): void => {
  Taro.showToast({ title, icon: 'none' }).catch(() => undefined);
};

export default function PosterPage() {
  const params = usePageParams();
  const { status, result, error, retry } = usePoster({ cardId: params.cardId, s: params.s, lang: params.lang });
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice>(null);
  const isWeapp = process.env.TARO_ENV === 'weapp';
  const showShareSheet = isWeapp && canShareImage();

  const report = (outcome: SaveOutcome, savedText: string): void => {
    if (outcome === 'saved') {
      setNotice(null);
      if (savedText) toast(savedText);
    } else if (outcome === 'denied' || outcome === 'privacy') {
      setNotice(outcome);
    } else if (outcome === 'failed') {
      toast('操作未完成，请稍后重试');
    }
  };

  const save = async (): Promise<void> => {
    if (!result || busy) return;
    setBusy(true);
    try {
      report(await saveToAlbum(result.image), '已保存到相册');
    } finally {
      setBusy(false);
    }
  };

  const openSettings = async (): Promise<void> => {
    if (!result) return;
    if (await openAlbumSettings()) {
      report(await saveToAlbum(result.image), '已保存到相册');
    } else {
      toast('未开启「保存到相册」，可稍后在设置中开启');
    }
  };

  const share = async (): Promise<void> => {
    if (!result) return;
    report(await shareImage(result.image), '');
  };

  const download = (): void => {
    if (!result) return;
    downloadImageUrl(result.image, posterFileName(posterPersonOf(result.card).name));
  };

  return (
    <View className="poster-page" data-testid="poster-page" role="main">
      <Text className="visually-hidden" {...PAGE_HEADING}>
        名片海报
      </Text>
      {isWeapp ? (
        <Canvas type="2d" id={POSTER_CANVAS_ID} className="poster-page__canvas" aria-hidden="true" style={{ width: `${POSTER_WIDTH}px`, height: `${POSTER_HEIGHT}px` }} />
      ) : null}

      {status === 'unavailable' ? (
        <View className="poster-page__unavailable" data-testid="poster-unavailable">
          <View className="poster-page__unavailable-icon">
            <Text>i</Text>
          </View>
          <Text className="poster-page__unavailable-title">朋友圈中暂不能生成海报</Text>
          <Text className="poster-page__unavailable-text">从朋友圈打开的是单页预览，无法登录和保存图片。请点击屏幕下方的「前往小程序」，在小程序中打开名片后再生成海报。</Text>
        </View>
      ) : null}

      {status === 'loading' ? (
        <View className="poster-page__stage">
          <View className="poster-page__frame poster-page__frame--loading" data-testid="poster-loading">
            <View className="poster-page__spinner" />
            <Text className="poster-page__loading-text">正在生成海报…</Text>
          </View>
        </View>
      ) : null}

      {status === 'error' ? <ErrorState message={error?.message ?? clientErrorMessage('INTERNAL.UNEXPECTED')} retryText="重新生成" onRetry={retry} /> : null}

      {status === 'ready' && result ? (
        <>
          <View className="poster-page__stage">
            <View className="poster-page__frame">
              <Image
                className="poster-page__image"
                src={result.image}
                mode="widthFix"
                showMenuByLongpress
                data-testid="poster-image"
                {...imageAlt('名片海报：区域介绍、名片主人的联系方式和小程序码')}
              />
            </View>
            <Text className="poster-page__tip">
              {isWeapp
                ? '保存后可发到朋友圈或转发给客户，对方长按识别即可打开你的名片，由此带来的咨询会记入你的分享链。'
                : result.shareCode
                  ? '下载后可发到朋友圈或转发给客户，扫码即可打开你的名片，由此带来的咨询会记入你的分享链。'
                  : '下载后可转发给客户，扫码即可打开名片。在微信中打开可生成带分享记录的海报。'}
            </Text>
          </View>

          {notice ? (
            <View className="poster-page__notice" data-testid="poster-notice">
              <Text className="poster-page__notice-title">{notice === 'denied' ? '需要你允许保存到相册' : '需要先同意隐私保护指引'}</Text>
              <Text className="poster-page__notice-text">
                {notice === 'denied'
                  ? '你之前拒绝了「保存到相册」。请在设置中开启后再保存，我们只会保存这张海报。'
                  : '保存图片前需要你同意本小程序的隐私保护指引。请再次点击「保存到相册」并在弹窗中选择同意。'}
              </Text>
              {notice === 'denied' ? (
                <View className="poster-page__notice-action" hoverClass="poster-page__button--pressed" onClick={() => void openSettings()} data-testid="open-settings" {...tappable()}>
                  <Text>去设置开启</Text>
                </View>
              ) : null}
            </View>
          ) : null}

          <View className="poster-page__bar">
            {isWeapp ? (
              <>
                {showShareSheet ? (
                  <View className="poster-page__button" hoverClass="poster-page__button--pressed" onClick={() => void share()} data-testid="share-image" {...tappable()}>
                    <Text>发送给朋友</Text>
                  </View>
                ) : null}
                <View className="poster-page__button poster-page__button--primary" hoverClass="poster-page__button--pressed" onClick={() => void save()} data-testid="save-poster" {...tappable()}>
                  <Text>{busy ? '正在保存…' : '保存到相册'}</Text>
                </View>
              </>
            ) : (
              <View className="poster-page__button poster-page__button--primary" hoverClass="poster-page__button--pressed" onClick={download} data-testid="download-poster" {...tappable()}>
                <Text>下载海报图片</Text>
              </View>
            )}
          </View>
        </>
      ) : null}
    </View>
  );
}
