import { Image, Text, View } from '@tarojs/components';
import { clientErrorMessage } from '../../services/client-error-messages';
import { bulletinRankingLine } from '../../../domain/report/bulletin.rules';
import { PAGE_HEADING } from '../../components/a11y';
import { ActionButton } from '../../components/action-button';
import { EmptyState } from '../../components/empty-state';
import { ErrorState } from '../../components/error-state';
import { ListSkeleton } from '../../components/list-skeleton';
import { openPage, ROUTES } from '../../routes';
import { useBulletins } from './use-bulletins';
import '../report-page.css';
import './index.css';

/** A city admin sees the city's bulletin and the home district's for one month: each row says which. */
const LEVEL_LABELS = { city: '市级', district: '区级' } as const;

const size = (bytes: number) => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`);

/**
 * 每月通报: one line per bulletin (市级 / 区级), newest month first; each opens as a PDF (to read or forward), as
 * Excel (the tables), or shows its share image for WeChat groups with 保存图片 (album in WeChat, download on the web).
 */
export default function BulletinsPage() {
  const b = useBulletins();
  const data = b.data;
  return (
    <View className="report-page" data-testid="bulletins" role="main">
      <Text className="bulletins__title" {...PAGE_HEADING}>
        每月招商通报
      </Text>
      <Text className="bulletins__intro">每月第一个工作日自动生成上月通报，并通知各单位负责人；往期通报一直保留。</Text>
      {b.status === 'loading' && !data ? (
        <ListSkeleton />
      ) : !data ? (
        <ErrorState message={b.error?.message ?? clientErrorMessage('INTERNAL.UNEXPECTED')} onRetry={() => void b.reload()} />
      ) : data.items.length === 0 ? (
        <EmptyState title="还没有通报" description="下个月第一个工作日会自动生成本月的通报" actionText="查看数据看板" onAction={() => openPage(ROUTES.reportDashboard)} />
      ) : (
        <View className="bulletins__list" data-testid="bulletins-list">
          {b.openError ? (
            <View role="alert">
              <Text className="bulletins__error">{b.openError}</Text>
            </View>
          ) : null}
          {data.items.map((item) => (
            <View key={item.id} className="bulletins__item" data-testid="bulletin-item" data-bulletin={item.id} data-level={item.level}>
              <View className="bulletins__head">
                <Text className={`bulletins__level bulletins__level--${item.level}`}>{LEVEL_LABELS[item.level]}</Text>
                <Text className="bulletins__label">{item.title}</Text>
              </View>
              <Text className="bulletins__figures">
                咨询 {item.inquiries} 条 · 确认签约 {item.confirmedSigned} 个 · PDF {size(item.pdfBytes)}
              </Text>
              {bulletinRankingLine(item.ranking, item.edition) ? (
                <Text className="bulletins__ranking" data-testid={`bulletin-ranking-${item.level}-${item.month}`}>
                  {bulletinRankingLine(item.ranking, item.edition)}
                </Text>
              ) : null}
              <View className="bulletins__actions">
                <ActionButton text="打开 PDF" size="md" loading={b.opening === `${item.id}.pdf`} onClick={() => b.open(item.id, 'pdf')} testId={`bulletin-pdf-${item.level}-${item.month}`} />
                <ActionButton
                  text="Excel 表格"
                  tone="secondary"
                  size="md"
                  loading={b.opening === `${item.id}.xlsx`}
                  onClick={() => b.open(item.id, 'xlsx')}
                  testId={`bulletin-xlsx-${item.level}-${item.month}`}
                />
                {item.pngBytes !== null ? (
                  <ActionButton
                    text={b.image?.bulletinId === item.id ? '收起分享图' : '分享图'}
                    tone="secondary"
                    size="md"
                    loading={b.opening === `${item.id}.png`}
                    onClick={() => b.showImage(item.id)}
                    testId={`bulletin-png-${item.level}-${item.month}`}
                  />
                ) : null}
              </View>
              {b.image?.bulletinId === item.id ? (
                <View className="bulletins__image" data-testid={`bulletin-image-${item.level}-${item.month}`}>
                  <Image className="bulletins__picture" src={b.image.url} mode="widthFix" aria-label={`${item.title}分享图`} onClick={b.previewImage} />
                  <Text className="bulletins__hint">{process.env.TARO_ENV === 'h5' ? '保存后可发到微信群' : '保存到相册后可发到微信群；也可点图片后长按转发'}</Text>
                  <ActionButton text="保存图片" size="md" loading={b.opening === `${item.id}.save`} onClick={b.saveImage} testId={`bulletin-save-${item.level}-${item.month}`} />
                </View>
              ) : null}
            </View>
          ))}
        </View>
      )}
    </View>
  );
}
