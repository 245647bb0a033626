// The catalogue of Alloy's argument checks (packages/schemas-gen/rules/argument-checks.json):
// data this project owns, written against one reference release and checked against each release.
import type { ReleaseRule } from '@alloy-lint/schemas';

/** Where a check is in the source of the reference release (or of `release`). */
export interface CheckSource {
  /** The release `line` and `code` come from, for checks the reference does not have. */
  release?: string;
  /** Go file, relative to the Alloy tree. */
  file: string;
  /** Line in the reference release. */
  line: number;
  /** The code on that line (trimmed): how the check is found again in other releases. */
  code: string;
  /** The message is the string bound to this identifier (`errTooManyAuth = errors.New("…")`). */
  messageFrom?: string;
  /** The message literal is this many lines below `code` (a call written over several lines). */
  messageLine?: number;
  /** The message literal is in this file of the package rather than in `file`. */
  messageIn?: string;
  /** Every allowed value is a string literal of the package: a release keeps only those it still writes. */
  valuesFrom?: 'package';
}

/** One check: a release rule without `upstream`, plus where it is in the source. */
export interface CatalogueCheck extends Omit<ReleaseRule, 'upstream'> {
  /** Go type of shared checks (`internal/component/common/config.TLSConfig`). */
  type?: string;
  source: CheckSource;
}

export interface Catalogue {
  /** The release the catalogue was written against (its lines, messages and places). */
  reference: string;
  checks: CatalogueCheck[];
}

const KINDS = new Set([
  'allowed_values', 'range', 'non_empty', 'format', 'custom', 'requires', 'mutually_exclusive',
  'at_least_one', 'one_of_required', 'url_parses', 'regex_compiles', 'unique',
]);

/** Checks the catalogue's shape; throws a message naming the first bad entry. */
export function readCatalogue(data: unknown): Catalogue {
  const c = data as Catalogue;
  if (!c || typeof c.reference !== 'string' || !Array.isArray(c.checks)) throw new Error('argument checks: expected {reference, checks: [...]}');
  const ids = new Set<string>();
  c.checks.forEach((k, i) => {
    const bad = (what: string) => new Error(`argument checks: entry ${i} (${k?.id ?? 'no id'}): ${what}`);
    if (typeof k.id !== 'string' || !k.id) throw bad('missing id');
    if (ids.has(k.id)) throw bad('duplicate id');
    ids.add(k.id);
    if (!KINDS.has(k.kind)) throw bad(`unknown kind ${JSON.stringify(k.kind)}`);
    if (k.applies !== 'block' && k.applies !== 'value') throw bad('applies must be block or value');
    if (!Array.isArray(k.at) || k.at.length === 0) throw bad('at must list where the check runs');
    if (!Array.isArray(k.fields)) throw bad('fields must be a list');
    if (typeof k.message !== 'string') throw bad('message must be a string');
    if (!k.source || typeof k.source.file !== 'string' || typeof k.source.code !== 'string') throw bad('source needs file and code');
  });
  return c;
}
