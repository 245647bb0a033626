import { DEPRECATED_IDENTIFIERS, EXPERIMENTAL_IDENTIFIERS, STDLIB_IDENTIFIERS } from '@alloy-lint/values';

/** Top-level names of Alloy's standard library, for scope checks (the values package owns the list). */
export const STDLIB: ReadonlySet<string> = new Set(STDLIB_IDENTIFIERS);
export const DEPRECATED_STDLIB: ReadonlySet<string> = DEPRECATED_IDENTIFIERS;

/** Functions gated at the experimental stability level. */
export const EXPERIMENTAL_STDLIB: ReadonlySet<string> = EXPERIMENTAL_IDENTIFIERS;
