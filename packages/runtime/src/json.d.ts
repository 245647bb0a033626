// JSON files imported with `with { type: 'json' }` (bundlers and Node read them; tsc does not).
declare module '*.schema.json' {
  const value: Record<string, unknown>;
  export default value;
}
