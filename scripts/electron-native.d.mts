// Types for scripts/electron-native.mjs, so the tests that import it stay strict.
export declare const NATIVE_BINDING_ENV: 'HSKC_NATIVE_BINDING';
export declare const ELECTRON_FETCH_TIMEOUT_MS: number;
export declare const NATIVE_BUILD_TIMEOUT_MS: number;

export interface BuildJob {
  dir: string;
  electronVersion: string;
  arch: string;
  platform: string;
}
export interface Builders {
  prebuild(job: BuildJob): boolean;
  compile(job: BuildJob): boolean;
}
export type Binding =
  { file: string; cached: boolean; error?: undefined } | { error: string; file?: undefined };
export type StartPlan =
  | { mode: 'electron'; electronPath: string; env: Record<string, string> }
  | { mode: 'web'; message: string };

export declare function installedElectron(electronDir: string): string | null;
export declare function findElectron(opts: {
  electronDir: string;
  log?: (line: string) => void;
  fetch?: (electronDir: string, timeoutMs: number) => unknown;
  timeoutMs?: number;
}): string | null;
export declare function bindingCacheFile(opts: {
  root: string;
  electronVersion: string;
  sqliteVersion: string;
  platform: string;
  arch: string;
}): string;
export declare function defaultBuilders(opts: {
  root: string;
  env?: NodeJS.ProcessEnv;
  timeout?: number;
}): Builders;
export declare function nodeGypScript(env?: NodeJS.ProcessEnv): string | null;
export declare function prepareElectronBinding(opts: {
  root: string;
  electronVersion: string;
  platform?: string;
  arch?: string;
  builders?: Builders;
  tmpRoot?: string;
}): Binding;
export declare function planStart(opts: {
  electronPath: string | null;
  binding: Binding | null;
}): StartPlan;
export declare function electronVersionOf(electronDir: string): string;
