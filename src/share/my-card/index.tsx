import { Image, Input, Switch, Text, Textarea, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useMemo, useState, type ReactNode } from 'react';
import { ERROR_MESSAGES } from '../../../domain/common/error-codes';
import { Avatar } from '../../components/avatar';
import { CardPreview } from '../../components/card-preview';
import { CardSkeleton } from '../../components/card-skeleton';
import { ChoiceChips } from '../../components/choice-chips';
import { ErrorState } from '../../components/error-state';
import { SectionBlock } from '../../components/section-block';
import { TagList } from '../../components/tag-list';
import { canUploadImages } from '../../services/image-upload';
import { imageUrl } from '../../platform/image-url';
import { openPage, ROUTES } from '../../routes';
import { GREETING_MAX, MAX_FEATURED_CARRIERS, MAX_FEATURED_INDUSTRIES, TITLE_MAX, type CardField, type CardForm } from './card-form';
import { previewFromForm } from './preview-model';
import { useMyCard, type ImageField } from './use-my-card';
import { PAGE_HEADING, controlLabel, imageAlt, tappable } from '../../components/a11y';
import { COLOR } from '../../styles/tokens';
import './index.css';

/** Carriers lists longer than this get a name filter. */
const CARRIER_FILTER_FROM = 8;

function FieldError({ field, errors }: { field: CardField; errors: Partial<Record<CardField, string>> }) {
  const message = errors[field];
  return message ? (
    <Text className="my-card__error" data-testid={`error-${field}`}>
      {message}
    </Text>
  ) : null;
}

function Row({ label, hint, children, testId }: { label: string; hint?: string; children: ReactNode; testId?: string }) {
  return (
    <View className="my-card__row" data-testid={testId}>
      <View className="my-card__row-text">
        <Text className="my-card__row-label">{label}</Text>
        {hint ? <Text className="my-card__row-hint">{hint}</Text> : null}
      </View>
      {children}
    </View>
  );
}

