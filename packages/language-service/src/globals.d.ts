// The web API the service uses; present in Node and in browsers (no DOM or Node types here,
// so that nothing else of either slips in). UTF-8 comes from @alloy-lint/gostd.
declare class URL {
  constructor(url: string, base?: string);
  readonly href: string;
}
