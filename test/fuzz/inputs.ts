// Inputs built to be deep and wide on purpose: nesting of every construct (around the parser's
// limit, and far past it), operator chains, long lines of cells, many diagnostics, random configs,
// mutated configs and token soup. Everything is derived from a seed, so a failure replays.
import { MAX_DEPTH } from '@alloy-lint/parser';

export type Rng = () => number;

/** mulberry32: small, fast, deterministic. */
export function rng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const int = (r: Rng, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
const pick = <T>(r: Rng, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];

/** One nesting construct: `open(n)` wraps an inner expression `n` levels deep. */
export const NESTINGS: Record<string, (inner: string, n: number) => string> = {
  object: (x, n) => '{a = '.repeat(n) + x + '}'.repeat(n),
  array: (x, n) => '['.repeat(n) + x + ']'.repeat(n),
  call: (x, n) => 'array.concat('.repeat(n) + `[${x}]` + ')'.repeat(n),
  paren: (x, n) => '('.repeat(n) + x + ')'.repeat(n),
  negate: (x, n) => '-'.repeat(n) + x,
  not: (x, n) => '!'.repeat(n) + x,
  index: (x, n) => `[${x}]` + '[0]'.repeat(n),
  access: (x, n) => `{b = ${x}}` + '.b'.repeat(n),
  callChain: (x, n) => `string.format("%v", ${x})` + '()'.repeat(n),
  pow: (x, n) => x + ' ^ 2'.repeat(n),
  rightOperand: (x, n) => '1 + (2 * ('.repeat(n) + x + '))'.repeat(n),
  precedence: (x, n) => '1 || 2 && 3 == 4 + 5 * ('.repeat(n) + x + ')'.repeat(n),
  indexExpr: (x, n) => '[0]['.repeat(n) + x + ']'.repeat(n),
  objectKey: (x, n) => '{"k" = '.repeat(n) + x + '}'.repeat(n),
};

/** Statements nested `n` deep. */
export const BLOCK_NESTINGS: Record<string, (n: number) => string> = {
  block: (n) => 'a {\n'.repeat(n) + 'x = 1\n' + '}\n'.repeat(n),
  declare: (n) => 'declare "d" {\n'.repeat(n) + 'argument "a" { }\n' + '}\n'.repeat(n),
  stageMatch: (n) =>
    'loki.process "p" {\nforward_to = []\n' + 'stage.match {\nselector = "{a=\\"b\\"}"\n'.repeat(n) + 'stage.static_labels {\nvalues = { a = "b" }\n}\n' + '}\n'.repeat(n) + '}\n',
  blockValue: (n) => 'x = ' + 'a {\n'.repeat(n) + '}\n'.repeat(n),
};

/** Binary operators: a chain `x op x op …` is as deep as it is long. */
export const OPERATORS = ['+', '-', '*', '/', '%', '||', '&&', '==', '!=', '<', '<=', '>', '>='] as const;

export const PLACES: ((e: string) => string)[] = [
  (e) => `x = ${e}\n`,
  (e) => `local.file "f" {\n  filename = ${e}\n}\n`,
  (e) => `prometheus.scrape "s" {\n  targets    = ${e}\n  forward_to = []\n}\n`,
  (e) => `declare "d" {\n  argument "a" {\n    default = ${e}\n  }\n  export "e" {\n    value = ${e}\n  }\n}\nd "i" { }\n`,
  (e) => `logging {\n  level = ${e}\n}\n`,
  (e) => `loki.process "p" {\n  forward_to = []\n  stage.static_labels {\n    values = ${e}\n  }\n}\n`,
];

/** Puts an expression where the checker evaluates and types it. */
export const placed = (r: Rng, e: string) => pick(r, PLACES)(e);

const LITERALS = ['1', '-7', '1.5', '1e300', '0x1F', '"s"', '"a\\nb\\u00e9"', '`raw`', 'true', 'null', '"0"', '""', '"\\x41"', '9223372036854775808'];
const IDENTS = ['a', 'sys.env("HOME")', 'argument.a.value', 'local.file.f.content', 'constants.os', 'env("X")', 'nope.nope'];
const CALLS = [
  'string.format("%s-%d", {a}, {b})',
  'string.join([{a}], {b})',
  'array.concat([{a}], [{b}])',
  'coalesce({a}, {b})',
  'json_decode({a})',
  'encoding.from_json({a})',
  'encoding.from_yaml({a})',
  'string.to_upper({a})',
  'string.trim({a}, {b})',
  'convert.nonsensitive({a})',
  'string.replace({a}, {b}, "x")',
  'array.combine_maps([{a}], [{b}], ["k"])',
];
const JSONISH = ['"[1,2,{\\"a\\":null}]"', '"{\\"a\\": [[[]]]}"', '"a: [1, {b: c}]"', '"[[[[[[[[[[1]]]]]]]]]]"', '"not json"'];

/** A random expression of at most `depth` levels. */
export function expr(r: Rng, depth: number): string {
  if (depth <= 0 || r() < 0.25) return r() < 0.7 ? pick(r, LITERALS) : r() < 0.5 ? pick(r, IDENTS) : pick(r, JSONISH);
  const sub = () => expr(r, depth - 1);
  switch (int(r, 0, 9)) {
    case 0:
      return `[${Array.from({ length: int(r, 0, 4) }, sub).join(', ')}]`;
    case 1:
      return `{${Array.from({ length: int(r, 0, 4) }, (_, i) => `${r() < 0.3 ? `"k${i}"` : `k${i}`} = ${sub()}`).join(', ')}}`;
    case 2:
      return pick(r, CALLS).replace('{a}', sub()).replace('{b}', sub());
    case 3:
      return `(${sub()})`;
    case 4:
      return `${pick(r, ['-', '!'])}${sub()}`;
    case 5:
    case 6:
      return `${sub()} ${pick(r, [...OPERATORS, '^'])} ${sub()}`;
    case 7:
      return `${sub()}[${sub()}]`;
    case 8:
      return `${sub()}.${pick(r, ['a', 'b', 'content', 'value'])}`;
    default:
      return `${sub()}(${sub()})`;
  }
}

/** A depth: mostly shallow, sometimes right around the parser's limit, rarely far past it. */
function depth(r: Rng): number {
  const x = r();
  if (x < 0.9) return int(r, 1, 12);
  if (x < 0.98) return int(r, MAX_DEPTH - 4, MAX_DEPTH + 4);
  return int(r, MAX_DEPTH + 5, 1000);
}

/** A length: mostly short, sometimes long. */
const size = (r: Rng, short: number, long: number) => (r() < 0.95 ? int(r, 1, short) : int(r, short, long));

const COMPONENTS = [
  'local.file "f" {\n  filename = {e}\n}',
  'discovery.relabel "r" {\n  targets = {e}\n  rule {\n    source_labels = ["a"]\n    regex = {e}\n  }\n}',
  'prometheus.remote_write "w" {\n  endpoint {\n    url = {e}\n  }\n}',
  'loki.write "w" {\n  endpoint {\n    url = {e}\n  }\n}',
  'loki.process "p" {\n  forward_to = [loki.write.w.receiver]\n  stage.template {\n    source = "a"\n    template = {e}\n  }\n}',
  'otelcol.processor.transform "t" {\n  trace_statements {\n    context = "span"\n    statements = [{e}]\n  }\n  output { }\n}',
  'declare "d" {\n  argument "a" {\n    optional = true\n  }\n  export "e" {\n    value = {e}\n  }\n}',
  'd "i" {\n  a = {e}\n}',
  'foreach "f" {\n  collection = {e}\n  var = "v"\n  template {\n    local.file "x" {\n      filename = v\n    }\n  }\n}',
  'import.string "m" {\n  content = {e}\n}',
];

/** A random configuration of a few statements. */
function config(r: Rng): string {
  const out: string[] = [];
  for (let i = int(r, 1, 6); i > 0; i--) {
    if (r() < 0.6) out.push(pick(r, COMPONENTS).replace(/\{e\}/g, () => expr(r, int(r, 0, 5))));
    else out.push(`${pick(r, ['x', 'y', 'a_b'])} = ${expr(r, int(r, 0, 6))}`);
  }
  return out.join('\n') + '\n';
}

const SOUP = ['a', 'loki.write', '"l"', '`r`', '"\\q"', '"open', '1', '1e', '=', '==', '+', '^', '!', '&&', ',', '.', '{', '}', '[', ']', '(', ')', '\n', ' ', '// c\n', '/* c', '\u00e9', '\ufeff', '\u0000', '\u202e'];

/** Random edits of a random config: syntax errors in every place. */
function mutated(r: Rng): string {
  let t = config(r);
  for (let k = int(r, 1, 4); k > 0; k--) {
    const at = int(r, 0, t.length);
    t = t.slice(0, at) + (r() < 0.5 ? pick(r, SOUP) : '') + t.slice(at + int(r, 0, 3));
  }
  return t;
}

export interface FuzzInput {
  kind: string;
  text: string;
}

/** Input number `i` of the stream seeded by `seed`. */
export function smallInput(seed: number, i: number): FuzzInput {
  const r = rng(seed ^ Math.imul(i + 1, 0x9e3779b1));
  const x = r();
  if (x < 0.3) {
    const k = pick(r, Object.keys(NESTINGS));
    return { kind: `nest:${k}`, text: placed(r, NESTINGS[k](expr(r, 2), depth(r))) };
  }
  if (x < 0.38) {
    const k = pick(r, Object.keys(BLOCK_NESTINGS));
    return { kind: `nest:${k}`, text: BLOCK_NESTINGS[k](depth(r)) };
  }
  if (x < 0.48) {
    const op = pick(r, OPERATORS);
    const n = size(r, 40, 3000);
    return { kind: `chain:${op}`, text: placed(r, Array.from({ length: n + 1 }, () => pick(r, ['1', '2.5', '"s"', 'true', 'a'])).join(` ${op} `)) };
  }
  if (x < 0.53) {
    const n = size(r, 100, 3000);
    return { kind: 'wide:cells', text: placed(r, `{${Array.from({ length: n }, (_, j) => `k${j} = ${j}`).join(', ')}}`) };
  }
  if (x < 0.58) return { kind: 'wide:diagnostics', text: Array.from({ length: size(r, 100, 3000) }, () => pick(r, ['x', '= 1', 'a.b.c = 1', 'nope "x" { }'])).join('\n') + '\n' };
  if (x < 0.8) return { kind: 'config', text: config(r) };
  if (x < 0.95) return { kind: 'mutated', text: mutated(r) };
  return { kind: 'soup', text: Array.from({ length: int(r, 1, 60) }, () => pick(r, SOUP)).join('') };
}

/** The few huge inputs: each construct nested 100k deep, 100k-long chains, 1M cells, 200k diagnostics. */
export function hugeInputs(): { name: string; make: () => string }[] {
  const N = 100_000;
  const r = rng(1);
  const out: { name: string; make: () => string }[] = [];
  for (const [k, f] of Object.entries(NESTINGS)) out.push({ name: `${k} nested 100k deep`, make: () => `local.file "f" {\n  filename = ${f('1', N)}\n}\n` });
  for (const [k, f] of Object.entries(BLOCK_NESTINGS)) out.push({ name: `${k} nested 100k deep`, make: () => f(N) });
  for (const op of ['+', '||', '==', '*'] as const) out.push({ name: `${op} chain of 100k`, make: () => `local.file "f" {\n  filename = ${Array.from({ length: N }, () => '1').join(` ${op} `)}\n}\n` });
  out.push({ name: 'a .b chain of 100k', make: () => `x = a${'.b'.repeat(N)}\n` });
  out.push({ name: 'a line of 1M cells', make: () => `x = {${'a=1,'.repeat(1_000_000)}}\n` });
  out.push({ name: 'a list of 1M elements', make: () => `x = [${'1,'.repeat(1_000_000)}]\n` });
  out.push({ name: '200k syntax errors', make: () => 'x\n'.repeat(200_000) });
  out.push({ name: '100k unknown blocks (200k diagnostics)', make: () => 'nope "x" { }\n'.repeat(100_000) });
  out.push({ name: '20k components referencing each other', make: () => Array.from({ length: 20_000 }, (_, i) => `local.file "f${i}" {\n  filename = ${i ? `local.file.f${i - 1}.content` : '"x"'}\n}\n`).join('') });
  out.push({ name: 'json_decode of 100k nested lists', make: () => `local.file "f" {\n  filename = json_decode("${'['.repeat(N)}${']'.repeat(N)}")\n}\n` });
  out.push({ name: 'yaml decode of 100k nested lists', make: () => `local.file "f" {\n  filename = encoding.from_yaml("${'['.repeat(N)}${']'.repeat(N)}")\n}\n` });
  out.push({ name: 'a 4 MB string', make: () => `x = "${'ab\\n'.repeat(1_000_000)}"\n` });
  out.push({ name: '1 MB random config', make: () => Array.from({ length: 4000 }, () => config(r)).join('\n').slice(0, 1_000_000) });
  return out;
}
