import { createContext, useContext } from 'react';
import type { Assessment, WorkspaceInfo } from '../../shared/models';
import type { Route } from './route';

/** What every screen needs: the workspace, the chosen assessment and navigation. */
export interface AppState {
  info: WorkspaceInfo;
  assessment: Assessment | null;
  setAssessmentId(id: number): void;
  route: Route;
  navigate(r: Partial<Route>): void;
}

export const AppContext = createContext<AppState | null>(null);

export function useApp(): AppState {
  const s = useContext(AppContext);
  if (!s) throw new Error('useApp outside AppContext');
  return s;
}
