import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { ActionButton } from '../../components/action-button';

export interface IssuedInvite {
  name: string;
  code: string;
  expiresAt: string;
  /** Set for a re-issued code (shown on that person's row); absent for a new person's. */
  staffId?: string;
}

/** A just-issued invite code: the only time anyone sees it (the server keeps its hash alone). */
export function InviteIssued({ invite }: { invite: IssuedInvite }) {
  return (
    <View className="admin-card" data-testid="invite-issued">
      <Text>
        {invite.name} 的邀请码：<Text data-testid="invite-code">{invite.code}</Text>
      </Text>
      <Text className="admin-note">
        有效期至 {invite.expiresAt.slice(0, 10)}，仅可使用一次。请当面或电话告知本人，在「工作台 → 绑定」中输入。邀请码只在此刻显示，离开本页后无法再查看（可重发）。
      </Text>
      <ActionButton text="复制邀请码" tone="secondary" size="sm" onClick={() => void Taro.setClipboardData({ data: invite.code }).catch(() => undefined)} />
    </View>
  );
}
