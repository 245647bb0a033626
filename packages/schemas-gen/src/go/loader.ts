// Loads Go packages of a source tree (several modules allowed) and indexes their declarations.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { DEFAULT_TAGS, fileNameExcluded, headerAdmits } from './buildtags.js';
import { field, fields, named, parseGo, stringLit, type Node } from './ts.js';

export interface GoFile {
  path: string;
  pkg: GoPackage;
  root: Node;
  imports: { alias: string | null; path: string }[];
}
export interface Decl {
  node: Node;
  file: GoFile;
}
export interface ValueDecl extends Decl {
  value: Node | null;
  typeNode: Node | null;
  iota: number;
  isConst: boolean;
}
export interface MethodDecl extends Decl {
  pointer: boolean;
}
export interface GoPackage {
  path: string;
  dir: string;
  name: string;
  files: GoFile[];
  types: Map<string, Decl>;
  values: Map<string, ValueDecl>;
  funcs: Map<string, Decl>;
  methods: Map<string, Map<string, MethodDecl>>;
}

/** Guesses the package name of an import path (what `go` would use without source). */
export function guessPackageName(path: string): string {
  const parts = path.split('/');
  let last = parts[parts.length - 1];
  if (/^v\d+$/.test(last) && parts.length > 1) last = parts[parts.length - 2];
  last = last.replace(/\.v\d+$/, '').replace(/^go-/, '').replace(/-go$/, '');
  return last.replace(/[^A-Za-z0-9_]/g, '_');
}

export class Workspace {
  readonly modules: { path: string; dir: string }[] = [];
  private readonly cache = new Map<string, GoPackage | null>();
  parsedFiles = 0;

  constructor(readonly root: string, readonly tags: Set<string> = DEFAULT_TAGS) {
    this.findModules(root, 0);
    this.modules.sort((a, b) => b.path.length - a.path.length);
  }

  private findModules(dir: string, depth: number): void {
    const gomod = join(dir, 'go.mod');
    if (existsSync(gomod)) {
      const m = /^module\s+(\S+)/m.exec(readFileSync(gomod, 'utf8'));
      if (m) this.modules.push({ path: m[1], dir });
    }
    if (depth > 3) return;
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (!e.isDirectory() || e.name.startsWith('.') || ['node_modules', 'testdata', 'vendor', 'docs'].includes(e.name)) continue;
      this.findModules(join(dir, e.name), depth + 1);
    }
  }

  /** The directory of an import path inside the tree, or null when the package is external. */
  dirOf(importPath: string): string | null {
    for (const m of this.modules) {
      if (importPath === m.path) return m.dir;
      if (importPath.startsWith(m.path + '/')) {
        const d = join(m.dir, importPath.slice(m.path.length + 1));
        return existsSync(d) && statSync(d).isDirectory() ? d : null;
      }
    }
    return null;
  }

  /** The import path of a directory inside the tree. */
  importPathOf(dir: string): string | null {
    for (const m of [...this.modules].sort((a, b) => b.dir.length - a.dir.length)) {
      const rel = relative(m.dir, dir);
      if (!rel.startsWith('..')) return rel ? `${m.path}/${rel.split('\\').join('/')}` : m.path;
    }
    return null;
  }

  isInTree(importPath: string): boolean {
    return this.dirOf(importPath) !== null;
  }

  load(importPath: string): GoPackage | null {
    if (this.cache.has(importPath)) return this.cache.get(importPath)!;
    const dir = this.dirOf(importPath);
    const pkg = dir ? this.loadDir(importPath, dir) : null;
    this.cache.set(importPath, pkg);
    return pkg;
  }

  private loadDir(importPath: string, dir: string): GoPackage | null {
    const pkg: GoPackage = {
      path: importPath, dir, name: '', files: [],
      types: new Map(), values: new Map(), funcs: new Map(), methods: new Map(),
    };
    for (const name of readdirSync(dir).sort()) {
      if (fileNameExcluded(name, this.tags)) continue;
      const p = join(dir, name);
      if (!statSync(p).isFile()) continue;
      const text = readFileSync(p, 'utf8');
      if (!headerAdmits(text, this.tags)) continue;
      const root = parseGo(text);
      this.parsedFiles++;
      const pkgName = named(root).find((c) => c.type === 'package_clause');
      const nm = pkgName ? named(pkgName)[0]?.text ?? '' : '';
      if (nm.endsWith('_test') || nm === 'main' && pkg.name && pkg.name !== 'main') continue;
      pkg.name ||= nm;
      const file: GoFile = { path: p, pkg, root, imports: [] };
      pkg.files.push(file);
      indexFile(pkg, file);
    }
    return pkg.files.length ? pkg : null;
  }

  /** Resolves a package qualifier used in a file (`time`, `config_util`) to an import path. */
  qualifier(file: GoFile, name: string): string | null {
    for (const imp of file.imports) if (imp.alias === name) return imp.path;
    for (const imp of file.imports) {
      if (imp.alias !== null) continue;
      const pkg = this.isInTree(imp.path) ? this.load(imp.path) : null;
      if ((pkg ? pkg.name : guessPackageName(imp.path)) === name) return imp.path;
    }
    return null;
  }
}

