import { type Block, parse, SourceFile } from '@alloy-lint/parser';
import { diag, type FileDiagnostic } from './diagnostic.js';
import { stringValue } from './literal.js';
import type { StaticType } from '@alloy-lint/values';
import type { BodySpec } from './schema.js';

/** What an `import.*` block asks for. */
export interface ImportRequest {
  kind: 'file' | 'string' | 'git' | 'http';
  /** The file that holds the import block. */
  from: string;
  /** Literal arguments of the block (filename, repository, revision, path, url, content). */
  args: Record<string, string>;
}

/** The files of an imported module, or why they could not be had. */
export type ModuleSource = { files: { name: string; text: string | Uint8Array }[] } | { error: string } | { skipped: string };

/** Supplies imported modules; the core does no I/O itself. */
export type ModuleLoader = (req: ImportRequest) => ModuleSource;

/** A declared component: the arguments it accepts and the type of its exports. */
export interface DeclareSpec {
  args: BodySpec;
  /** The exports of an instance: a struct of the declare's `export` blocks (computed on first use). */
  exports: () => StaticType;
}

/** The declares a module offers, by name. */
export type ModuleDeclares = Map<string, DeclareSpec>;

function literalArgs(b: Block): Record<string, string> {
  const out: Record<string, string> = {};
  for (const s of b.body) {
    if (s.kind === 'Attribute' && s.value.kind === 'Literal' && s.value.litKind === 'STRING') {
      const v = stringValue(s.value);
      if (v !== undefined) out[s.name.name] = v;
    }
  }
  return out;
}

export interface LoadedModule {
  declares?: ModuleDeclares;
  diagnostics: FileDiagnostic[];
  sources: Map<string, SourceFile>;
}

/**
 * Loads the module an import block names and lists its declares. `check` runs the
 * analysis on the module's files (as a module) and returns its diagnostics.
 */
export function loadModule(
  file: string,
  b: Block,
  loader: ModuleLoader | undefined,
  stack: string[],
  check: (files: { name: string; text: string | Uint8Array }[], stack: string[]) => { diagnostics: FileDiagnostic[]; sources: Map<string, SourceFile>; declares: ModuleDeclares },
): LoadedModule {
  const kind = b.name[1] as ImportRequest['kind'];
  const at = (code: string, message: string, severity: FileDiagnostic['severity'] = 'error') =>
    diag(file, code, message, b.start, b.nameSpan.end - 1, severity);
  const req: ImportRequest = { kind, from: file, args: literalArgs(b) };
  let src: ModuleSource;
  if (kind === 'string') {
    src = req.args.content !== undefined ? { files: [{ name: `${file}#${b.label}`, text: req.args.content }] } : { skipped: 'its content is not a literal string' };
  } else if (!loader) {
    src = { skipped: 'no module loader' };
  } else {
    src = loader(req);
  }
  if ('skipped' in src) {
    const quiet = src.skipped === 'no module loader';
    return { diagnostics: quiet ? [] : [at('import-not-checked', `components from import.${kind} "${b.label}" are not checked: ${src.skipped}`, 'info')], sources: new Map() };
  }
  if ('error' in src) return { diagnostics: [at('import-failed', `import.${kind} "${b.label}": ${src.error}`)], sources: new Map() };
  const names = src.files.map((f) => f.name);
  const loop = names.find((n) => stack.includes(n));
  if (loop) {
    const path = [...stack.slice(stack.indexOf(loop)), loop].join(' → ');
    return { diagnostics: [at('import-cycle', `import cycle: ${path}`)], sources: new Map() };
  }
  const r = check(src.files, [...stack, ...names]);
  return { declares: r.declares, diagnostics: r.diagnostics, sources: r.sources };
}

/** Parses the files of a module once to find its declares (used before full analysis). */
export function declaredNames(files: { name: string; text: string | Uint8Array }[]): string[] {
  const out: string[] = [];
  for (const f of files) {
    const { ast } = parse(new SourceFile(f.text, f.name));
    for (const s of ast.body) if (s.kind === 'Block' && s.fullName === 'declare' && s.label) out.push(s.label);
  }
  return out;
}
