import { Input, Text, View } from '@tarojs/components';
import { ActionButton } from '../../components/action-button';
import { openPage, ROUTES } from '../../routes';
import { INVITE_CODE_LENGTH, useBindInvite } from './use-bind-invite';
import { PAGE_HEADING } from '../../components/a11y';
import './index.css';

export default function BindPage() {
  const bind = useBindInvite();

  if (bind.bound) {
    return (
      <View className="bind" data-testid="bind-done" role="main">
        <View className="bind__card bind__card--done">
          <View className="bind__done-icon">
            <Text className="bind__done-tick">✓</Text>
          </View>
          <Text {...PAGE_HEADING} className="bind__title">绑定成功</Text>
          <Text className="bind__text">欢迎您，{bind.bound.name}。分配给您的线索会出现在工作台，并通过微信提醒您。</Text>
          <View className="bind__action">
            <ActionButton text="进入工作台" block onClick={() => openPage(ROUTES.staffInbox, {}, 'redirect')} testId="open-workspace" />
          </View>
        </View>
      </View>
    );
  }

  return (
    <View className="bind" data-testid="bind" role="main">
      <View className="bind__card">
        <Text {...PAGE_HEADING} className="bind__title">绑定工作人员账号</Text>
        <Text className="bind__text">请输入管理员发给您的 8 位邀请码。绑定后，本微信即可登录招商工作台处理线索；每个邀请码只能使用一次。</Text>
        <Input
          className={bind.error ? 'bind__input bind__input--error' : 'bind__input'}
          value={bind.code}
          maxlength={16}
          placeholder="例如 AB12CD34"
          data-testid="invite-code"
          onInput={(e) => bind.setCode(e.detail.value)}
          onConfirm={() => void bind.submit()}
        />
        <Text className="bind__count">
          {bind.code.length}/{INVITE_CODE_LENGTH}
        </Text>
        {bind.error ? (
          <Text className="bind__error" data-testid="bind-error">
            {bind.error}
          </Text>
        ) : null}
        <View className="bind__action">
          <ActionButton text="绑定" block muted={bind.code.length !== INVITE_CODE_LENGTH} loading={bind.submitting} onClick={() => void bind.submit()} testId="bind-submit" />
        </View>
        <Text className="bind__note">没有邀请码？请联系本区投资促进局信息管理员。</Text>
      </View>
    </View>
  );
}
