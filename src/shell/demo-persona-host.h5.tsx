import { createPortal } from 'react-dom';
import { PersonaSwitcher } from '../components/persona-switcher';
import { useDemoPersona } from '../hooks/use-demo-persona';
import { detectLocalDemo } from '../services/demo-persona';

// Ask once, while the entry is still evaluating: every first request waits for this answer (to know whether
// to send a persona), so starting it here instead of at first render takes a round trip off the first screen.
void detectLocalDemo();

/**
 * Shown only against the local cloud (it answers the personas endpoint), so a production web link never has it.
 * Portalled to <body>: Taro's H5 router hides every `.taro_page` that is not the last child of `#app`.
 */
export function DemoPersonaHost() {
  const { personas, activeId, choose } = useDemoPersona();
  if (!personas || !activeId || typeof document === 'undefined') return null;
  return createPortal(<PersonaSwitcher personas={personas} activeId={activeId} onChoose={choose} />, document.body);
}
