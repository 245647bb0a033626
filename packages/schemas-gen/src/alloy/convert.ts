// Go argument types -> JSON Schema fragments with Alloy's typing rules (syntaxtags + value.AlloyType).
import { EXTERNAL_TYPES, EXTERNAL_UNDERLYING, formatBytes, formatDuration } from '../external.js';
import { selectorPath, setPath, type Evaluator, type GoValue } from '../go/eval.js';
import { field, named, type Node } from '../go/ts.js';
import { tagValue, typeName, type GoType, type Types } from '../go/types.js';
import { textEnum, validateEnums } from './enums.js';

export type Schema = Record<string, unknown>;

export interface FlatField {
  alloyName: string;
  goName: string;
  kind: 'attr' | 'block' | 'enum' | 'label';
  optional: boolean;
  type: GoType;
  dflt: GoValue | undefined;
  owner: GoType;
}

const SECRET_PKG = /\/syntax\/alloytypes$/;

export class SchemaBuilder {
  readonly unresolved = new Map<string, number>();
  private defs = new Map<string, Schema>();
  private expanding = new Set<string>();
  private recursive = new Set<string>();
  private labelled = new Map<string, boolean>();

  constructor(readonly types: Types, readonly ev: Evaluator) {
    ev.onCall = (call, _file, _env, recv) => this.fieldDefaulterCall(call, recv);
  }

  /** Starts a new top-level schema; returns the $defs collected for the previous one. */
  takeDefs(): Record<string, Schema> | undefined {
    const d = this.defs;
    this.defs = new Map();
    this.recursive.clear();
    return d.size ? Object.fromEntries([...d].sort(([a], [b]) => a.localeCompare(b))) : undefined;
  }

  deref(t: GoType): GoType {
    while (t.k === 'pointer') t = t.elem;
    return t;
  }

  /** The default of a struct after the VM's defaulting: SetToDefault (or UnmarshalAlloy) on the parent's value. */
  applyDefaulter(t: GoType, start: GoValue | undefined): GoValue | undefined {
    const n = this.deref(t);
    const m = this.types.method(n, 'SetToDefault') ?? this.types.method(n, 'UnmarshalAlloy');
    if (!m) return start;
    const recvName = field(named(field(m.node, 'receiver')).find((c) => c.type === 'parameter_declaration'), 'name')?.text ?? '_';
    const recv = { name: recvName, value: start ?? ({ v: 'struct', fields: new Map() } as GoValue) };
    this.recvTypes.push(n);
    try {
      return this.ev.runBlock(field(m.node, 'body'), m.file, new Map(), recv) ?? undefined;
    } finally {
      this.recvTypes.pop();
    }
  }

  private recvTypes: GoType[] = [];

  /** `r.Field.SetToDefault()` inside a defaulter: run the field type's SetToDefault. */
  private fieldDefaulterCall(call: Node | undefined, recv: { name: string; value: GoValue }): void {
    if (call?.type !== 'call_expression') return;
    const fn = field(call, 'function');
    if (fn?.type !== 'selector_expression' || field(fn, 'field')?.text !== 'SetToDefault') return;
    const path = selectorPath(field(fn, 'operand'));
    const owner = this.recvTypes[this.recvTypes.length - 1];
    if (!path || path.length !== 2 || path[0] !== recv.name || !owner) return;
    const ft = this.goFieldType(owner, path[1]);
    if (!ft) return;
    const cur = recv.value.v === 'struct' ? recv.value.fields.get(path[1]) : undefined;
    const next = this.applyDefaulter(ft, cur);
    if (next) recv.value = setPath(recv.value, [path[1]], next);
  }

  private goFieldType(t: GoType, goName: string): GoType | null {
    const s = this.types.underlying(this.deref(t));
    if (s.k !== 'struct') return null;
    for (const f of this.types.structFields(s)) {
      if ((f.name ?? embeddedName(f.typeNode)) === goName) return this.types.resolve(f.typeNode, f.file);
    }
    return null;
  }

