import { Canvas, Input, Text, Textarea, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { CARRIER_TYPE_LABELS, CARRIER_TYPES, PRICE_UNIT_LABELS, PRICE_UNITS } from '../../../domain/carrier/carrier.schema';
import { ActionButton } from '../../components/action-button';
import { ChoiceChips } from '../../components/choice-chips';
import { ErrorState } from '../../components/error-state';
import { EnglishFieldsGroup } from '../../components/english-fields-group';
import { FormField } from '../../components/form-field';
import { ListSkeleton } from '../../components/list-skeleton';
import { PhotoPicker } from './photo-picker';
import type { CarrierForm } from './carrier-form';
import { useCarrierEditor } from './use-carrier-editor';
import { CARRIER_SHARE_IMAGE_CANVAS_ID, useCarrierShareImages, type CarrierShareImages } from '../../share/share-image/use-carrier-share-images';
import { PAGE_HEADING } from '../../components/a11y';
import '../admin.css';

type InputEvent = { detail: { value: string } };
type TextKey = Exclude<keyof CarrierForm, 'type' | 'priceUnit' | 'managerStaffId' | 'unitId' | 'photos'>;

const SHARE_IMAGE_TEXT: Record<CarrierShareImages['status'], string> = {
  idle: '保存载体后，会按载体内容生成中英文分享图。',
  drawing: '正在按载体内容生成分享图…',
  ready: '转发载体和分享到朋友圈时会用按载体内容生成的中英文分享图，内容变化后会自动重新生成。',
  failed: '分享图暂未生成，转发时将使用页面截图。下次打开本页会再试。',
};

export default function CarrierEditPage() {
  const e = useCarrierEditor();
  // The carrier's share images follow what is saved: drawn when it is opened, again after a save changed them.
  const shareImages = useCarrierShareImages(e.carrierId ?? e.savedId, Boolean(e.form) && !e.dirty, e.savedId);
  if (e.loadError) return <View className="admin-page"><ErrorState message={e.loadError.message} /></View>;
  if (!e.form) return <View className="admin-page"><ListSkeleton rows={6} /></View>;
  const f = e.form;
  const input = (key: TextKey, label: string, opts: { required?: boolean; multiline?: boolean; hint?: string; digit?: boolean } = {}) => (
    <FormField label={label} required={opts.required} error={e.fieldErrors[key]} hint={opts.hint} testId={`carrier-field-${key}`}>
      {opts.multiline ? (
        <Textarea className="admin-input" value={f[key]} maxlength={-1} data-testid={`carrier-${key}-input`} onInput={(ev: InputEvent) => e.change({ [key]: ev.detail.value })} />
      ) : (
        <Input className="admin-input" type={opts.digit ? 'digit' : 'text'} value={f[key]} data-testid={`carrier-${key}-input`} onInput={(ev: InputEvent) => e.change({ [key]: ev.detail.value })} />
      )}
    </FormField>
  );
  const pickLocation = async () => {
    try {
      const r = await Taro.chooseLocation({});
      e.change({ lat: String(r.latitude), lng: String(r.longitude), ...(f.address ? {} : { address: r.address }) });
    } catch {
      // Cancelled or not allowed: the figures can still be typed.
    }
  };
  return (
    <View className="admin-page" data-testid="admin-carrier-edit" role="main">
      <Text className="admin-title" {...PAGE_HEADING}>{e.carrierId ? '编辑载体' : '新建载体'}</Text>
      {e.restored ? <Text className="admin-note" data-testid="carrier-draft-restored">已恢复上次未保存的修改。</Text> : null}
      <View className="admin-card">
        <FormField label="类型" required>
          <ChoiceChips options={CARRIER_TYPES.map((t) => ({ value: t, label: CARRIER_TYPE_LABELS[t] }))} selected={[f.type]} onToggle={(t) => e.change({ type: t as CarrierForm['type'] })} testId="carrier-type" />
        </FormField>
        {input('name', '名称', { required: true })}
        {input('street', '所在街道', { required: true })}
        {input('address', '地址', { required: true })}
        {input('totalArea', '总面积（㎡）', { required: true, digit: true })}
        {input('vacantArea', '空置面积（㎡）', { required: true, digit: true, hint: '保存即视为已核实，名片上的「核实于」从今天算起' })}
        {input('floors', '楼层数', { digit: true })}
        {input('priceMin', '参考价格（低）', { digit: true, hint: '0 表示面议' })}
        {input('priceMax', '参考价格（高）', { digit: true })}
        <FormField label="价格单位" required>
          <ChoiceChips options={PRICE_UNITS.map((u) => ({ value: u, label: PRICE_UNIT_LABELS[u] }))} selected={[f.priceUnit]} onToggle={(u) => e.change({ priceUnit: u as CarrierForm['priceUnit'] })} />
        </FormField>
        {input('facilities', '配套设施', { multiline: true, hint: '每行一项' })}
        {input('suitedIndustries', '适合产业', { hint: '用「、」分隔' })}
        {input('policies', '载体政策', { multiline: true, hint: '每行一条' })}
        {input('managerName', '管理人', { required: true })}
        {input('managerPhone', '管理人电话', { required: true })}
        <EnglishFieldsGroup testId="carrier-english" defaultOpen={Boolean(f.nameEn || f.streetEn || f.addressEn || f.facilitiesEn || f.suitedIndustriesEn || f.policiesEn || f.managerNameEn)}>
          {input('nameEn', '名称（英文）')}
          {input('streetEn', '所在街道（英文）')}
          {input('addressEn', '地址（英文）')}
          {input('facilitiesEn', '配套设施（英文）', { multiline: true, hint: '与上面的配套设施逐行对应；某行留空则显示中文' })}
          {input('suitedIndustriesEn', '适合产业（英文）', { multiline: true, hint: '每行一项，按上面适合产业的顺序' })}
          {input('policiesEn', '载体政策（英文）', { multiline: true, hint: '与上面的载体政策逐行对应' })}
          {input('managerNameEn', '管理人（英文）', { hint: '如 Ms Liu' })}
        </EnglishFieldsGroup>
        {input('lat', '纬度', { required: true, digit: true })}
        {input('lng', '经度', { required: true, digit: true })}
        {process.env.TARO_ENV === 'weapp' ? <ActionButton text="在地图上选择位置" tone="secondary" size="sm" onClick={() => void pickLocation()} /> : null}
        <PhotoPicker
          photos={f.photos}
          reviews={e.reviews}
          mode={e.carrierId ? (process.env.TARO_ENV === 'h5' ? 'web' : 'wechat') : null}
          busy={e.photoBusy}
          error={e.photoError}
          onFile={e.addPhotoFile}
          onPick={e.addPhotoInWeChat}
          onRemove={(ref) => e.change({ photos: f.photos.filter((x) => x !== ref) })}
          onDismiss={(ref) => void e.dismissPhoto(ref)}
        />
        {e.saveError ? <Text className="admin-error" data-testid="carrier-save-error">{e.saveError.message}</Text> : null}
        {e.savedId ? <Text className="admin-success" data-testid="carrier-saved">已保存，投资者现在即可看到</Text> : null}
        <ActionButton text={e.saving ? '保存中…' : '保存'} loading={e.saving} muted={Object.keys(e.fieldErrors).length > 0} onClick={() => void e.submit()} testId="carrier-save" block />
        {e.carrierId || e.savedId ? <Text className="admin-note" data-testid="carrier-share-images-status">{SHARE_IMAGE_TEXT[shareImages.status]}</Text> : null}
      </View>
      {process.env.TARO_ENV === 'weapp' && (e.carrierId || e.savedId) ? <Canvas type="2d" id={CARRIER_SHARE_IMAGE_CANVAS_ID} className="admin-share-canvas" aria-hidden="true" style={{ width: '500px', height: '400px' }} /> : null}
    </View>
  );
}
