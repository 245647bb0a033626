// The examples menu: the seed pipelines in examples/, with their samples and pipeline test
// when the folder has them (`<name>.samples.yaml`, `<name>.test.yaml`).
const configs = import.meta.glob<string>('../../../examples/*.alloy', { query: '?raw', import: 'default', eager: true });
const extras = import.meta.glob<string>('../../../examples/*.yaml', { query: '?raw', import: 'default', eager: true });

export interface Example {
  name: string;
  config: string;
  samples: string;
  test: string;
}

const base = (path: string) => path.slice(path.lastIndexOf('/') + 1);
const extra = (name: string, kind: string) => Object.entries(extras).find(([p]) => base(p) === `${name}.${kind}.yaml`)?.[1] ?? '';

export const EXAMPLES: Example[] = Object.entries(configs)
  .map(([path, config]) => {
    const name = base(path).replace(/\.alloy$/, '');
    return { name, config, samples: extra(name, 'samples'), test: extra(name, 'test') };
  })
  .sort((a, b) => a.name.localeCompare(b.name));

/** The example a fresh page opens: the seed logs pipeline. */
export const FIRST = EXAMPLES.find((e) => e.name === 'k8s-logs') ?? EXAMPLES[0];