  /** Tagged fields of a struct type with squashed and embedded structs flattened. */
  flatten(t: GoType, dflt: GoValue | undefined): FlatField[] {
    const owner = this.deref(t);
    const s = this.types.underlying(owner);
    if (s.k !== 'struct') {
      // A block or squashed struct whose type lies outside the tree: its fields are unknown.
      if (s.k === 'named' && !s.decl && s.pkgPath) this.unresolvedSchema(`${s.pkgPath}.${s.name}`);
      return [];
    }
    const out: FlatField[] = [];
    for (const f of this.types.structFields(s)) {
      const ft = this.types.resolve(f.typeNode, f.file);
      const tag = tagValue(f.tag, 'alloy');
      const goName = f.name ?? embeddedName(f.typeNode);
      const sub = dflt?.v === 'struct' ? dflt.fields.get(goName) : undefined;
      if (tag === undefined) {
        if (f.name === null) for (const x of this.flatten(ft, sub)) out.push(x);
        continue;
      }
      const comma = tag.indexOf(',');
      const name = comma < 0 ? tag : tag.slice(0, comma);
      const flags = comma < 0 ? [] : tag.slice(comma + 1).split(',');
      if (flags.includes('squash')) {
        for (const x of this.flatten(ft, sub)) out.push(x);
        continue;
      }
      const kind = flags.includes('label') ? 'label' : flags.includes('block') ? 'block' : flags.includes('enum') ? 'enum' : 'attr';
      out.push({ alloyName: name, goName, kind, optional: flags.includes('optional'), type: ft, dflt: sub, owner });
    }
    return out;
  }

  /** The object schema of a block body (or of a component's arguments). */
  body(t: GoType, start: GoValue | undefined): { schema: Schema; labelled: boolean } {
    const n = this.deref(t);
    const key = n.k === 'named' ? `${n.pkgPath}.${n.name}` : '';
    const ref = n.k === 'named' ? `#/$defs/${n.pkgName}.${n.name}` : '';
    if (key && this.expanding.has(key)) {
      this.recursive.add(key);
      return { schema: { $ref: ref }, labelled: this.labelled.get(key) ?? false };
    }
    if (key) this.expanding.add(key);
    const dflt = this.applyDefaulter(n, start);
    const fields = this.flatten(n, dflt);
    const enums = validateEnums(this.types, this.ev, n);
    const properties: Schema = {};
    const required: string[] = [];
    const labelled = fields.some((f) => f.kind === 'label');
    if (key) this.labelled.set(key, labelled);
    for (const f of fields) {
      if (f.kind === 'label') continue;
      if (f.kind === 'enum') {
        Object.assign(properties, this.enumBlocks(f));
        continue;
      }
      const prop = f.kind === 'block' ? this.block(f.type, f.dflt) : this.attr(f.type, f.dflt, enums.get(f.goName));
      properties[f.alloyName] = prop;
      if (!f.optional) {
        required.push(f.alloyName);
        if (prop['x-alloy-repeatable']) prop.minItems = 1;
      }
    }
    if (key) this.expanding.delete(key);
    const schema: Schema = { type: 'object', properties };
    if (required.length) schema.required = required;
    schema.additionalProperties = false;
    if (key && this.recursive.has(key)) {
      this.defs.set(ref.slice('#/$defs/'.length), schema);
      return { schema: { $ref: ref }, labelled };
    }
    return { schema, labelled };
  }

  /** A block property: single (object) or repeatable (array of objects). */
  block(t: GoType, dflt: GoValue | undefined, enumName?: string): Schema {
    const u = this.types.underlying(this.deref(t));
    const out: Schema = { 'x-alloy-kind': 'block' };
    if (enumName) out['x-alloy-enum'] = enumName;
    if (u.k === 'slice' || u.k === 'array') {
      const { schema, labelled } = this.body(u.elem, undefined);
      Object.assign(out, { 'x-alloy-repeatable': true, 'x-alloy-labelled': labelled, type: 'array', items: schema });
      if (dflt?.v === 'list' && dflt.items.length) {
        const items = dflt.items.map((i) => this.toJson(i, u.elem));
        if (items.every((i) => i !== undefined)) out.default = items;
      }
      return out;
    }
    const { schema, labelled } = this.body(t, dflt);
    return Object.assign(out, { 'x-alloy-repeatable': false, 'x-alloy-labelled': labelled }, schema);
  }

  /** `stage.json`, `stage.match`, ...: each member of an enum field as a repeatable block. */
  private enumBlocks(f: FlatField): Schema {
    const u = this.types.underlying(this.deref(f.type));
    const elem = u.k === 'slice' || u.k === 'array' ? u.elem : u;
    const out: Schema = {};
    for (const m of this.flatten(elem, undefined)) {
      if (m.kind !== 'block') continue;
      const b = this.block({ k: 'slice', elem: m.type }, undefined, f.alloyName);
      out[`${f.alloyName}.${m.alloyName}`] = b;
    }
    return out;
  }

