// The settings controls: Alloy release, stability level, community components, and each
// rule's severity.
import type { Info } from '../protocol.js';
import { RULE_LEVELS, type Settings, type StabilityLevel } from '../share.js';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

export class SettingsPanel {
  /** Severities of rules this build does not list (from a link): kept as they came. */
  private extra: Settings['rules'] = {};

  constructor(info: Info, private readonly changed: (s: Settings) => void) {
    const release = $<HTMLSelectElement>('release');
    for (const v of info.versions) release.add(new Option(v, v));
    const table = $<HTMLTableElement>('rules');
    for (const r of info.rules) {
      const row = table.insertRow();
      const sel = document.createElement('select');
      sel.dataset.rule = r.id;
      sel.setAttribute('aria-label', `severity of ${r.id}`);
      sel.add(new Option(`default (${r.severity})`, ''));
      for (const l of RULE_LEVELS) sel.add(new Option(l, l));
      row.insertCell().textContent = r.id;
      row.insertCell().append(sel);
      const desc = row.insertCell();
      desc.className = 'desc';
      desc.textContent = r.description;
    }
    for (const el of [release, $('stability'), $('community'), table]) el.addEventListener('change', () => this.changed(this.read()));
  }

  read(): Settings {
    const rules: Settings['rules'] = { ...this.extra };
    for (const sel of document.querySelectorAll<HTMLSelectElement>('#rules select')) if (sel.value) rules[sel.dataset.rule!] = sel.value as Settings['rules'][string];
    return {
      alloyVersion: $<HTMLSelectElement>('release').value,
      stabilityLevel: $<HTMLSelectElement>('stability').value as StabilityLevel,
      communityComponents: $<HTMLInputElement>('community').checked,
      rules,
    };
  }

  write(s: Settings): void {
    const release = $<HTMLSelectElement>('release');
    if (![...release.options].some((o) => o.value === s.alloyVersion)) release.add(new Option(`${s.alloyVersion} (no schemas)`, s.alloyVersion));
    release.value = s.alloyVersion;
    $<HTMLSelectElement>('stability').value = s.stabilityLevel;
    $<HTMLInputElement>('community').checked = s.communityComponents;
    const listed = new Set<string>();
    for (const sel of document.querySelectorAll<HTMLSelectElement>('#rules select')) {
      listed.add(sel.dataset.rule!);
      sel.value = s.rules[sel.dataset.rule!] ?? '';
    }
    this.extra = Object.fromEntries(Object.entries(s.rules).filter(([id]) => !listed.has(id)));
  }
}
