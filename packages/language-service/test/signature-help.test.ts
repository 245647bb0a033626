import { describe, expect, it } from 'vitest';
import { fixture } from './helpers.js';

function check(text: string): { label: string; active: number; param?: string } | null {
  const f = fixture(text);
  const s = f.ls.signatureHelp(f.uri, f.cursor);
  if (!s) return null;
  const sig = s.signatures[0];
  const p = sig.parameters?.[s.activeParameter ?? 0]?.label;
  return { label: sig.label, active: s.activeParameter ?? 0, param: Array.isArray(p) ? sig.label.slice(p[0], p[1]) : p };
}

describe('signature help', () => {
  it('shows the stdlib signature with the active parameter', () => {
    expect(check(`local.file "f" {\n  filename = string.join(<|>)\n}\n`)).toEqual({ label: 'string.join(list: list(string), separator: string) → string', active: 0, param: 'list: list(string)' });
    expect(check(`local.file "f" {\n  filename = string.join(["a", "b,c"], <|>)\n}\n`)?.param).toBe('separator: string');
  });

  it('stays on the variadic parameter', () => {
    expect(check(`local.file "f" {\n  filename = string.format("%s %s", "a", <|>)\n}\n`)).toMatchObject({ active: 1, param: 'args: any...' });
  });

  it('answers for the innermost call, also while the call is unfinished', () => {
    expect(check(`local.file "f" {\n  filename = string.join([string.to_lower(<|>)], ",")\n}\n`)?.label).toContain('string.to_lower(');
    expect(check(`local.file "f" {\n  filename = sys.env(<|>\n}\n`)?.label).toBe('sys.env(name: string) → string');
  });

  it('is empty outside stdlib calls', () => {
    expect(check(`local.file "f" {\n  filename = <|>"x"\n}\n`)).toBeNull();
  });
});
