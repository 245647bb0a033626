import { analyze, type Analysis, type ComponentCatalog, type ImportRequest, type ModuleSource } from '@alloy-lint/analyzer';
import type { ParseResult, SourceFile } from '@alloy-lint/parser';
import { counters, type Doc, DocumentCache } from './document-cache.js';
import { DEFAULT_SETTINGS, type Folder, type Host, type Settings } from './types.js';
import { dirOf, displayName, isInside, resolveUri } from './uri.js';
import { hostOf, isYamlUri, YamlDocs, type YamlModel } from './yaml-docs.js';

/** The files checked together: one document, or a folder loaded as one configuration. */
export interface Group {
  key: string;
  /** Folder that names are relative to (ends in `/`). */
  base: string;
  members: string[];
  settings: Settings;
}

/** A configuration's analysis with the names the analyzer used for its files. */
export interface GroupAnalysis {
  group: Group;
  analysis: Analysis;
  catalog: ComponentCatalog | undefined;
  /** Every document read (members and imported modules) and the stamp it had. */
  deps: Map<string, string>;
  nameOf(uri: string): string;
  uriOf(name: string): string | undefined;
  source(uri: string): SourceFile | undefined;
  /** While a file has syntax errors: the last analysis of this configuration without any. */
  lastGood?: GroupAnalysis;
}

/** A file handed to the analyzer with the tree of its current version. */
type InputFile = { name: string; text: string; parsed: ParseResult };

const EMPTY_CATALOG: ComponentCatalog = { version: 'none', component: () => undefined, block: () => undefined, names: () => [] };

/**
 * The workspace model: open documents over files read through the host, grouped into
 * configurations. An analysis is kept until a document it read changes; an edit re-parses
 * only the edited document (every other tree is reused), and the catalog is shared.
 */
export class Workspace {
  readonly docs: DocumentCache;
  private settings: Settings;
  private folders: Folder[];
  private readonly analyses = new Map<string, GroupAnalysis>();
  private readonly catalogs = new Map<string, ComponentCatalog | undefined>();

  readonly yaml: YamlDocs;

  constructor(
    readonly host: Host,
    settings: Partial<Settings> = {},
    folders: Folder[] = [],
  ) {
    this.docs = new DocumentCache(host);
    this.yaml = new YamlDocs((uri) => this.docs.get(uri));
    this.docs.virtualDocs = (uri) => this.yaml.doc(uri);
    this.settings = { ...DEFAULT_SETTINGS, ...settings };
    this.folders = folders;
  }

  configure(update: { settings?: Partial<Settings>; folders?: Folder[] }): void {
    if (update.settings) this.settings = { ...this.settings, ...update.settings };
    if (update.folders) this.folders = update.folders;
    this.analyses.clear();
    this.merged.clear();
  }

  /** A document was closed: its own analysis goes (folder analyses stay for the other files). */
  close(uri: string): void {
    this.docs.close(uri);
    this.analyses.delete(`file:${uri}`);
    this.yaml.drop(uri);
    for (const k of [...this.analyses.keys()]) if (k.startsWith(`yaml:${uri}#`)) this.analyses.delete(k);
  }

  /** The Alloy inside a YAML document, when YAML is on for it; undefined for other documents. */
  yamlModel(uri: string): YamlModel | undefined {
    if (!isYamlUri(uri) || hostOf(uri) !== undefined) return undefined;
    const s = this.settingsFor(uri);
    return s.yaml ? this.yaml.model(uri, s.yamlPaths, s.folderAsConfig) : undefined;
  }

  /** The innermost workspace folder holding `uri`. */
  folderOf(uri: string): Folder | undefined {
    let best: Folder | undefined;
    for (const f of this.folders) if (isInside(uri, f.uri) && (!best || f.uri.length > best.uri.length)) best = f;
    return best;
  }

  private readonly merged = new Map<string, Settings>();

  settingsFor(uri: string): Settings {
    const folder = this.folderOf(uri);
    if (!folder?.settings) return this.settings;
    let s = this.merged.get(folder.uri);
    if (!s) this.merged.set(folder.uri, (s = { ...this.settings, ...folder.settings }));
    return s;
  }

  catalog(version: string): ComponentCatalog | undefined {
    if (!this.catalogs.has(version)) {
      let c: ComponentCatalog | undefined;
      try {
        c = this.host.catalog(version);
      } catch {
        c = undefined;
      }
      this.catalogs.set(version, c);
    }
    return this.catalogs.get(version);
  }

  groupOf(uri: string): Group {
    const settings = this.settingsFor(uri);
    const host = hostOf(uri);
    if (host !== undefined) {
      // An embed of a YAML document: checked alone, or with its ConfigMap's other keys.
      const unit = this.yamlModel(host)?.units.find((u) => u.includes(uri)) ?? [uri];
      return { key: `yaml:${unit[0]}`, base: dirOf(host), members: unit, settings };
    }
    const base = dirOf(uri);
    if (!settings.folderAsConfig || !uri.endsWith('.alloy')) return { key: `file:${uri}`, base, members: [uri], settings };
    const members = new Set<string>([uri]);
    for (const u of this.host.listFiles?.(base) ?? []) if (u.endsWith('.alloy') && dirOf(u) === base) members.add(u);
    for (const u of this.docs.openUris()) if (u.endsWith('.alloy') && dirOf(u) === base) members.add(u);
    return { key: `folder:${base}`, base, members: [...members].filter((m) => this.docs.get(m)).sort(), settings };
  }

