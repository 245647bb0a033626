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
    expect(model.locations['loki.write.w']).toEqual({ uri: f.uri, range: { start: { line: 4, character: 0 }, end: { line: 8, character: 1 } } });
  });

  it('gives each location in UTF-16 characters, as editors count', async () => {
    const f = fixture('/* é😀 */ loki.write "w" {\n  endpoint { url = "é" }\n}\n');
    const model = JSON.parse(await f.ls.graph(f.uri, 'json'));
    expect(model.nodes[0].range.start.offset).toBe(13);
    expect(model.locations['loki.write.w'].range).toEqual({ start: { line: 0, character: 10 }, end: { line: 2, character: 1 } });
  });

  it('draws the SVG', async () => {
    const f = fixture(text);
    const svg = await f.ls.graph(f.uri);
    expect(svg).toMatch(/^<svg/);
    expect(svg).toContain('loki.write');
  });
});
