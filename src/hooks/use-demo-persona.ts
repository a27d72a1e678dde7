import { useEffect, useState } from 'react';
import { detectLocalDemo, pickPersonaId, storedPersonaId, storePersonaId, type DemoPersona, type LocalDemo } from '../services/demo-persona';

export interface DemoPersonaState {
  /** Null outside local-demo mode: nothing is shown then. */
  personas: DemoPersona[] | null;
  activeId: string | null;
  choose: (id: string) => void;
}

/** Local-demo persona switch (H5 against the local cloud). Choosing reloads so every page refetches as that persona. */
export const useDemoPersona = (): DemoPersonaState => {
  const [demo, setDemo] = useState<LocalDemo | null>(null);

  useEffect(() => {
    let alive = true;
    detectLocalDemo().then((found) => {
      if (alive) setDemo(found);
    });
    return () => {
      alive = false;
    };
  }, []);

  const choose = (id: string): void => {
    storePersonaId(id);
    if (typeof window !== 'undefined') window.location.reload();
  };

  return { personas: demo?.personas ?? null, activeId: demo ? pickPersonaId(demo, storedPersonaId()) : null, choose };
};