function indexFile(pkg: GoPackage, file: GoFile): void {
  for (const top of named(file.root)) {
    switch (top.type) {
      case 'import_declaration':
        for (const spec of top.descendantsOfType('import_spec')) {
          if (!spec) continue;
          const pathNode = field(spec, 'path');
          const alias = field(spec, 'name');
          if (pathNode) file.imports.push({ alias: alias ? alias.text : null, path: stringLit(pathNode) ?? '' });
        }
        break;
      case 'type_declaration':
        for (const spec of named(top)) {
          const nm = field(spec, 'name');
          if (nm && (spec.type === 'type_spec' || spec.type === 'type_alias')) pkg.types.set(nm.text, { node: spec, file });
        }
        break;
      case 'const_declaration':
      case 'var_declaration':
        indexValues(pkg, file, top);
        break;
      case 'function_declaration': {
        const nm = field(top, 'name');
        if (nm) pkg.funcs.set(nm.text, { node: top, file });
        break;
      }
      case 'method_declaration': {
        const recv = named(field(top, 'receiver')).find((c) => c.type === 'parameter_declaration');
        let t = field(recv, 'type');
        const pointer = t?.type === 'pointer_type';
        if (pointer) t = named(t)[0] ?? null;
        if (t?.type === 'generic_type') t = field(t, 'type');
        const nm = field(top, 'name');
        if (!t || !nm) break;
        let m = pkg.methods.get(t.text);
        if (!m) pkg.methods.set(t.text, (m = new Map()));
        m.set(nm.text, { node: top, file, pointer });
        break;
      }
    }
  }
}

function indexValues(pkg: GoPackage, file: GoFile, decl: Node): void {
  const isConst = decl.type === 'const_declaration';
  const specs = decl.descendantsOfType(isConst ? 'const_spec' : 'var_spec').filter((s): s is Node => s !== null);
  let lastValue: Node | null = null;
  let lastType: Node | null = null;
  specs.forEach((spec, iota) => {
    const names = fields(spec, 'name').filter((n) => n.type === 'identifier');
    const valueList = field(spec, 'value');
    const typeNode = field(spec, 'type');
    if (isConst && !valueList) {
      // Implicit repetition of the previous expression (iota).
    } else {
      lastValue = valueList;
      lastType = typeNode;
    }
    const values = named(lastValue);
    names.forEach((n, i) => {
      pkg.values.set(n.text, {
        node: spec, file, isConst, iota,
        value: values[i] ?? null,
        typeNode: isConst ? lastType : typeNode,
      });
    });
  });
}
