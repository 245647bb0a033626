import { type File, parse, type ParseResult, SourceFile } from '@alloy-lint/parser';
import { diag, type FileDiagnostic } from './diagnostic.js';
import { hintSyntax } from './slips.js';
import type { Located } from './validate.js';

const CONFIG_BLOCKS = new Set([
  'logging', 'tracing', 'argument', 'export', 'foreach', 'import.file', 'import.string', 'import.http', 'import.git',
]);

export interface InputFile {
  name: string;
  text: string | Uint8Array | SourceFile;
  /** The file already parsed (an editor keeps one parse per version); `text` is then not parsed again. */
  parsed?: ParseResult;
}

const utf8 = new TextEncoder();

/** Byte order of two names (as Go sorts strings), without Node's Buffer. */
export function compareNames(a: string, b: string): number {
  const x = utf8.encode(a);
  const y = utf8.encode(b);
  const n = Math.min(x.length, y.length);
  for (let i = 0; i < n; i++) if (x[i] !== y[i]) return x[i] - y[i];
  return x.length - y.length;
}

export interface SplitSources {
  sources: Map<string, SourceFile>;
  asts: Map<string, File>;
  /** Syntax errors, or top-level attributes: either stops the analysis as it stops Alloy. */
  fatal: FileDiagnostic[];
  declares: Located[];
  configs: Located[];
  components: Located[];
}

/** Parses every file (in byte order of name, as Alloy loads a directory) and splits the top-level blocks. */
export function loadSources(files: InputFile[], recover = false): SplitSources {
  const out: SplitSources = { sources: new Map(), asts: new Map(), fatal: [], declares: [], configs: [], components: [] };
  const sorted = [...files].sort((a, b) => compareNames(a.name, b.name));
  for (const f of sorted) {
    const { source, ast, diagnostics } = f.parsed ?? parse(f.text instanceof SourceFile ? f.text : new SourceFile(f.text, f.name));
    out.sources.set(f.name, source);
    out.asts.set(f.name, ast);
    const broken = diagnostics.length > 0;
    if (broken) {
      for (const d of diagnostics) {
        const copy = { ...d, file: f.name };
        hintSyntax(source, copy);
        out.fatal.push(copy);
      }
      // `recover` still reads the blocks of the recovered tree (for editors), reporting nothing more.
      if (!recover) continue;
    }
    for (const stmt of ast.body) {
      if (stmt.kind === 'Attribute') {
        if (!broken) out.fatal.push(diag(f.name, 'top-level-attribute', `unrecognized attribute ${stmt.name.name}`, stmt.name.start, stmt.name.end - 1));
        continue;
      }
      const name = stmt.fullName;
      const at = { file: f.name, block: stmt };
      if (name === 'declare') out.declares.push(at);
      else if (CONFIG_BLOCKS.has(name)) out.configs.push(at);
      else out.components.push(at);
    }
  }
  return out;
}