  /** An attribute's schema: x-alloy-type, JSON type hints, default and allowed values. */
  attr(t: GoType, dflt: GoValue | undefined, allowed?: string[]): Schema {
    const s = this.valueSchema(t);
    if (!allowed && s['x-alloy-type'] === 'string') allowed = this.textEnumOf(t) ?? undefined;
    if (allowed && (s['x-alloy-type'] === 'string')) s.enum = allowed;
    const d = dflt === undefined ? undefined : this.toJson(dflt, t);
    if (d !== undefined) s.default = d;
    return { 'x-alloy-kind': 'attribute', ...s };
  }

  private textEnumOf(t: GoType): string[] | null {
    const n = this.deref(t);
    return n.k === 'named' && n.decl ? textEnum(this.types, this.ev, n) : null;
  }

  /** The Alloy type of a Go type, in value.AlloyType's order of tests. */
  valueSchema(t: GoType, nameHint?: string): Schema {
    for (let cur = t; ; ) {
      if (cur.k === 'named') {
        const special = this.namedSchema(cur);
        if (special) return special;
      }
      if (cur.k !== 'pointer') break;
      cur = cur.elem;
    }
    const n = this.deref(t);
    if (n.k === 'named') {
      if (!n.decl) {
        if (n.name === 'error') return { 'x-alloy-type': 'capsule(error)' };
        return this.unresolvedSchema(`${n.pkgPath}.${n.name}`);
      }
      const u = this.types.underlying(n);
      if (u.k === 'named' && !u.decl && u.pkgPath) {
        // A type defined over an external type: only the external's underlying type carries over.
        const basic = EXTERNAL_UNDERLYING[`${u.pkgPath}.${u.name}`];
        return basic ? this.valueSchema({ k: 'basic', name: basic }) : this.unresolvedSchema(`${u.pkgPath}.${u.name}`);
      }
      return this.valueSchema(u, `${n.pkgName}.${n.name}`);
    }
    switch (n.k) {
      case 'basic':
        if (n.name === 'string') return { 'x-alloy-type': 'string', type: 'string' };
        if (n.name === 'bool') return { 'x-alloy-type': 'bool', type: 'boolean' };
        if (/^complex/.test(n.name)) return { 'x-alloy-type': `capsule(${n.name})` };
        if (/^uint/.test(n.name)) return { 'x-alloy-type': 'number', type: 'integer', minimum: 0 };
        return { 'x-alloy-type': 'number', type: /^float/.test(n.name) ? 'number' : 'integer' };
      case 'slice':
      case 'array': {
        const elem = this.deref(n.elem);
        const eu = this.types.underlying(elem);
        if (eu.k === 'struct' && this.flatten(elem, undefined).some((f) => f.kind === 'label')) return { 'x-alloy-type': 'object', type: 'object' };
        const inner = this.valueSchema(n.elem);
        return { 'x-alloy-type': `list(${inner['x-alloy-type']})`, type: 'array', items: inner };
      }
      case 'map': {
        const k = this.types.underlying(this.deref(n.key));
        if (k.k !== 'basic' || k.name !== 'string') return { 'x-alloy-type': `capsule(${nameHint ?? typeName(n)})` };
        const inner = this.valueSchema(n.value);
        return { 'x-alloy-type': `map(${inner['x-alloy-type']})`, type: 'object', additionalProperties: inner };
      }
      case 'struct': {
        const fields = this.flatten(n, undefined).filter((f) => f.kind !== 'label');
        if (fields.length === 0) return { 'x-alloy-type': `capsule(${nameHint ?? 'struct'})` };
        const properties: Schema = {};
        const required: string[] = [];
        for (const f of fields) {
          properties[f.alloyName] = this.valueSchema(f.type);
          if (!f.optional) required.push(f.alloyName);
        }
        return { 'x-alloy-type': 'object', type: 'object', properties, ...(required.length ? { required } : {}), additionalProperties: false };
      }
      case 'interface':
        return n.empty ? { 'x-alloy-type': 'any' } : { 'x-alloy-type': `capsule(${nameHint ?? 'interface'})` };
      case 'func':
        return { 'x-alloy-type': 'function' };
      default:
        return this.unresolvedSchema(typeName(n));
    }
  }

