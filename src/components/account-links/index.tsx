import { Text, View } from '@tarojs/components';
import { useText } from '../../i18n/text-context';
import './index.css';
import { pressable } from '../a11y';

export type AccountKind = 'anonymous' | 'investor' | 'staff';

export interface AccountLinksProps {
  kind: AccountKind;
  onOpenMyLeads: () => void;
  onOpenWorkspace: () => void;
  onBindStaff: () => void;
}

interface Entry {
  key: string;
  title: string;
  note: string;
  onClick: () => void;
  primary?: boolean;
}

/**
 * Footer links on the card: 我的咨询 for anyone signed in, 工作台 for staff, and the invite-code entry for staff
 * who have not bound their WeChat yet. Anonymous visitors (Moments single-page mode, the open web) get nothing:
 * they can neither navigate nor be identified.
 */
export function AccountLinks({ kind, onOpenMyLeads, onOpenWorkspace, onBindStaff }: AccountLinksProps) {
  const t = useText();
  if (kind === 'anonymous') return null;
  const entries: Entry[] = [];
  if (kind === 'staff') entries.push({ key: 'workspace', title: t.accountWorkspace, note: t.accountWorkspaceNote, onClick: onOpenWorkspace, primary: true });
  entries.push({ key: 'my-leads', title: t.accountMyLeads, note: t.accountMyLeadsNote, onClick: onOpenMyLeads });
  return (
    <View className="account-links" data-testid="account-links">
      <View className="account-links__row">
        {entries.map((e) => (
          <View
            key={e.key}
            className={e.primary ? 'account-links__entry account-links__entry--primary' : 'account-links__entry'}
            hoverClass="account-links__entry--pressed"
            data-testid={`account-link-${e.key}`}
            onClick={e.onClick}
            {...pressable(e.onClick, { role: 'link' })}
          >
            <View className="account-links__text">
              <Text className="account-links__title">{e.title}</Text>
              <Text className="account-links__note">{e.note}</Text>
            </View>
            <Text className="account-links__chevron" aria-hidden="true">
              ›
            </Text>
          </View>
        ))}
      </View>
      {kind === 'investor' ? (
        <View className="account-links__bind" data-testid="account-link-bind" onClick={onBindStaff} {...pressable(onBindStaff, { role: 'link' })}>
          <Text>{t.accountBindStaff}</Text>
        </View>
      ) : null}
    </View>
  );
}
