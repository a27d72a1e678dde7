import { Text, View } from '@tarojs/components';
import { tappable } from '../../../components/a11y';

interface SaveBarProps {
  saving: boolean;
  dirty: boolean;
  savedAt: string | null;
  saveError: string | null;
  /** 查看名片 only once the card is this person's own. */
  onViewCard: (() => void) | null;
  onSave: () => void;
}

/** The bar at the bottom: what is saved (or why not), 查看名片 and 保存. */
export function SaveBar({ saving, dirty, savedAt, saveError, onViewCard, onSave }: SaveBarProps) {
  return (
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
        {onViewCard ? (
          <View className="my-card__button" hoverClass="my-card__button--pressed" onClick={onViewCard} data-testid="view-card" {...tappable({ role: 'link' })}>
            <Text>查看名片</Text>
          </View>
        ) : null}
        <View
          className={saving ? 'my-card__button my-card__button--primary my-card__button--busy' : 'my-card__button my-card__button--primary'}
          hoverClass="my-card__button--pressed"
          onClick={onSave}
          data-testid="save-card"
          aria-busy={saving ? 'true' : undefined}
          {...tappable()}
        >
          <Text>{saving ? '正在保存…' : '保存'}</Text>
        </View>
      </View>
    </View>
  );
}
