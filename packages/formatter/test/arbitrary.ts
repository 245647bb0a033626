/**
 * fast-check arbitraries producing valid Alloy config text with random
 * layout: random spaces, line breaks inside lists, objects and calls, blank
 * lines, and comments in the places a config usually has them.
 *
 * Constructs that Alloy's formatter does not format stably are left out on
 * purpose (see the fmt README and the design notes, printer section):
 *  - line breaks the formatter removes: in empty lists/objects, after a
 *    binary operator, inside parentheses. The value then prints on one line
 *    but ended the alignment run in the source, so a second pass realigns;
 *  - an empty call split over lines (prints as `f(,` which does not parse);
 *  - quoted keys needing escapes, tabs inside strings, blanks at line ends
 *    inside raw strings (the text itself changes);
 *  - a line comment after a value split over lines (see below).
 */
import fc from 'fast-check';

const IDENTS = ['a', 'b', 'foo', 'bar_baz', 'x1', 'long_attribute_name', 'é', 'ñame'];
const ident = fc.constantFrom(...IDENTS);
const blank = fc.constantFrom('', ' ', '  ');

const literal = fc.oneof(
  fc.constantFrom('0', '1', '42', '010', '1.5', '.5', '5.', '1e3', '2.5E-2'),
  fc.constantFrom('"abc"', '"with space"', '"é✓"', '"esc\\n\\"q\\""', '""', '"x=1"'),
  fc.constantFrom('`raw`', '`multi\nline`', '`a\n  indented`', '``'),
  fc.constantFrom('true', 'false', 'null'),
);

/** A list body: items, each maybe on a new line; the closer maybe on a new line. */
function list(items: fc.Arbitrary<string[]>, open: string, close: string): fc.Arbitrary<string> {
  return items.chain((xs) =>
    fc
      .record({
        breaks: fc.array(fc.boolean(), { minLength: xs.length, maxLength: xs.length }),
        closeBreak: fc.boolean(),
        trailingComma: fc.boolean(),
        spaces: fc.array(blank, { minLength: xs.length, maxLength: xs.length }),
      })
      .map(({ breaks, closeBreak, trailingComma, spaces }) => {
        const out: string[] = [open];
        xs.forEach((x, i) => {
          if (i > 0) out.push(',');
          out.push(breaks[i] ? '\n  ' : spaces[i], x);
        });
        // An empty list split over lines collapses and then realigns: unstable.
        const breakBeforeClose = closeBreak && xs.length > 0;
        if (xs.length > 0 && (breakBeforeClose || trailingComma)) out.push(',');
        out.push(breakBeforeClose ? '\n' : '', close);
        return out.join('');
      }),
  );
}

const BINARY = ['+', '-', '*', '/', '%', '^', '==', '!=', '<', '<=', '>', '>=', '&&', '||'];

export const expr: fc.Arbitrary<string> = fc.letrec<{ e: string }>((tie) => ({
  e: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    literal,
    ident,
    fc.tuple(ident, fc.array(ident, { minLength: 1, maxLength: 3 })).map(([h, t]) => [h, ...t].join('.')),
    fc.tuple(ident, tie('e')).map(([a, i]) => `${a}[${i}]`),
    fc.tuple(fc.constantFrom('-', '!'), blank, tie('e')).map(([op, s, v]) => `${op}${s}${v}`),
    fc
      .tuple(tie('e'), blank, fc.constantFrom(...BINARY), fc.constantFrom(' ', ''), tie('e'))
      .map(([l, s1, op, s2, r]) => `${l}${s1 || ' '}${op}${s2}${r}`),
    fc.tuple(tie('e'), blank).map(([e, g]) => `(${g}${e})`),
    list(fc.array(tie('e'), { maxLength: 4 }), '[', ']'),
    list(
      fc.array(
        fc.tuple(fc.oneof(ident, fc.constantFrom('"quoted"', '"with space"', '"k-1"')), blank, tie('e')).map(
          ([k, s, v]) => `${k}${s}=${s || ' '}${v}`,
        ),
        { maxLength: 4 },
      ),
      '{',
      '}',
    ),
    fc
      .tuple(fc.constantFrom('f', 'concat', 'encoding.from_json', 'sys.env'), fc.array(tie('e'), { minLength: 1, maxLength: 3 }))
      .chain(([fn, args]) => list(fc.constant(args), `${fn}(`, ')')),
    ident.map((fn) => `${fn}()`),
  ),
})).e;

const lineComment = fc.constantFrom('// note', '// another, longer note', '//', '// é✓');
const blockComment = fc.constantFrom('/* c */', '/* multi\n   line */');

interface StmtOpts {
  depth: number;
}

function statements({ depth }: StmtOpts): fc.Arbitrary<string[]> {
  const attr = fc
    .record({
      name: ident,
      s1: blank,
      s2: blank,
      value: expr,
      trailing: fc.option(lineComment, { freq: 4 }),
    })
    // A comment after a value split over lines can move (Alloy estimates the
    // position of a call's `)`), so trailing comments go on one-line values.
    .map(({ name, s1, s2, value, trailing }) => `${name}${s1}=${s2}${value}${trailing && !value.includes('\n') ? ` ${trailing}` : ''}`);
  const block =
    depth <= 0
      ? attr
      : fc
          .record({
            name: fc.constantFrom('blk', 'loki.write', 'prometheus.scrape', 'a.b.c'),
            label: fc.option(fc.constantFrom('"main"', '"x_1"', '"dé"'), { freq: 2 }),
            body: statements({ depth: depth - 1 }),
            oneLine: fc.boolean(),
          })
          .map(({ name, label, body, oneLine }) => {
            const head = `${name}${label ? ` ${label}` : ''} {`;
            const inner = body.join('');
            if (oneLine && body.length === 1 && !inner.includes('//')) return `${head} ${inner.trim()} }`;
            const indented = inner
              .split('\n')
              .map((l) => (l ? '  ' + l : l))
              .join('\n');
            return `${head}\n${indented}}`;
          });
  const stmt = fc.oneof({ weight: 3, arbitrary: attr }, { weight: 1, arbitrary: block });
  // Each entry ends in one or more newlines.
  return fc.array(
    fc.tuple(stmt, fc.constantFrom('\n', '\n', '\n\n', '\n\n\n'), fc.option(fc.oneof(lineComment, blockComment), { freq: 5 })).map(
      ([s, sep, comment]) => (comment ? `${comment}\n${s}${sep}` : `${s}${sep}`),
    ),
    { maxLength: 6 },
  );
}

/** A whole config file. */
export const configText: fc.Arbitrary<string> = fc
  .tuple(statements({ depth: 2 }), fc.constantFrom('', '\n', '\n\n'), fc.option(lineComment, { freq: 5 }))
  .map(([stmts, lead, tail]) => lead + stmts.join('') + (tail ? `${tail}\n` : ''));
