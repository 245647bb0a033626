// The page's pure helpers: coloured report text, Markdown for hovers and issues, YAML paths
// for schema completion.
import { PLAIN, runText } from '@alloy-lint/runtime';
import { describe, expect, it } from 'vitest';
import { pathAt } from '../src/editor/yaml-schema.js';
import { markdownToHtml } from '../src/editor/markdown.js';
import { MARKED, markedToHtml, markedToPlain } from '../src/marked-text.js';
import { markdownReport } from '../src/report.js';
import { readSettings } from '../src/share.js';

describe('marked report text', () => {
  it('becomes escaped HTML with a span per colour, and the plain text without markers', () => {
    const t = `${MARKED.bold(`${MARKED.red('x<y>')} & z`)}\n`;
    expect(markedToHtml(t)).toBe('<span class="t-b"><span class="t-red">x&lt;y&gt;</span> &amp; z</span>\n');
    expect(markedToPlain(t)).toBe('x<y> & z\n');
    expect(markedToHtml('\u0003</span>\u0001red\u0002open')).toBe('&lt;/span&gt;<span class="t-red">open</span>');
  });

  it('is the runtime text report, the same words as the CLI prints', () => {
    const r = { components: [{ id: 'loki.echo.x', name: 'loki.echo', status: 'simulated' }], targets: [], sinks: [], journeys: [], metrics: [], warnings: [] };
    const plain = runText(r as never, { style: PLAIN, trace: false });
    expect(markedToPlain(runText(r as never, { style: MARKED, trace: false }))).toBe(plain);
    expect(plain).toContain('✓ loki.echo.x');
  });
});

describe('Markdown', () => {
  it('renders code, bold and https links, and escapes everything else', () => {
    expect(markdownToHtml('```alloy\nforward_to: list(LogsReceiver)\n```\nSee **docs** [here](https://grafana.com/x) `a<b>` [js](javascript:alert(1)) <img src=x>')).toBe(
      '<pre><code>forward_to: list(LogsReceiver)</code></pre><p>See <b>docs</b> <a href="https://grafana.com/x" target="_blank" rel="noopener noreferrer">here</a> <code>a&lt;b&gt;</code> [js](javascript:alert(1)) &lt;img src=x&gt;</p>',
    );
  });

  it('copies the config and diagnostics for an issue, fenced so the config cannot close the fence', () => {
    const md = markdownReport(
      { config: 'a = "```"\n', samples: '', test: '', settings: readSettings({}) },
      [{ range: { start: { line: 0, character: 4 }, end: { line: 0, character: 9 } }, severity: 1, code: 'syntax', message: 'bad *thing*' }],
      'http://x/#v1.a',
    );
    expect(md).toBe(
      'Alloy v1.18.1, stability generally-available ([open in the alloy-lint playground](http://x/#v1.a))\n\n````alloy\na = "```"\n````\n\nalloy-lint reports 1 problem:\n\n- `config.alloy:1:5` error (`syntax`): bad \\*thing\\*\n',
    );
  });
});

describe('YAML path at the cursor', () => {
  const lines = (s: string) => s.split('\n');
  it('follows keys and list items by indentation', () => {
    const doc = 'kubernetes:\n  pods:\n    - name: a\n      containers:\n        - name: c\n          ports:\n            - name: http\n';
    expect(pathAt(lines(doc), '              ')).toEqual([{ key: 'kubernetes' }, { key: 'pods' }, { item: true }, { key: 'containers' }, { item: true }, { key: 'ports' }, { item: true }]);
    expect(pathAt(lines('kubernetes:\n  pods:\n'), '    - na')).toEqual([{ key: 'kubernetes' }, { key: 'pods' }, { item: true }]);
    expect(pathAt(lines('env:\n  A: b\n'), '  B')).toEqual([{ key: 'env' }]);
    expect(pathAt(lines('env:\n  A: b\n'), 'ku')).toEqual([]);
    expect(pathAt(lines('logs:\n  "loki.source.api.in":\n    - line: x\n'), '      ti')).toEqual([{ key: 'logs' }, { key: 'loki.source.api.in' }, { item: true }]);
  });
});
