import type { Severity } from '../schema.js';
import { closest } from '../suggest.js';
import type { Checks, NodeKind, Rule } from './types.js';

/** A severity setting for one rule, as `.alloy-lint.json` and `--rule` give it. */
export type RuleSetting = Severity | 'off';
export type RuleSettings = Readonly<Record<string, RuleSetting>>;

const KINDS: NodeKind[] = ['component', 'block', 'attribute', 'config'];

/** The checks to run for one node kind, each with the rule and the severity it reports with. */
export type Dispatch = { [K in NodeKind]: { rule: Rule; severity: Severity; check: NonNullable<Checks[K]> }[] };

/** A problem with the rule settings of a configuration or a command line. */
export interface SettingProblem {
  id: string;
  kind: 'unknown' | 'ineffective';
  message: string;
}

/**
 * Every rule in one place: its id, default severity, whether Alloy refuses what it finds,
 * description, docs, and its checks by node kind. Every diagnostic's severity comes from here.
 */
export class RuleRegistry {
  private readonly byId = new Map<string, Rule>();

  constructor(rules: Iterable<Rule> = []) {
    for (const r of rules) this.register(r);
  }

  /** Adds a rule; ids are unique. */
  register(rule: Rule): this {
    if (this.byId.has(rule.id)) throw new Error(`rule ${rule.id} is registered twice`);
    if (rule.refusedByAlloy && rule.severity !== 'error') throw new Error(`rule ${rule.id}: what Alloy refuses is an error`);
    this.byId.set(rule.id, rule);
    return this;
  }

  get(id: string): Rule | undefined {
    return this.byId.get(id);
  }

  /** Every rule, sorted by id. */
  all(): Rule[] {
    return [...this.byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  /** The node kinds a rule's checks visit. */
  visits(rule: Rule): NodeKind[] {
    return KINDS.filter((k) => rule.checks?.[k] !== undefined);
  }

  /** The severity diagnostics with this id get under `settings`, or `off`. */
  severity(id: string, settings: RuleSettings = {}): RuleSetting {
    const rule = this.byId.get(id);
    if (!rule) return 'error';
    if (rule.refusedByAlloy) return 'error';
    return settings[id] ?? rule.severity;
  }

  /** True when a diagnostic with this id can be silenced (by a setting or a comment). */
  silenceable(id: string): boolean {
    const rule = this.byId.get(id);
    return rule !== undefined && !rule.refusedByAlloy;
  }

  /** Problems with settings: unknown ids, and switches that cannot take effect. */
  problems(settings: RuleSettings): SettingProblem[] {
    const out: SettingProblem[] = [];
    for (const [id, value] of Object.entries(settings)) {
      const rule = this.byId.get(id);
      if (!rule) {
        const best = closest(id, this.byId.keys());
        out.push({ id, kind: 'unknown', message: `unknown rule ${JSON.stringify(id)}${best ? ` (did you mean ${JSON.stringify(best)}?)` : ''}; \`alloy-lint rules\` lists them` });
      } else if (rule.refusedByAlloy && value !== 'error') {
        out.push({ id, kind: 'ineffective', message: `rule ${JSON.stringify(id)} cannot be set to ${value}: Alloy refuses a configuration with this problem, so it stays an error` });
      }
    }
    return out;
  }

  /** The checks of the rules that are on under `settings`, grouped by node kind. */
  dispatch(settings: RuleSettings = {}): Dispatch {
    const out: Dispatch = { component: [], block: [], attribute: [], config: [] };
    for (const rule of this.byId.values()) {
      if (!rule.checks) continue;
      const severity = this.severity(rule.id, settings);
      if (severity === 'off') continue;
      for (const k of KINDS) {
        const check = rule.checks[k];
        if (check) (out[k] as { rule: Rule; severity: Severity; check: unknown }[]).push({ rule, severity, check });
      }
    }
    return out;
  }
}
