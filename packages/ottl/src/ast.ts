// OTTL syntax tree. Every node spans [start, end): UTF-16 offsets into the OTTL text
// (`offsets.ts` maps them back to bytes of the Alloy file the text came from).

export interface Span {
  start: number;
  end: number;
}

export interface Ident extends Span {
  name: string;
}

export interface NilLit extends Span { kind: 'Nil' }
export interface StringLit extends Span { kind: 'String'; value: string }
export interface IntLit extends Span { kind: 'Int'; value: bigint }
export interface FloatLit extends Span { kind: 'Float'; value: number }
export interface BoolLit extends Span { kind: 'Bool'; value: boolean }
export interface BytesLit extends Span { kind: 'Bytes'; value: Uint8Array }
/** An upper-case symbol such as `SPAN_KIND_SERVER`. */
export interface EnumLit extends Span { kind: 'Enum'; name: string }
/** A bare function name passed as an argument (`replace_pattern(..., function = SHA256)`). */
export interface FuncName extends Span { kind: 'FuncName'; name: string }

/** `[ "key" ]`, `[ 0 ]` or `[ <path or converter> ]`. */
export interface Key extends Span {
  value: Value;
}

export interface Field extends Span {
  name: string;
  keys: Key[];
}

/** A telemetry path: `span.attributes["k"]`, `name`, `resource.attributes["a"][0]`. */
export interface PathExpr extends Span {
  kind: 'Path';
  /** The first segment when it was followed by a dot (`span` in `span.name`); whether it names a context is decided later. */
  context?: Ident;
  fields: Field[];
}

export interface Arg extends Span {
  name?: Ident;
  value: Value;
}

/** A function call: an editor (lower-case name) or a converter (upper-case name). */
export interface CallExpr extends Span {
  kind: 'Call';
  name: string;
  nameSpan: Span;
  editor: boolean;
  args: Arg[];
  keys: Key[];
}

export interface ListExpr extends Span { kind: 'List'; items: Value[] }
export interface MapEntry extends Span { key: StringLit; value: Value }
export interface MapExpr extends Span { kind: 'Map'; entries: MapEntry[] }
export interface MathExpr extends Span { kind: 'Math'; op: '+' | '-' | '*' | '/'; left: Value; right: Value }
/** `[yield for ident in list if cond]`. */
export interface Comprehension extends Span {
  kind: 'Comprehension';
  yield: Value;
  ident: Ident;
  list: Value;
  cond?: BoolExpr;
}
/** A parenthesised math sub-expression. */
export interface ParenExpr extends Span { kind: 'Paren'; inner: Value }

export type Value =
  | NilLit | StringLit | IntLit | FloatLit | BoolLit | BytesLit | EnumLit | FuncName
  | PathExpr | CallExpr | ListExpr | MapExpr | MathExpr | Comprehension | ParenExpr;

export interface OrExpr extends Span { kind: 'Or'; items: BoolExpr[] }
export interface AndExpr extends Span { kind: 'And'; items: BoolExpr[] }
export interface NotExpr extends Span { kind: 'Not'; expr: BoolExpr }
export interface Comparison extends Span {
  kind: 'Compare';
  op: '==' | '!=' | '<' | '<=' | '>' | '>=';
  left: Value;
  right: Value;
}
/** `true`, `false` or a converter call used as a condition. */
export interface ConstBool extends Span { kind: 'Const'; value: BoolLit | CallExpr }

export type BoolExpr = OrExpr | AndExpr | NotExpr | Comparison | ConstBool;

export interface Statement extends Span {
  kind: 'Statement';
  editor: CallExpr;
  where?: BoolExpr;
}
