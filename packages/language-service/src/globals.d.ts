// The two web APIs the service uses; present in Node and in browsers (no DOM or Node types here,
// so that nothing else of either slips in).
declare class TextDecoder {
  constructor(label?: string);
  decode(input?: Uint8Array): string;
}
declare class TextEncoder {
  encode(input?: string): Uint8Array;
}
declare class URL {
  constructor(url: string, base?: string);
  readonly href: string;
}
