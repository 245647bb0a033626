import { describe, expect, it } from 'vitest';
import { fixture } from './helpers.js';

describe('graph view', () => {
  const text = 'loki.source.file "a" {\n  targets = []\n  forward_to = [loki.write.w.receiver]\n}\nloki.write "w" {\n  endpoint {\n    url = "http://x"\n  }\n}\n';

  it('returns the model with the URI of each file, for jumping to a block', async () => {
    const f = fixture(text);
    const model = JSON.parse(await f.ls.graph(f.uri, 'json'));
    expect(model.nodes.map((n: { id: string }) => n.id)).toEqual(['loki.source.file.a', 'loki.write.w']);
    expect(model.edges).toEqual([expect.objectContaining({ from: 'loki.source.file.a', to: 'loki.write.w', signal: 'logs' })]);
    expect(model.uris).toEqual({ 'main.alloy': 'file:///ws/main.alloy' });
  });

  it('draws the SVG', async () => {
    const f = fixture(text);
    const svg = await f.ls.graph(f.uri);
    expect(svg).toMatch(/^<svg/);
    expect(svg).toContain('loki.write');
  });
});
