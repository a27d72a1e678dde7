import { createPortal } from 'react-dom';
import { PersonaSwitcher } from '../components/persona-switcher';
import { useDemoPersona } from '../hooks/use-demo-persona';

/**
 * Shown only against the local cloud (it answers the personas endpoint), so a production web link never has it.
 * Portalled to <body>: Taro's H5 router hides every `.taro_page` that is not the last child of `#app`.
 */
export function DemoPersonaHost() {
  const { personas, activeId, choose } = useDemoPersona();
  if (!personas || !activeId || typeof document === 'undefined') return null;
  return createPortal(<PersonaSwitcher personas={personas} activeId={activeId} onChoose={choose} />, document.body);
}