  /** The analysis of the configuration `uri` belongs to, reused while nothing it read changed. */
  analysisFor(uri: string): GroupAnalysis {
    const group = this.groupOf(uri);
    const hit = this.analyses.get(group.key);
    if (hit && sameMembers(hit.group, group) && [...hit.deps].every(([u, s]) => this.docs.stamp(u) === s)) return hit;
    const fresh = this.run(group);
    if (fresh.analysis.recovered || fresh.analysis.diagnostics.some((d) => d.code === 'syntax')) {
      const good = hit && !hit.analysis.recovered && !hit.analysis.diagnostics.some((d) => d.code === 'syntax') ? hit : hit?.lastGood;
      if (good && sameMembers(good.group, group)) fresh.lastGood = good;
    }
    this.analyses.set(group.key, fresh);
    return fresh;
  }

  /** Open documents and the `*.alloy` files directly in each workspace folder. */
  workspaceUris(): string[] {
    const out = new Set(this.docs.openUris());
    for (const f of this.folders) for (const u of this.host.listFiles?.(f.uri) ?? []) if (u.endsWith('.alloy')) out.add(u);
    return [...out].sort();
  }

  /** Open documents whose configuration read `uri`. */
  affectedBy(uri: string): string[] {
    const out = new Set<string>();
    if (this.docs.isOpen(uri)) out.add(uri);
    for (const a of this.analyses.values()) {
      if (!a.deps.has(uri) && !(a.group.key.startsWith('folder:') && dirOf(uri) === a.group.base)) continue;
      for (const m of a.group.members) if (this.docs.isOpen(m)) out.add(m);
    }
    return [...out];
  }

  private run(group: Group): GroupAnalysis {
    counters.analyses++;
    const deps = new Map<string, string>();
    const names = new Map<string, string>();
    const nameOf = (uri: string) => {
      const n = displayName(uri, group.base);
      names.set(n, uri);
      return n;
    };
    const input = (doc: Doc): InputFile => {
      deps.set(doc.uri, doc.version);
      return { name: nameOf(doc.uri), text: doc.text, parsed: doc.parsed() };
    };
    const files = group.members.map((m) => this.docs.get(m)).filter((d): d is Doc => d !== undefined).map(input);
    const catalog = this.catalog(group.settings.alloyVersion);
    const roots = this.folders.length ? this.folders.map((f) => f.uri) : [group.base];
    const loader = (req: ImportRequest): ModuleSource => this.loadModule(req, names, roots, input, deps);
    const options = {
      catalog: catalog ?? EMPTY_CATALOG,
      minStability: group.settings.stabilityLevel,
      community: group.settings.communityComponents,
      rules: group.settings.rules,
      loader,
    };
    let analysis: Analysis;
    try {
      analysis = analyze(files, { ...options, recover: true });
    } catch {
      // A tree the parser recovered that the checker cannot walk: the diagnostics alone.
      analysis = analyze(files, options);
    }
    const sources = analysis.sources;
    return {
      group,
      analysis,
      catalog,
      deps,
      nameOf: (uri) => displayName(uri, group.base),
      uriOf: (name) => names.get(name),
      source: (uri) => sources.get(displayName(uri, group.base)),
    };
  }

  private loadModule(req: ImportRequest, names: Map<string, string>, roots: string[], input: (d: Doc) => InputFile, deps: Map<string, string>): ModuleSource {
    if (req.kind !== 'file') {
      if (!this.host.loadRemoteModule) return { skipped: `import.${req.kind} modules are not fetched by this editor` };
      return this.host.loadRemoteModule(req);
    }
    const filename = req.args.filename;
    if (filename === undefined) return { skipped: 'its filename is not a literal string' };
    if (!this.host.readFile) return { skipped: 'this editor reads no files' };
    const from = names.get(req.from) ?? names.get(req.from.split('#')[0]);
    const uri = from && resolveUri(from, filename);
    if (!uri) return { error: `cannot resolve ${filename}` };
    if (!roots.some((r) => isInside(uri, r))) return { error: `${filename} is outside the workspace folder; it is not read` };
    const doc = this.docs.get(uri);
    if (doc) return { files: [input(doc)] };
    deps.set(uri, 'absent');
    const folder = uri.endsWith('/') ? uri : uri + '/';
    const listed = this.host.listFiles?.(folder);
    if (listed) {
      const docs = listed.filter((u) => u.endsWith('.alloy')).sort().map((u) => this.docs.get(u)).filter((d): d is Doc => d !== undefined);
      return { files: docs.map(input) };
    }
    return { error: `cannot read ${filename}: no such file or directory` };
  }
}

function sameMembers(a: Group, b: Group): boolean {
  return a.members.length === b.members.length && a.members.every((m, i) => m === b.members[i]) && a.settings === b.settings;
}
