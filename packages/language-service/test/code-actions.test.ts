import type { CodeAction } from 'vscode-languageserver-types';
import { applyEdits } from '@alloy-lint/language-service/test-support';
import { describe, expect, it } from 'vitest';
import { fixture } from './helpers.js';

/** Code actions for the diagnostics in the `<|…|>` range (or at the `<|>`). */
function check(text: string, opts: Parameters<typeof fixture>[1] = {}) {
  const f = fixture(text, opts);
  const range = f.ranges[0] ?? { start: f.cursor, end: f.cursor };
  const actions = f.ls.codeActions(f.uri, range, { diagnostics: f.ls.diagnostics(f.uri) });
  return {
    titles: actions.map((a) => a.title),
    apply(title: string): string {
      const a = actions.find((x) => x.title === title) as CodeAction;
      if (!a?.edit?.changes) throw new Error(`no action ${title}: ${actions.map((x) => x.title).join(' | ')}`);
      return applyEdits(f.text, a.edit.changes[f.uri]);
    },
    actions,
  };
}

describe('code actions', () => {
  it('applies the fixes the checker carries', () => {
    const c = check('loki.write "w" {\n  endpoint {\n    <|urll|> = "x"\n  }\n}\n');
    expect(c.titles).toContain('Rename to url');
    expect(c.apply('Rename to url')).toContain('    url = "x"');
    const comp = check('<|loki.wirte|> "w" {\n}\n');
    expect(comp.apply('Rename to loki.write')).toMatch(/^loki\.write "w"/);
  });

  it('adds missing required arguments', () => {
    const c = check('<|>loki.source.file "a" {\n}\n');
    expect(c.apply('Add missing required arguments (targets, forward_to)')).toBe('loki.source.file "a" {\n\ttargets = []\n\tforward_to = []\n}\n');
    const one = check('prometheus.remote_write "p" {\n  <|>endpoint {}\n}\n');
    expect(one.apply('Add missing required "url"')).toBe('prometheus.remote_write "p" {\n  endpoint {\n    url = ""\n  }\n}\n');
  });

  it('removes unknown attributes and blocks', () => {
    const c = check('loki.write "w" {\n  <|>bogus = 1\n  endpoint {\n    url = "x"\n  }\n}\n');
    expect(c.apply('Remove unknown attribute "bogus"')).toBe('loki.write "w" {\n  endpoint {\n    url = "x"\n  }\n}\n');
    const b = check('loki.write "w" {\n  <|>nope {\n    a = 1\n  }\n  endpoint {\n    url = "x"\n  }\n}\n');
    expect(b.apply('Remove unknown block "nope"')).toBe('loki.write "w" {\n  endpoint {\n    url = "x"\n  }\n}\n');
  });

  it('disables a rule for a line', () => {
    const c = check('pyroscope.ebpf "p" {\n  targets = []\n  <|>forward_to = []\n}\n');
    const text = c.apply('Disable empty-forward-to for this line');
    expect(text).toBe('pyroscope.ebpf "p" {\n  targets = []\n  // alloy-lint-disable-next-line empty-forward-to\n  forward_to = []\n}\n');
    const f = fixture(text);
    expect(f.ls.diagnostics(f.uri).map((d) => d.code)).not.toContain('empty-forward-to');
  });

  it('offers to switch to an Alloy release that has the component or argument', () => {
    const c = check('<|>discovery.aws "a" {\n}\n', { settings: { alloyVersion: 'v1.17.1' } });
    const sw = c.actions.filter((a) => a.command?.command === 'alloy-lint.switchRelease');
    expect(sw.map((a) => a.command!.arguments)).toEqual([['v1.18.1', 'file:///ws/main.alloy'], ['v1.19.0-rc.3', 'file:///ws/main.alloy']]);
    expect(sw[0].title).toBe('Switch to Alloy v1.18.1 (it has discovery.aws)');
    const attr = check('beyla.ebpf "b" {\n  attributes {\n    kubernetes {\n      <|>kubeconfig_path = "x"\n    }\n  }\n}\n', { settings: { alloyVersion: 'v1.17.1' } });
    expect(attr.titles).toContain('Switch to Alloy v1.18.1 (it has kubeconfig_path)');
  });

  it('answers only for quick fixes', () => {
    const f = fixture('loki.write "w" {\n  <|>bogus = 1\n}\n');
    expect(f.ls.codeActions(f.uri, { start: f.cursor, end: f.cursor }, { diagnostics: [], only: ['source.organizeImports'] })).toEqual([]);
  });
});
