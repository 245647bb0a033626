// Resolution of Go type expressions to a small type model, across packages of the tree.
import type { Decl, GoFile, MethodDecl, Workspace } from './loader.js';
import { field, named, stringLit, type Node } from './ts.js';

export type GoType =
  | { k: 'named'; pkgPath: string; pkgName: string; name: string; decl: Decl | null }
  | { k: 'basic'; name: string }
  | { k: 'pointer'; elem: GoType }
  | { k: 'slice'; elem: GoType }
  | { k: 'array'; elem: GoType }
  | { k: 'map'; key: GoType; value: GoType }
  | { k: 'struct'; node: Node; file: GoFile }
  | { k: 'interface'; empty: boolean }
  | { k: 'func' }
  | { k: 'chan' }
  | { k: 'unknown'; text: string };

const BASIC = new Set([
  'string', 'bool', 'int', 'int8', 'int16', 'int32', 'int64', 'uint', 'uint8', 'uint16', 'uint32', 'uint64',
  'uintptr', 'float32', 'float64', 'byte', 'rune', 'complex64', 'complex128',
]);

export interface StructField {
  name: string | null; // null for an embedded field
  typeNode: Node;
  file: GoFile;
  tag: string;
}

export class Types {
  constructor(readonly ws: Workspace) {}

  resolve(node: Node, file: GoFile): GoType {
    switch (node.type) {
      case 'type_identifier':
      case 'identifier': {
        const n = node.text;
        if (BASIC.has(n)) return { k: 'basic', name: n === 'byte' ? 'uint8' : n === 'rune' ? 'int32' : n };
        if (n === 'any') return { k: 'interface', empty: true };
        if (n === 'error') return { k: 'named', pkgPath: '', pkgName: '', name: 'error', decl: null };
        return this.namedIn(file.pkg.path, n) ?? { k: 'unknown', text: n };
      }
      case 'qualified_type': {
        const q = field(node, 'package')?.text ?? '';
        const name = field(node, 'name')?.text ?? '';
        const path = this.ws.qualifier(file, q);
        if (!path) return { k: 'unknown', text: node.text };
        return this.namedIn(path, name) ?? { k: 'named', pkgPath: path, pkgName: q, name, decl: null };
      }
      case 'selector_expression': {
        // Types written in expression position (conversions, composite literals).
        const op = field(node, 'operand');
        const f = field(node, 'field');
        if (op?.type === 'identifier' && f) {
          const path = this.ws.qualifier(file, op.text);
          if (path) return this.namedIn(path, f.text) ?? { k: 'named', pkgPath: path, pkgName: op.text, name: f.text, decl: null };
        }
        return { k: 'unknown', text: node.text };
      }
      case 'pointer_type':
        return { k: 'pointer', elem: this.resolve(named(node)[0], file) };
      case 'slice_type':
        return { k: 'slice', elem: this.resolve(field(node, 'element')!, file) };
      case 'array_type':
      case 'implicit_length_array_type':
        return { k: 'array', elem: this.resolve(field(node, 'element')!, file) };
      case 'map_type':
        return { k: 'map', key: this.resolve(field(node, 'key')!, file), value: this.resolve(field(node, 'value')!, file) };
      case 'struct_type':
        return { k: 'struct', node, file };
      case 'interface_type':
        return { k: 'interface', empty: named(node).length === 0 };
      case 'function_type':
        return { k: 'func' };
      case 'channel_type':
        return { k: 'chan' };
      case 'generic_type':
        return this.resolve(field(node, 'type')!, file);
      case 'parenthesized_type':
        return this.resolve(named(node)[0], file);
      default:
        return { k: 'unknown', text: node.text };
    }
  }

  /** A declared type of a package; aliases are followed. */
  namedIn(pkgPath: string, name: string): GoType | null {
    const pkg = this.ws.load(pkgPath);
    const decl = pkg?.types.get(name);
    if (!pkg || !decl) return null;
    if (decl.node.type === 'type_alias') return this.resolve(field(decl.node, 'type')!, decl.file);
    return { k: 'named', pkgPath, pkgName: pkg.name, name, decl };
  }

  /** The underlying type of a named type (one step per call to underlying of a named chain). */
  underlying(t: GoType): GoType {
    let cur = t;
    for (let i = 0; i < 20 && cur.k === 'named' && cur.decl; i++) {
      cur = this.resolve(field(cur.decl.node, 'type')!, cur.decl.file);
    }
    return cur;
  }

  /** Methods declared on a named type (value or pointer receivers). */
  method(t: GoType, name: string): MethodDecl | null {
    if (t.k !== 'named' || !t.decl) return null;
    return t.decl.file.pkg.methods.get(t.name)?.get(name) ?? null;
  }

  structFields(t: GoType & { k: 'struct' }): StructField[] {
    const out: StructField[] = [];
    const list = named(t.node).find((c) => c.type === 'field_declaration_list');
    for (const fd of named(list)) {
      if (fd.type !== 'field_declaration') continue;
      const typeNode = field(fd, 'type');
      if (!typeNode) continue;
      const tagNode = field(fd, 'tag');
      const tag = tagNode ? stringLit(tagNode) ?? '' : '';
      const names = fd.childrenForFieldName('name').filter((c): c is Node => c !== null);
      if (names.length === 0) out.push({ name: null, typeNode, file: t.file, tag });
      for (const n of names) out.push({ name: n.text, typeNode, file: t.file, tag });
    }
    return out;
  }
}

/** Looks up one key of a Go struct tag (`alloy:"x,attr" json:"x"`). */
export function tagValue(tag: string, key: string): string | undefined {
  const re = /([A-Za-z0-9_]+):"((?:[^"\\]|\\.)*)"/g;
  for (let m = re.exec(tag); m; m = re.exec(tag)) if (m[1] === key) return m[2];
  return undefined;
}

export function typeName(t: GoType): string {
  switch (t.k) {
    case 'named':
      return t.pkgName ? `${t.pkgName}.${t.name}` : t.name;
    case 'basic':
      return t.name;
    case 'pointer':
      return `*${typeName(t.elem)}`;
    case 'slice':
      return `[]${typeName(t.elem)}`;
    case 'array':
      return `[N]${typeName(t.elem)}`;
    case 'map':
      return `map[${typeName(t.key)}]${typeName(t.value)}`;
    case 'struct':
      return 'struct{...}';
    case 'interface':
      return t.empty ? 'any' : 'interface{...}';
    case 'func':
      return 'func';
    case 'chan':
      return 'chan';
    case 'unknown':
      return t.text;
  }
}
