import { type Embed, type Extraction, extract, type YamlPathSetting } from '@alloy-lint/yaml-embed';
import { type Doc, makeDoc } from './document-cache.js';

/** A YAML document's Alloy: the extraction of one version and a virtual document per embed. */
export interface YamlModel {
  uri: string;
  extraction: Extraction;
  /** Virtual URI (`<yaml uri>#alloy=<embed id>`) → its embed, in the YAML's order. */
  embeds: Map<string, Embed>;
  /** The virtual URIs checked together: one per embed, or a ConfigMap's keys when `groupConfigMaps`. */
  units: string[][];
}

const MARK = '#alloy=';

/** Whether a URI names a YAML file (by its path's extension). */
export function isYamlUri(uri: string): boolean {
  return /\.ya?ml$/i.test(uri.split(/[?#]/)[0]);
}

/** The YAML document a virtual URI belongs to, or undefined for any other URI. */
export function hostOf(uri: string): string | undefined {
  const i = uri.indexOf(MARK);
  return i < 0 ? undefined : uri.slice(0, i);
}

/**
 * Alloy inside YAML documents (issue 15): each version of a YAML document is extracted once
 * (yaml-embed); its embeds become virtual documents the workspace parses and analyses like
 * files. A virtual document keeps its `Doc` (and so its tree and analysis) while the embed's
 * text is unchanged, so typing elsewhere in the YAML costs one YAML parse.
 */
export class YamlDocs {
  private readonly models = new Map<string, { key: string; model: YamlModel }>();
  private readonly virtual = new Map<string, Doc>();
  private seq = 0;

  constructor(private readonly hostDoc: (uri: string) => Doc | undefined) {}

  /** The model of a YAML document's current version (undefined when it cannot be read). */
  model(uri: string, yamlPaths: YamlPathSetting[], groupConfigMaps: boolean): YamlModel | undefined {
    const doc = this.hostDoc(uri);
    if (!doc) return undefined;
    const key = `${doc.version}|${groupConfigMaps}|${JSON.stringify(yamlPaths)}`;
    const hit = this.models.get(uri);
    if (hit?.key === key) return hit.model;
    let extraction: Extraction;
    try {
      extraction = extract(doc.text, { yamlPaths }, uri);
    } catch (e) {
      // A yamlPaths pattern that does not parse: said on the file, the known keys still found.
      extraction = extract(doc.text, {}, uri);
      extraction.diagnostics.unshift({ severity: 'error', code: 'settings', message: (e as Error).message, start: 0, end: 0 });
    }
    const embeds = new Map(extraction.embeds.map((e) => [`${uri}${MARK}${encodeURIComponent(e.id)}`, e] as const));
    const groups = new Map<string, string[]>();
    for (const [v, e] of embeds) {
      const g = groupConfigMaps && e.group ? e.group : e.id;
      groups.set(g, [...(groups.get(g) ?? []), v]);
    }
    const model = { uri, extraction, embeds, units: [...groups.values()] };
    this.models.set(uri, { key, model });
    return model;
  }

  /**
   * The virtual document of an embed, from the last model built for its YAML document; null
   * for a virtual URI whose embed is gone, undefined for any other URI.
   */
  doc(virtualUri: string): Doc | null | undefined {
    const host = hostOf(virtualUri);
    if (host === undefined) return undefined;
    const embed = this.models.get(host)?.model.embeds.get(virtualUri);
    if (!embed) return null;
    const old = this.virtual.get(virtualUri);
    if (old?.text === embed.text) return old;
    const d = makeDoc(virtualUri, `embed:${++this.seq}`, embed.text);
    this.virtual.set(virtualUri, d);
    return d;
  }

  /** Forgets a YAML document and its virtual documents. */
  drop(uri: string): void {
    this.models.delete(uri);
    for (const v of [...this.virtual.keys()]) if (hostOf(v) === uri) this.virtual.delete(v);
  }
}
