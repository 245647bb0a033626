// Converts a generated schema file into the specs a checker walks, attaching the release's
// argument checks (text values, regexes, block rules) where they apply.
import { isBlock } from './info.js';
import { type RuleIndex, ruleKey } from './rules.js';
import type { AttributeSchema, BlockSchema, BodySchema, ComponentSchema } from './schema-types.js';
import type { AttrSpec, BlockSpec, BodySpec, ComponentSpec, Stability } from './spec-types.js';

export function componentSpec(s: ComponentSchema, rules: RuleIndex): ComponentSpec {
  const c = new Converter(s, rules);
  const hasArgs = s.$ref !== undefined || s.properties !== undefined || s['x-alloy-free-form'] === true;
  return {
    name: s['x-alloy-name'],
    stability: (s['x-alloy-stability'] ?? 'generally-available') as Stability,
    community: s['x-alloy-community'] ?? false,
    args: hasArgs ? c.body(s) : undefined,
    exports: Object.entries(s['x-alloy-exports'] ?? {}).map(([name, p]) => c.attr(name, p, false)),
    docs: s['x-alloy-docs'],
  };
}

export function blockSpec(s: ComponentSchema, rules: RuleIndex): BodySpec {
  return new Converter(s, rules).body(s);
}

class Converter {
  private readonly memo = new Map<string, BodySpec>();
  private path: string[] = [];

  constructor(
    private readonly root: ComponentSchema,
    private readonly rules: RuleIndex,
  ) {}

  body(b: BodySchema | undefined): BodySpec {
    if (!b) return { kind: 'any', fields: [] };
    const ref = b.$ref;
    if (ref) {
      const hit = this.memo.get(ref);
      if (hit) return hit;
      const target = this.root.$defs?.[ref.replace('#/$defs/', '')];
      const spec: BodySpec = { kind: 'struct', fields: [] };
      this.memo.set(ref, spec);
      this.fill(spec, target ?? {});
      return spec;
    }
    const spec: BodySpec = { kind: 'struct', fields: [] };
    this.fill(spec, b);
    return spec;
  }

  private fill(spec: BodySpec, b: BodySchema): void {
    const rules = this.rules.args.get(ruleKey(this.root['x-alloy-name'], this.path));
    if (rules) spec.argRules = rules;
    if (b.$ref) {
      const inner = this.body(b);
      spec.kind = inner.kind;
      spec.fields = inner.fields;
      return;
    }
    if (b['x-alloy-free-form'] && !b.properties) {
      spec.kind = 'map';
      return;
    }
    const required = new Set(b.required ?? []);
    for (const [name, p] of Object.entries(b.properties ?? {})) {
      spec.fields.push(isBlock(p) ? this.block(name, p, required.has(name)) : this.attr(name, p, required.has(name)));
    }
  }

  attr(name: string, p: AttributeSchema, required: boolean): AttrSpec {
    const a: AttrSpec = { kind: 'attr', name, type: p['x-alloy-type'] ?? 'any', required };
    const key = ruleKey(this.root['x-alloy-name'], [...this.path, name]);
    const text = this.rules.text.get(key);
    if (text) a.textRule = text;
    const regex = this.rules.regex.get(key);
    if (regex) a.regex = regex;
    if (p.default !== undefined) a.default = p.default;
    if (p.enum) a.enum = p.enum;
    if (a.type === 'number') a.number = p.type === 'number' ? 'float' : p.minimum === 0 ? 'uint' : 'int';
    if (p['x-alloy-format'] === 'bytes') a.bytes = true;
    return a;
  }

  private block(name: string, p: BlockSchema, required: boolean): BlockSpec {
    const repeatable = p['x-alloy-repeatable'] === true;
    let count: BlockSpec['count'] = repeatable ? 'many' : 'one';
    if (repeatable && p.minItems !== undefined && p.minItems === p.maxItems) count = p.minItems;
    this.path.push(name);
    const body = this.body(repeatable ? p.items : p);
    this.path.pop();
    return { kind: 'block', name, required, count, body };
  }
}