export default function MyCardPage() {
  const card = useMyCard();
  const { status, context, form, errors, saving, dirty, uploading, loadError, saveError, savedAt } = card;
  const [carrierFilter, setCarrierFilter] = useState('');
  const uploads = canUploadImages();

  const preview = useMemo(() => (form && context ? previewFromForm(form, context) : null), [form, context]);

  if (status === 'loading') {
    return (
      <View className="my-card" role="main">
        <Text className="visually-hidden" {...PAGE_HEADING}>
          编辑我的名片
        </Text>
        <CardSkeleton />
      </View>
    );
  }
  if (!form || !context || !preview) {
    return (
      <View className="my-card" role="main">
        <Text className="visually-hidden" {...PAGE_HEADING}>
          编辑我的名片
        </Text>
        <ErrorState message={loadError?.message ?? ERROR_MESSAGES['INTERNAL.UNEXPECTED']} onRetry={() => void card.reload()} />
      </View>
    );
  }

  const { mine, view } = context;
  const district = view?.district;
  const keyword = carrierFilter.trim();
  const carrierOptions = mine.carriers
    .filter((c) => !keyword || c.name.includes(keyword) || form.featuredCarrierIds.includes(c.id))
    .sort((a, b) => Number(form.featuredCarrierIds.includes(b.id)) - Number(form.featuredCarrierIds.includes(a.id)))
    .map((c) => ({ value: c.id, label: c.name }));

  const save = async (): Promise<void> => {
    const ok = await card.save();
    Taro.showToast(ok ? { title: '已保存', icon: 'success' } : { title: '请检查标红的内容', icon: 'none' }).catch(() => undefined);
  };

  const setText = (field: 'title' | 'greeting' | 'wechatId') => (e: { detail: { value: string } }) => {
    // The greeting is one line on the card: line breaks typed into the box become spaces.
    card.update({ [field]: field === 'greeting' ? e.detail.value.replace(/[\r\n]+/g, ' ') : e.detail.value } as Partial<CardForm>);
  };

  const imageControl = (field: ImageField, current: string | null, emptyText: string) => {
    const url = imageUrl(current);
    return (
      <View className="my-card__image-row">
        {field === 'photo' ? (
          <Avatar name={preview.person.name} src={url} size="md" />
        ) : url ? (
          <Image className="my-card__qr" src={url} mode="aspectFit" data-testid="current-wechat-qr" {...imageAlt('当前的微信二维码')} />
        ) : (
          <View className="my-card__qr my-card__qr--empty">
            <Text>{emptyText}</Text>
          </View>
        )}
        <View className="my-card__image-side">
          {uploads ? (
            <View className="my-card__upload" hoverClass="my-card__upload--pressed" data-testid={`upload-${field}`} onClick={() => void card.uploadImage(field)} {...tappable({ label: `${current ? '更换' : '上传'}${field === 'photo' ? '照片' : '微信二维码'}` })}>
              <Text>{uploading === field ? '正在上传…' : current ? '更换图片' : '上传图片'}</Text>
            </View>
          ) : (
            <Text className="my-card__upload-note" data-testid={`upload-note-${field}`}>
              {current ? '网页版仅展示当前图片，' : '尚未上传，'}上传或更换请在微信小程序「编辑我的名片」中操作。
            </Text>
          )}
          <Text className="my-card__image-rule">JPG 或 PNG，不超过 2 MB</Text>
        </View>
      </View>
    );
  };

  return (
    <View className="my-card" data-testid="my-card-page" role="main">
      <Text className="visually-hidden" {...PAGE_HEADING}>
        编辑我的名片
      </Text>
      <View className="my-card__preview-wrap">
        <View className="my-card__preview-head">
          <Text className="my-card__preview-title">实时预览</Text>
          <Text className="my-card__preview-note">访客看到的样子</Text>
        </View>
        <CardPreview {...preview} />
        <View className="my-card__shortcuts">
          <View className="my-card__shortcut" hoverClass="my-card__shortcut--pressed" onClick={() => openPage(ROUTES.poster, { cardId: mine.cardId })} data-testid="go-poster" {...tappable({ role: 'link' })}>
            <Text>生成海报</Text>
          </View>
          <View className="my-card__shortcut" hoverClass="my-card__shortcut--pressed" onClick={() => openPage(ROUTES.cardStats)} data-testid="go-stats" {...tappable({ role: 'link' })}>
            <Text>名片数据</Text>
          </View>
        </View>
      </View>

      <SectionBlock title="个人信息" testId="section-person">
        <View className="my-card__field">
          <Text className="my-card__label">职务</Text>
          <Input className="my-card__input" value={form.title} maxlength={TITLE_MAX} placeholder="如：投资促进局 招商专员" onInput={setText('title')} data-testid="title-input" {...controlLabel('职务')} />
          <FieldError field="title" errors={errors} />
        </View>
        <View className="my-card__field">
          <View className="my-card__label-row">
            <Text className="my-card__label">问候语</Text>
            <Text className="my-card__counter">
              {Array.from(form.greeting).length}/{GREETING_MAX}
            </Text>
          </View>
          <Textarea
            className="my-card__textarea"
            value={form.greeting}
            maxlength={GREETING_MAX}
            placeholder="一句话介绍你能为投资者做什么"
            onInput={setText('greeting')}
            data-testid="greeting-input"
            {...controlLabel('问候语')}
          />
          <FieldError field="greeting" errors={errors} />
        </View>
        <View className="my-card__field">
          <Text className="my-card__label">照片</Text>
          {imageControl('photo', form.photo, '')}
          <FieldError field="photo" errors={errors} />
        </View>
      </SectionBlock>

      <SectionBlock title="公开的联系方式" testId="section-contacts">
        <Row label="公开手机号" hint={form.visibility.phone ? '访客可直接拨打' : '名片上不显示你的手机号'} testId="row-phone">
          <Switch checked={form.visibility.phone} color={COLOR.brand} onChange={() => card.toggleVisibility('phone')} data-testid="visibility-phone" {...controlLabel('公开手机号')} />
        </Row>
        <Row label="公开微信号" hint={form.visibility.wechatId && !form.wechatId.trim() ? '尚未填写微信号，名片上不会显示' : undefined} testId="row-wechat-id">
          <Switch checked={form.visibility.wechatId} color={COLOR.brand} onChange={() => card.toggleVisibility('wechatId')} data-testid="visibility-wechatId" {...controlLabel('公开微信号')} />
        </Row>
        <Row label="公开微信二维码" hint={form.visibility.wechatQr && !form.wechatQr ? '尚未上传二维码，名片上不会显示' : undefined} testId="row-wechat-qr">
          <Switch checked={form.visibility.wechatQr} color={COLOR.brand} onChange={() => card.toggleVisibility('wechatQr')} data-testid="visibility-wechatQr" {...controlLabel('公开微信二维码')} />
        </Row>
        <FieldError field="visibility" errors={errors} />
        <View className="my-card__field">
          <Text className="my-card__label">微信号</Text>
          <Input className="my-card__input" value={form.wechatId} maxlength={20} placeholder="6–20 位，字母开头，可含数字、_ 和 -" onInput={setText('wechatId')} data-testid="wechat-id-input" {...controlLabel('微信号')} />
          <FieldError field="wechatId" errors={errors} />
        </View>
        <View className="my-card__field">
          <Text className="my-card__label">微信二维码</Text>
          {imageControl('wechatQr', form.wechatQr, '未上传')}
          <FieldError field="wechatQr" errors={errors} />
        </View>
      </SectionBlock>

      <SectionBlock title="精选产业" extra={`已选 ${form.featuredIndustries.length}/${MAX_FEATURED_INDUSTRIES}`} testId="section-industries">
        <Text className="my-card__section-note">从本区主导产业中选择你重点对接的方向；不选则显示本区主导产业。</Text>
        <ChoiceChips options={mine.districtIndustries.map((name) => ({ value: name, label: name }))} selected={form.featuredIndustries} onToggle={card.toggleIndustry} testId="industry-chips" />
        <FieldError field="featuredIndustries" errors={errors} />
      </SectionBlock>

      <SectionBlock title="精选载体" extra={`已选 ${form.featuredCarrierIds.length}/${MAX_FEATURED_CARRIERS}`} testId="section-carriers">
        <Text className="my-card__section-note">名片上优先展示前 3 个；不选则展示空置面积最大的载体。</Text>
        {mine.carriers.length > CARRIER_FILTER_FROM ? (
          <Input className="my-card__input my-card__filter" value={carrierFilter} placeholder="搜索载体名称" onInput={(e) => setCarrierFilter(e.detail.value)} data-testid="carrier-filter" {...controlLabel('搜索载体名称')} />
        ) : null}
        {carrierOptions.length ? (
          <ChoiceChips options={carrierOptions} selected={form.featuredCarrierIds} onToggle={card.toggleCarrier} block testId="carrier-chips" />
        ) : (
          <Text className="my-card__section-note">{mine.carriers.length ? '没有名称匹配的载体' : '本区暂无载体'}</Text>
        )}
        <FieldError field="featuredCarrierIds" errors={errors} />
      </SectionBlock>

      {mine.isLeader ? (
        <SectionBlock title="值班专员" testId="on-duty-picker">
          <Text className="my-card__section-note" data-testid="on-duty-note">
            指定后，名片收到的咨询由值班专员接待，名片上显示其联系方式。你的手机号可以保持不公开（关闭上方「公开手机号」即可）。
          </Text>
          <View className="my-card__options">
            {[{ staffId: null as string | null, name: '不指定', title: '咨询由我本人接待' }, ...mine.colleagues].map((c) => {
              const on = form.onDutyStaffId === c.staffId;
              return (
                <View
                  key={c.staffId ?? 'none'}
                  className={on ? 'my-card__option my-card__option--on' : 'my-card__option'}
                  hoverClass="my-card__option--pressed"
                  data-staff-id={c.staffId ?? ''}
                  data-selected={on ? 'true' : 'false'}
                  aria-checked={on ? 'true' : 'false'}
                  {...tappable({ role: 'radio' })}
                  onClick={() => card.setOnDuty(c.staffId)}
                >
                  <View className={on ? 'my-card__radio my-card__radio--on' : 'my-card__radio'} aria-hidden="true" />
                  <View className="my-card__option-text">
                    <Text className="my-card__option-name">{c.name}</Text>
                    <Text className="my-card__option-title">{c.title}</Text>
                  </View>
                </View>
              );
            })}
          </View>
          <FieldError field="onDutyStaffId" errors={errors} />
        </SectionBlock>
      ) : null}

      {district ? (
        <SectionBlock title="区域信息" extra="管理员统一维护" testId="section-locked">
          <View className="my-card__locked">
            <Text className="my-card__lock">不可编辑</Text>
            <Text className="my-card__locked-text">区域口号、简介和主导产业由本区管理员统一维护，所有名片保持一致。如需修改请联系管理员。</Text>
          </View>
          <Text className="my-card__label">区域口号</Text>
          <Text className="my-card__locked-value" data-testid="locked-slogan">
            {district.slogan}
          </Text>
          {district.intro ? (
            <>
              <Text className="my-card__label">区域简介</Text>
              <Text className="my-card__locked-value my-card__locked-value--clamped">{district.intro}</Text>
            </>
          ) : null}
          <Text className="my-card__label">主导产业</Text>
          <TagList tags={district.keyIndustries} />
        </SectionBlock>
      ) : null}

      <View className="my-card__bar">
        {saveError ? (
          <Text className="my-card__bar-error" data-testid="save-error">
            {saveError}
          </Text>
        ) : (
          <Text className="my-card__bar-status" data-testid="save-status">
            {dirty ? '有未保存的修改' : savedAt ? '已保存，访客打开即可看到' : '修改后记得保存'}
          </Text>
        )}
        <View className="my-card__bar-actions">
          {context.ownCard ? (
            <View className="my-card__button" hoverClass="my-card__button--pressed" onClick={() => openPage(ROUTES.card, { cardId: mine.cardId })} data-testid="view-card" {...tappable({ role: 'link' })}>
              <Text>查看名片</Text>
            </View>
          ) : null}
          <View
            className={saving ? 'my-card__button my-card__button--primary my-card__button--busy' : 'my-card__button my-card__button--primary'}
            hoverClass="my-card__button--pressed"
            onClick={() => void save()}
            data-testid="save-card"
            aria-busy={saving ? 'true' : undefined}
            {...tappable()}
          >
            <Text>{saving ? '正在保存…' : '保存'}</Text>
          </View>
        </View>
      </View>
    </View>
  );
}
