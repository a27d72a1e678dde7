import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import './index.css';
import { pressable } from '../a11y';

export interface PersonaOption {
  id: string;
  label: string;
  kind: string;
}

export interface PersonaSwitcherProps {
  personas: readonly PersonaOption[];
  activeId: string;
  onChoose: (id: string) => void;
}

/** Local-demo only: a small pill to act as another dev persona. Never rendered against a real backend. */
export function PersonaSwitcher({ personas, activeId, onChoose }: PersonaSwitcherProps) {
  const [open, setOpen] = useState(false);
  const active = personas.find((p) => p.id === activeId) ?? personas[0];
  if (!active) return null;
  return (
    <View className="persona-switcher" data-testid="persona-switcher">
      {open ? <View className="persona-switcher__backdrop" aria-hidden="true" onClick={() => setOpen(false)} /> : null}
      {open ? (
        <View className="persona-switcher__menu" data-testid="persona-menu">
          <Text className="persona-switcher__menu-title">切换演示身份</Text>
          {personas.map((persona) => (
            <View
              key={persona.id}
              className={persona.id === active.id ? 'persona-switcher__option persona-switcher__option--active' : 'persona-switcher__option'}
              data-persona={persona.id}
              onClick={() => {
                setOpen(false);
                if (persona.id !== active.id) onChoose(persona.id);
              }}
              {...pressable(() => {
                setOpen(false);
                if (persona.id !== active.id) onChoose(persona.id);
              })}
            >
              <Text>{persona.label}</Text>
            </View>
          ))}
        </View>
      ) : null}
      <View
        className="persona-switcher__pill"
        data-testid="persona-pill"
        aria-expanded={open ? 'true' : 'false'}
        onClick={() => setOpen(!open)}
        {...pressable(() => setOpen(!open), { label: `演示身份：${active.label}，点击切换` })}
      >
        <Text>演示身份：{active.label} ▾</Text>
      </View>
    </View>
  );
}
