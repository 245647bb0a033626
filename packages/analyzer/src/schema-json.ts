import { argumentRulesAt } from './argument-rules.js';
import { REGEX_RULES, TEXT_RULES } from './text-rules.generated.js';
import type { AttrSpec, BlockSpec, BodySpec, ComponentCatalog, ComponentSpec, Stability } from './schema.js';

/** The parts of a generated schema file (schemas/<version>/...) the checker reads. */
interface JsonBody {
  $ref?: string;
  properties?: Record<string, JsonProp>;
  required?: string[];
  'x-alloy-free-form'?: boolean;
}
interface JsonProp extends JsonBody {
  'x-alloy-kind'?: 'attribute' | 'block';
  'x-alloy-type'?: string;
  'x-alloy-repeatable'?: boolean;
  items?: JsonBody;
  minItems?: number;
  maxItems?: number;
  enum?: (string | number)[];
  default?: unknown;
}
interface JsonSchema extends JsonBody {
  'x-alloy-kind': 'component' | 'config-block';
  'x-alloy-name': string;
  'x-alloy-stability'?: string;
  'x-alloy-community'?: boolean;
  'x-alloy-docs'?: string;
  'x-alloy-exports'?: Record<string, JsonProp>;
  $defs?: Record<string, JsonBody>;
}
interface JsonIndex {
  version: string;
  entries: { name: string; kind: 'component' | 'config-block'; file: string }[];
}

/** Reads one schema file by its index path (`components/loki.write.json`). */
export type SchemaReader = (file: string) => unknown;

/** A component catalog over the generated JSON schemas; files are read and converted on first use. */
export function catalogFromJson(index: unknown, read: SchemaReader): ComponentCatalog {
  const idx = index as JsonIndex;
  const entries = new Map(idx.entries.map((e) => [e.name, e]));
  const components = new Map<string, ComponentSpec | undefined>();
  const blocks = new Map<string, BodySpec | undefined>();
  const load = (name: string, kind: string): JsonSchema | undefined => {
    const e = entries.get(name);
    return e && e.kind === kind ? (read(e.file) as JsonSchema) : undefined;
  };
  return {
    version: idx.version,
    names: () => idx.entries.filter((e) => e.kind === 'component').map((e) => e.name),
    component(name) {
      if (!components.has(name)) {
        const s = load(name, 'component');
        components.set(name, s && toComponent(s));
      }
      return components.get(name);
    },
    block(name) {
      if (!blocks.has(name)) {
        const s = load(name, 'config-block');
        blocks.set(name, s && new Converter(s).body(s));
      }
      return blocks.get(name);
    },
  };
}

function toComponent(s: JsonSchema): ComponentSpec {
  const c = new Converter(s);
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

class Converter {
  private readonly memo = new Map<string, BodySpec>();
  private path: string[] = [];

  constructor(private readonly root: JsonSchema) {}

  body(b: JsonBody | undefined): BodySpec {
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

  private fill(spec: BodySpec, b: JsonBody): void {
    const rules = argumentRulesAt(`${this.root['x-alloy-name']}:${this.path.join('.')}`);
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
      spec.fields.push(p['x-alloy-kind'] === 'block' ? this.block(name, p, required.has(name)) : this.attr(name, p, required.has(name)));
    }
  }

  attr(name: string, p: JsonProp, required: boolean): AttrSpec {
    const a: AttrSpec = { kind: 'attr', name, type: p['x-alloy-type'] ?? 'any', required };
    const key = `${this.root['x-alloy-name']}:${[...this.path, name].join('.')}`;
    if (TEXT_RULES[key]) a.textRule = TEXT_RULES[key];
    if (REGEX_RULES[key]) a.regex = REGEX_RULES[key];
    if (p.default !== undefined) a.default = p.default;
    if (p.enum) a.enum = p.enum;
    return a;
  }

  private block(name: string, p: JsonProp, required: boolean): BlockSpec {
    const repeatable = p['x-alloy-repeatable'] === true;
    let count: BlockSpec['count'] = repeatable ? 'many' : 'one';
    if (repeatable && p.minItems !== undefined && p.minItems === p.maxItems) count = p.minItems;
    this.path.push(name);
    const body = this.body(repeatable ? p.items : p);
    this.path.pop();
    return { kind: 'block', name, required, count, body };
  }
}
