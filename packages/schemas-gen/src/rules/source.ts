// Finding a check in one release's Go source: its code line, its message literal, allowed values.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const LITERAL = /"(?:[^"\\\n]|\\.)*"|`[^`]*`/g;
const squash = (s: string) => s.trim().replace(/\s+/g, ' ');
/** A line with its string literals blanked out: the shape of the code, whatever it prints. */
const shape = (s: string) => squash(s.replace(LITERAL, '""'));

/** The string literals of a line of Go, as written. */
export const literalsOf = (line: string): string[] => line.match(LITERAL) ?? [];
/** The words inside a line's string literals. */
const wordsOf = (s: string) => new Set(literalsOf(s).join(' ').split(/[^A-Za-z0-9_%]+/).filter(Boolean));

/** The Go literals a message may be written as. */
export const goLiterals = (m: string): string[] => [JSON.stringify(m), '`' + m + '`'];

/** The value of a Go string literal (`"…"` or a raw string). */
export function unquoteGo(lit: string): string {
  if (lit.startsWith('`')) return lit.slice(1, -1);
  try {
    return JSON.parse(lit.replace(/\\x([0-9a-fA-F]{2})/g, '\\u00$1').replace(/\\'/g, "'")) as string;
  } catch {
    return lit.slice(1, -1);
  }
}

export interface Found {
  file: string;
  /** 1-based. */
  line: number;
}

/** One Alloy source tree (an exported release tag). Files are read once. */
export class GoTree {
  private readonly files = new Map<string, string[] | null>();

  constructor(readonly root: string) {}

  lines(file: string): string[] | null {
    if (!this.files.has(file)) {
      const p = join(this.root, file);
      this.files.set(file, existsSync(p) ? readFileSync(p, 'utf8').split('\n') : null);
    }
    return this.files.get(file)!;
  }

  /** Non-test Go files of the package (directory) holding `file`. */
  packageFiles(file: string): string[] {
    const dir = dirname(file);
    const abs = join(this.root, dir);
    if (!existsSync(abs)) return [];
    return readdirSync(abs)
      .filter((f) => f.endsWith('.go') && !f.endsWith('_test.go'))
      .map((f) => join(dir, f))
      .sort((a, b) => (a === file ? -1 : b === file ? 1 : a.localeCompare(b)));
  }

  /** Lines (1-based) of `file` with the same code as `code`. */
  codeLines(file: string, code: string): number[] {
    const want = squash(code);
    const out: number[] = [];
    this.lines(file)?.forEach((l, i) => {
      if (squash(l) === want) out.push(i + 1);
    });
    return out;
  }

  /**
   * Lines of the same shape as `code` whose literals read mostly like it (a message reworded, a
   * value added), with their score: the share of words in common, kept when above one half.
   */
  similarLines(file: string, code: string): { line: number; score: number }[] {
    const want = shape(code);
    const words = wordsOf(code);
    const out: { line: number; score: number }[] = [];
    this.lines(file)?.forEach((l, i) => {
      if (shape(l) !== want) return;
      const w = wordsOf(l);
      const score = [...w].filter((x) => words.has(x)).length / new Set([...w, ...words]).size;
      if (score > 0.5) out.push({ line: i + 1, score });
    });
    return out;
  }

  /** Where one of the literals of `message` occurs in the files given (first file first). */
  findLiteral(files: string[], message: string): Found | undefined {
    const lits = goLiterals(message);
    for (const f of files) {
      const lines = this.lines(f);
      const i = lines?.findIndex((l) => lits.some((x) => l.includes(x))) ?? -1;
      if (i >= 0) return { file: f, line: i + 1 };
    }
    return undefined;
  }

  /** The first string literal on a line. */
  literalAt(at: Found): string | undefined {
    const m = literalsOf(this.lines(at.file)?.[at.line - 1] ?? '');
    return m.length ? unquoteGo(m[0]) : undefined;
  }

  /** The string bound to `ident` in the package (`ident = "…"`, `ident = errors.New("…")`, `fmt.Errorf`). */
  boundLiteral(file: string, ident: string): string | undefined {
    const re = new RegExp(`\\b${ident}\\s*(?:=|:)\\s*(?:errors\\.New\\(|fmt\\.Errorf\\()?\\s*("(?:[^"\\\\\\n]|\\\\.)*"|\`[^\`]*\`)`);
    for (const f of this.packageFiles(file)) {
      const m = re.exec((this.lines(f) ?? []).join('\n'));
      if (m) return unquoteGo(m[1]);
    }
    return undefined;
  }

  /** Whether `"value"` is written anywhere in the package of `file`. */
  packageHasString(file: string, value: string): boolean {
    const lit = JSON.stringify(value);
    return this.packageFiles(file).some((f) => (this.lines(f) ?? []).some((l) => l.includes(lit)));
  }
}
