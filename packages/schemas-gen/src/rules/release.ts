// One release's rules.json: each catalogue check where that release has its place, its fields and
// its code, with the message and allowed values as that release writes them.
import type { ReleaseRule } from '@alloy-lint/schemas';
import type { Catalogue, CatalogueCheck } from './checks.js';
import type { Places } from './places.js';
import { locateAll, type Where } from './locate.js';
import { type GoTree, literalsOf, unquoteGo } from './source.js';

export interface ReleaseReport {
  version: string;
  applied: number;
  absent: { id: string; reason: string }[];
  messages: { id: string; from: string; to: string }[];
  values: { id: string; dropped: (string | number)[] }[];
  places: { id: string; dropped: string[] }[];
  fields: { id: string; dropped: string[] }[];
}

/** Kinds over a set of fields: one missing field leaves the others. */
const SET_KINDS = new Set(['mutually_exclusive', 'at_least_one', 'one_of_required']);

export function releaseRules(
  catalogue: Catalogue,
  version: string,
  tree: GoTree,
  places: Places,
  reference: Places,
): { rules: ReleaseRule[]; report: ReleaseReport } {
  const report: ReleaseReport = { version, applied: 0, absent: [], messages: [], values: [], places: [], fields: [] };
  const rules: ReleaseRule[] = [];
  const where = locateAll(catalogue.checks, tree);
  for (const c of catalogue.checks) {
    const r = one(c, version, tree, places, reference, report, where.get(c.id));
    if (typeof r === 'string') report.absent.push({ id: c.id, reason: r });
    else rules.push(r);
  }
  report.applied = rules.length;
  return { rules, report };
}

function one(c: CatalogueCheck, version: string, tree: GoTree, places: Places, reference: Places, report: ReleaseReport, where: Where | undefined): ReleaseRule | string {
  const at = c.at.filter((k) => places.has(c.applies, k));
  if (at.length === 0) return `no ${c.applies === 'block' ? 'block' : 'attribute'} ${c.at.length === 1 ? c.at[0] : `of ${c.at.length} places`}`;
  if (at.length < c.at.length) report.places.push({ id: c.id, dropped: c.at.filter((k) => !at.includes(k)) });

  let fields = c.fields;
  if (c.applies === 'block') {
    const gone = fields.filter((f) => reference.hasField(c.at, f) && !places.hasField(at, f));
    if (gone.length) {
      if (!SET_KINDS.has(c.kind)) return `field ${gone.join(', ')} absent`;
      fields = fields.filter((f) => !gone.includes(f));
      if (fields.length < 2) return `fields ${gone.join(', ')} absent`;
    }
  }

  if (!tree.lines(c.source.file)) return `file ${c.source.file} absent`;
  if (!where) return 'check not found';
  const message = messageOf(c, tree, where);
  if (message === undefined) return 'message not found';
  if (message !== c.message) report.messages.push({ id: c.id, from: c.message, to: message });
  if (fields.length < c.fields.length) report.fields.push({ id: c.id, dropped: c.fields.filter((f) => !fields.includes(f)) });

  const { source, ...rest } = c;
  const rule: ReleaseRule = { ...rest, at, fields, message, upstream: `${where.found.file}:${where.found.line}@${version}` };
  delete (rule as { type?: string }).type;
  if (c.values && source.valuesFrom === 'package') {
    const file = source.messageIn ?? source.file;
    const kept = c.values.filter((v) => typeof v !== 'string' || v === '' || tree.packageHasString(file, v));
    if (kept.length < c.values.length) {
      report.values.push({ id: c.id, dropped: c.values.filter((v) => !kept.includes(v)) });
      if (kept.length === 0) return 'none of the allowed values found';
      rule.values = kept;
    }
  }
  return rule;
}

/** The message as this release writes it; undefined when it cannot be read. */
function messageOf(c: CatalogueCheck, tree: GoTree, w: Where): string | undefined {
  const s = c.source;
  if (!c.message) return c.message;
  const inFile = tree.findLiteral(tree.packageFiles(s.messageIn ?? s.file), c.message);
  if (inFile) return c.message;
  // The message changed: read it where the reference has it.
  const lits = literalsOf(s.code);
  const k = lits.findIndex((l) => unquoteGo(l) === c.message);
  if (k >= 0) {
    const now = literalsOf(tree.lines(w.found.file)?.[w.found.line - 1] ?? '');
    return now.length === lits.length ? unquoteGo(now[k]) : undefined;
  }
  if (s.messageFrom) return tree.boundLiteral(s.file, s.messageFrom);
  if (s.messageLine) return tree.literalAt({ file: w.found.file, line: w.found.line + s.messageLine });
  // Not in the package in the reference either: a library's message, kept as the catalogue has it.
  return s.messageIn ? undefined : c.message;
}
