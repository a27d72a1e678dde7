import { Input, Switch, Text, View } from '@tarojs/components';
import { controlLabel } from '../../../components/a11y';
import { SectionBlock } from '../../../components/section-block';
import { COLOR } from '../../../styles/tokens';
import type { CardForm, FieldErrors } from '../card-form';
import { FieldError } from './field-error';
import { ImageControl, type ImageUploads } from './image-control';
import { SettingRow } from './setting-row';

interface ContactsSectionProps {
  form: CardForm;
  errors: FieldErrors;
  personName: string;
  uploads: ImageUploads;
  onToggle: (key: keyof CardForm['visibility']) => void;
  onWechatId: (value: string) => void;
}

/** 公开的联系方式: which contacts the card shows (three switches), the WeChat id and QR code. */
export function ContactsSection({ form, errors, personName, uploads, onToggle, onWechatId }: ContactsSectionProps) {
  return (
    <SectionBlock title="公开的联系方式" testId="section-contacts">
      <SettingRow label="公开手机号" hint={form.visibility.phone ? '访客可直接拨打' : '名片上不显示你的手机号'} testId="row-phone">
        <Switch checked={form.visibility.phone} color={COLOR.brand} onChange={() => onToggle('phone')} data-testid="visibility-phone" {...controlLabel('公开手机号')} />
      </SettingRow>
      <SettingRow label="公开微信号" hint={form.visibility.wechatId && !form.wechatId.trim() ? '尚未填写微信号，名片上不会显示' : undefined} testId="row-wechat-id">
        <Switch checked={form.visibility.wechatId} color={COLOR.brand} onChange={() => onToggle('wechatId')} data-testid="visibility-wechatId" {...controlLabel('公开微信号')} />
      </SettingRow>
      <SettingRow label="公开微信二维码" hint={form.visibility.wechatQr && !form.wechatQr ? '尚未上传二维码，名片上不会显示' : undefined} testId="row-wechat-qr">
        <Switch checked={form.visibility.wechatQr} color={COLOR.brand} onChange={() => onToggle('wechatQr')} data-testid="visibility-wechatQr" {...controlLabel('公开微信二维码')} />
      </SettingRow>
      <FieldError field="visibility" errors={errors} />
      <View className="my-card__field">
        <Text className="my-card__label">微信号</Text>
        <Input className="my-card__input" value={form.wechatId} maxlength={20} placeholder="6–20 位，字母开头，可含数字、_ 和 -" onInput={(e) => onWechatId(e.detail.value)} data-testid="wechat-id-input" {...controlLabel('微信号')} />
        <FieldError field="wechatId" errors={errors} />
      </View>
      <View className="my-card__field">
        <Text className="my-card__label">微信二维码</Text>
        <ImageControl field="wechatQr" current={form.wechatQr} emptyText="未上传" personName={personName} uploads={uploads} />
        <FieldError field="wechatQr" errors={errors} />
      </View>
    </SectionBlock>
  );
}
