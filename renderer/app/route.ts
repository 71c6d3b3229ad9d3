import { useEffect, useState } from 'react';

/** Screens of the app; each lives in renderer/features/<domain>. */
export type Screen = 'dashboard' | 'criteria' | 'gap' | 'library' | 'export' | 'settings';

export interface Route {
  screen: Screen;
  /** The selected criteria node, when the screen shows one. */
  nodeId: number | null;
}

const SCREENS: Screen[] = ['dashboard', 'criteria', 'gap', 'library', 'export', 'settings'];

/** "#/criteria/42" ⇄ { screen: 'criteria', nodeId: 42 }: links to a node survive a reload. */
export function parseRoute(hash: string): Route {
  const [, screen, id] = hash.replace(/^#/, '').split('/');
  return {
    screen: SCREENS.includes(screen as Screen) ? (screen as Screen) : 'criteria',
    nodeId: id && /^\d+$/.test(id) ? Number(id) : null,
  };
}

export function routeHash(route: Route): string {
  return `#/${route.screen}${route.nodeId ? `/${route.nodeId}` : ''}`;
}

export function useRoute(): [Route, (r: Partial<Route>) => void] {
  const [route, setRoute] = useState(() => parseRoute(location.hash));
  useEffect(() => {
    const onHash = () => setRoute(parseRoute(location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  const navigate = (r: Partial<Route>) => {
    const next = { ...route, ...r };
    if (r.screen && r.screen !== route.screen && r.nodeId === undefined) next.nodeId = null;
    location.hash = routeHash(next);
  };
  return [route, navigate];
}
