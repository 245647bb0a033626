import type { Signal } from './model.js';

/** Colour of each signal on a light and on a dark background. */
export const SIGNAL_COLORS: Record<Signal, { light: string; dark: string }> = {
  logs: { light: '#2f9e44', dark: '#69db7c' },
  metrics: { light: '#e8590c', dark: '#ffa94d' },
  traces: { light: '#1971c2', dark: '#74c0fc' },
  profiles: { light: '#9c36b5', dark: '#e599f7' },
  targets: { light: '#0c8599', dark: '#66d9e8' },
  other: { light: '#6b7280', dark: '#adb5bd' },
};

/** What each signal means, for legends. */
export const SIGNAL_NAMES: Record<Signal, string> = {
  logs: 'logs',
  metrics: 'metrics',
  traces: 'traces',
  profiles: 'profiles',
  targets: 'targets (discovery)',
  other: 'other values',
};

export const BADGE_COLORS = { error: '#e03131', warning: '#f08c00', info: '#1c7ed6' };
