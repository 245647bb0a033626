// Key and enum completion for a YAML document from its JSON Schema (the runner's samples
// schema): the path to the cursor comes from indentation and `- ` item markers.
import type { CompletionContext, CompletionResult } from '@codemirror/autocomplete';

type Schema = {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, Schema>;
  additionalProperties?: boolean | Schema;
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  enum?: unknown[];
  description?: string;
  $defs?: Record<string, Schema>;
};

type Segment = { key: string } | { item: true };

interface LineShape {
  /** Column where the key (or value) starts, after spaces and `- ` markers. */
  col: number;
  /** Columns of the `- ` markers on the line. */
  dashes: number[];
  key?: string;
  /** Nothing after `key:` (a mapping or list follows). */
  opens: boolean;
}

function shape(line: string): LineShape | undefined {
  const m = /^( *)((?:- +)*)(.*)$/.exec(line)!;
  if (!m[3].trim() || m[3].trimStart().startsWith('#')) return m[2] ? { col: m[1].length + m[2].length, dashes: dashCols(m[1].length, m[2]), opens: true } : undefined;
  const k = /^("[^"]*"|'[^']*'|[^\s:#][^:#]*?)\s*:(\s+(#.*)?)?$|^("[^"]*"|'[^']*'|[^\s:#][^:#]*?)\s*:\s/.exec(m[3]);
  const key = k ? (k[1] ?? k[4]).replace(/^["']|["']$/g, '') : undefined;
  return { col: m[1].length + m[2].length, dashes: dashCols(m[1].length, m[2]), key, opens: Boolean(k && k[1] !== undefined) };
}

function dashCols(start: number, dashes: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < dashes.length; i++) if (dashes[i] === '-') out.push(start + i);
  return out;
}

/** The keys from the document's root to the mapping the cursor's line belongs to. */
export function pathAt(lines: string[], cursorLine: string): Segment[] {
  const cur = shape(cursorLine) ?? { col: cursorLine.length, dashes: [], opens: false };
  let col = cur.col;
  let item = cur.dashes.some((d) => d < col);
  const path: Segment[] = [];
  for (let i = lines.length - 1; i >= 0 && col > 0; i--) {
    const s = shape(lines[i]);
    if (!s) continue;
    if (s.col >= col) {
      if (s.dashes.some((d) => d < col)) item = true;
      continue;
    }
    if (!s.key || !s.opens) break;
    if (item) path.unshift({ item: true });
    path.unshift({ key: s.key });
    col = s.col;
    item = s.dashes.some((d) => d < col);
  }
  return path;
}

function resolve(root: Schema, s: Schema | undefined, depth = 0): Schema[] {
  if (!s || depth > 20) return [];
  if (s.$ref?.startsWith('#/$defs/')) return resolve(root, root.$defs?.[s.$ref.slice(8)], depth + 1);
  const alts = [...(s.anyOf ?? []), ...(s.oneOf ?? []), ...(s.allOf ?? [])].flatMap((a) => resolve(root, a, depth + 1));
  return [s, ...alts];
}

function step(root: Schema, schemas: Schema[], seg: Segment): Schema[] {
  return schemas.flatMap((s) => {
    if ('item' in seg) return resolve(root, s.items);
    const p = s.properties?.[seg.key];
    if (p) return resolve(root, p);
    return typeof s.additionalProperties === 'object' ? resolve(root, s.additionalProperties) : [];
  });
}

/** A CodeMirror completion source for YAML documents described by `schema`. */
export function yamlSchemaCompletion(schema: object) {
  const root = schema as Schema;
  return (ctx: CompletionContext): CompletionResult | null => {
    const line = ctx.state.doc.lineAt(ctx.pos);
    const before = line.text.slice(0, ctx.pos - line.from);
    const above = ctx.state.sliceDoc(0, line.from).split('\n').slice(0, -1);
    const value = /^( *(?:- +)*)([\w$.-]+):\s+(\S*)$/.exec(before);
    if (value) {
      const at = step(root, pathAt(above, before).reduce((acc, seg) => step(root, acc, seg), resolve(root, root)), { key: value[2] });
      const options = [...new Set(at.flatMap((s) => s.enum ?? []))].map((v) => ({ label: String(v), type: 'enum' }));
      return options.length ? { from: ctx.pos - value[3].length, options } : null;
    }
    const key = /^ *(?:- +)*([\w$.-]*)$/.exec(before);
    if (!key || (!key[1] && !ctx.explicit && !/- $/.test(before))) return null;
    const schemas = pathAt(above, before).reduce((acc, seg) => step(root, acc, seg), resolve(root, root));
    const options = new Map<string, { label: string; type: string; info?: string; apply: string }>();
    for (const s of schemas) {
      for (const [k, p] of Object.entries(s.properties ?? {})) {
        if (k === '$schema' || options.has(k)) continue;
        const sub = resolve(root, p);
        const opens = sub.some((x) => x.type === 'object' || x.type === 'array' || x.properties || x.items);
        options.set(k, { label: k, type: 'property', info: p.description ?? sub.find((x) => x.description)?.description, apply: opens ? `${k}:` : `${k}: ` });
      }
    }
    return options.size ? { from: ctx.pos - key[1].length, options: [...options.values()], validFor: /^[\w$.-]*$/ } : null;
  };
}
