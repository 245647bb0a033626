// Reading and validating command-line flags the same way in every command.

import type { Command } from 'commander';
import { UsageError } from './io.js';

/**
 * A flag's value, found by its long name: commander stores it under a derived key
 * (`--feature.community-components.enabled` under `feature.communityComponents.enabled`).
 */
export function flag<T = unknown>(cmd: Command, long: string): T | undefined {
  const option = cmd.options.find((o) => o.long === long);
  if (!option) throw new Error(`no option ${long}`);
  return cmd.getOptionValue(option.attributeName()) as T | undefined;
}

/** For repeatable options that take exactly one value each (`--rule a=off --rule b=error`). */
export const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

/** An integer flag, at least `min`; anything else is a usage error saying what was expected. */
export function integerFlag(name: string, text: string | undefined, min: number): number | undefined {
  if (text === undefined) return undefined;
  if (!/^[+-]?\d+$/.test(text.trim()) || !Number.isSafeInteger(Number(text))) throw new UsageError(`${name} expects an integer, got ${JSON.stringify(text)}`);
  const n = Number(text);
  if (n < min) throw new UsageError(`${name} must be at least ${min}, got ${n}`);
  return n;
}