  /** Capsules, text types, secrets, durations and known external types. */
  private namedSchema(n: GoType & { k: 'named' }): Schema | null {
    if (SECRET_PKG.test(n.pkgPath) && n.name === 'Secret') return { 'x-alloy-type': 'secret', type: 'string' };
    if (SECRET_PKG.test(n.pkgPath) && n.name === 'OptionalSecret') return { 'x-alloy-type': 'optional_secret', type: 'string' };
    if (!n.decl) {
      const ext = EXTERNAL_TYPES[`${n.pkgPath}.${n.name}`];
      if (!ext) return null;
      const json: Schema = { 'x-alloy-type': ext.type };
      if (/^(string|duration|secret)$/.test(ext.type)) json.type = 'string';
      const list = /^list\((\w+)\)$/.exec(ext.type);
      const map = /^map\((.+)\)$/.exec(ext.type);
      if (list) Object.assign(json, { type: 'array', items: { 'x-alloy-type': list[1], type: list[1] === 'number' ? 'number' : 'string' } });
      if (map) json.type = 'object';
      if (ext.enum) json.enum = ext.enum;
      if (ext.format === 'bytes') json['x-alloy-format'] = 'bytes';
      return json;
    }
    if (this.types.method(n, 'AlloyCapsule')) return { 'x-alloy-type': `capsule(${n.pkgName}.${n.name})` };
    if (this.types.method(n, 'MarshalText') || this.types.method(n, 'UnmarshalText')) return { 'x-alloy-type': 'string', type: 'string' };
    return null;
  }

  private unresolvedSchema(goType: string): Schema {
    this.unresolved.set(goType, (this.unresolved.get(goType) ?? 0) + 1);
    return { 'x-alloy-type': 'any', 'x-alloy-unresolved': `Go type ${goType} is defined outside the Alloy tree` };
  }

  /** A Go default value as JSON, following the Go type; undefined when unknown or not expressible. */
  toJson(v: GoValue, t: GoType): unknown {
    if (v.v === 'unknown') return undefined;
    const n = this.deref(t);
    if (v.v === 'nil') return undefined;
    if (n.k === 'named') {
      if (SECRET_PKG.test(n.pkgPath)) return v.v === 'str' && v.s !== '' ? v.s : undefined;
      if (!n.decl) {
        const ext = EXTERNAL_TYPES[`${n.pkgPath}.${n.name}`];
        if (ext?.format === 'duration' && v.v === 'num') return formatDuration(v.n);
        if (ext?.format === 'bytes' && v.v === 'num') return formatBytes(v.n);
        if (ext && /^(string|secret)$/.test(ext.type) && v.v === 'str') return v.s;
        return undefined;
      }
      if (this.types.method(n, 'AlloyCapsule')) return undefined;
      if (this.types.method(n, 'MarshalText') || this.types.method(n, 'UnmarshalText')) return v.v === 'str' ? v.s : undefined;
      return this.toJson(v, this.types.underlying(n));
    }
    switch (n.k) {
      case 'basic':
        return v.v === 'num' && n.name !== 'string' && n.name !== 'bool' ? v.n : v.v === 'str' && n.name === 'string' ? v.s : v.v === 'bool' && n.name === 'bool' ? v.b : undefined;
      case 'slice':
      case 'array': {
        if (v.v === 'struct' && v.fields.size === 0) return [];
        if (v.v !== 'list') return undefined;
        const items = v.items.map((i) => this.toJson(i, n.elem));
        return items.every((i) => i !== undefined) ? items : undefined;
      }
      case 'map': {
        if (v.v === 'struct' && v.fields.size === 0) return {};
        const entries = v.v === 'map' ? v.entries : v.v === 'struct' ? v.entries : undefined;
        if (!entries) return undefined;
        const out: Record<string, unknown> = {};
        for (const [k, val] of entries) {
          const j = this.toJson(val, n.value);
          if (k.v !== 'str' || j === undefined) return undefined;
          out[k.s] = j;
        }
        return out;
      }
      case 'struct': {
        if (v.v !== 'struct') return undefined;
        const out: Record<string, unknown> = {};
        for (const f of this.flatten(n, v)) {
          if (f.kind !== 'attr' || f.dflt === undefined) continue;
          const j = this.toJson(f.dflt, f.type);
          if (j !== undefined) out[f.alloyName] = j;
        }
        return Object.keys(out).length ? out : undefined;
      }
      default:
        return undefined;
    }
  }
}

function embeddedName(typeNode: Node): string {
  let n: Node | null = typeNode;
  while (n && n.type === 'pointer_type') n = named(n)[0] ?? null;
  if (n?.type === 'qualified_type') return field(n, 'name')?.text ?? n.text;
  if (n?.type === 'generic_type') return field(n, 'type')?.text ?? n.text;
  return n?.text ?? '';
}
