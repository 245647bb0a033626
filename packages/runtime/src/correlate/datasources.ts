// Grafana data-source provisioning (parsed YAML: `datasources: [...]`): the Tempo trace →
// logs settings (tracesToLogsV2, or the older tracesToLogs migrated as Grafana migrates
// it) and the Loki derived fields that link a log line to a trace.

export interface Tag {
  key: string;
  value?: string;
}

export interface TracesToLogs {
  datasourceUid: string;
  /** undefined: Grafana's default keys. */
  tags?: Tag[];
  filterByTraceID: boolean;
  filterBySpanID: boolean;
  spanStartTimeShift?: string;
  spanEndTimeShift?: string;
  customQuery?: string;
  /** tracesToLogsV2, or tracesToLogs (migrated). */
  from: 'tracesToLogsV2' | 'tracesToLogs';
}

export interface DerivedField {
  name: string;
  matcherRegex: string;
  matcherType: 'regex' | 'label';
  datasourceUid?: string;
  url?: string;
}

export interface DataSource {
  name: string;
  type: string;
  uid: string;
  tracesToLogs?: TracesToLogs;
  derivedFields: DerivedField[];
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown) => (typeof v === 'string' ? v : v === undefined || v === null ? undefined : String(v));

function tags(v: unknown, where: string, errors: string[]): Tag[] | undefined {
  if (v === undefined || v === null) return undefined;
  if (!Array.isArray(v)) {
    errors.push(`${where}: expected a list`);
    return undefined;
  }
  return v.map((t, i) => {
    if (typeof t === 'string') return { key: t };
    if (isObj(t) && typeof t.key === 'string') return { key: t.key, ...(str(t.value) ? { value: str(t.value) } : {}) };
    errors.push(`${where}[${i}]: expected a tag (key, value)`);
    return { key: '' };
  });
}

function tracesToLogs(j: Record<string, unknown>, where: string, errors: string[]): TracesToLogs | undefined {
  const v2 = j.tracesToLogsV2;
  if (isObj(v2)) {
    return {
      from: 'tracesToLogsV2',
      datasourceUid: str(v2.datasourceUid) ?? '',
      tags: tags(v2.tags, `${where}.tracesToLogsV2.tags`, errors),
      filterByTraceID: v2.filterByTraceID === true,
      filterBySpanID: v2.filterBySpanID === true,
      spanStartTimeShift: str(v2.spanStartTimeShift),
      spanEndTimeShift: str(v2.spanEndTimeShift),
      ...(v2.customQuery === true ? { customQuery: str(v2.query) ?? '' } : {}),
    };
  }
  const v1 = j.tracesToLogs;
  if (!isObj(v1)) return undefined;
  // Grafana migrates the older settings: mapped tags when mapTagNamesEnabled, else plain tags.
  const mapped = v1.mapTagNamesEnabled === true;
  return {
    from: 'tracesToLogs',
    datasourceUid: str(v1.datasourceUid) ?? '',
    tags: mapped ? tags(v1.mappedTags, `${where}.tracesToLogs.mappedTags`, errors) : tags(v1.tags, `${where}.tracesToLogs.tags`, errors),
    filterByTraceID: v1.filterByTraceID === true,
    filterBySpanID: v1.filterBySpanID === true,
    spanStartTimeShift: str(v1.spanStartTimeShift),
    spanEndTimeShift: str(v1.spanEndTimeShift),
  };
}

/** Reads a provisioning file's data; errors name the offending path. */
export function readDataSources(data: unknown): { sources: DataSource[] } | { errors: string[] } {
  const errors: string[] = [];
  if (!isObj(data) || !Array.isArray(data.datasources)) return { errors: ['expected a provisioning file with a `datasources` list'] };
  const sources = data.datasources.map((d, i): DataSource => {
    const where = `datasources[${i}]`;
    if (!isObj(d)) {
      errors.push(`${where}: expected a mapping`);
      return { name: '', type: '', uid: '', derivedFields: [] };
    }
    const name = str(d.name) ?? '';
    const j = isObj(d.jsonData) ? d.jsonData : {};
    const df = Array.isArray(j.derivedFields) ? j.derivedFields : [];
    return {
      name,
      type: str(d.type) ?? '',
      uid: str(d.uid) ?? name,
      tracesToLogs: tracesToLogs(j, `${where}.jsonData`, errors),
      derivedFields: df.map((f, k) => {
        const w = `${where}.jsonData.derivedFields[${k}]`;
        if (!isObj(f) || typeof f.matcherRegex !== 'string') {
          errors.push(`${w}: expected name and matcherRegex`);
          return { name: '', matcherRegex: '', matcherType: 'regex' };
        }
        return { name: str(f.name) ?? '', matcherRegex: f.matcherRegex, matcherType: f.matcherType === 'label' ? 'label' : 'regex', ...(str(f.datasourceUid) ? { datasourceUid: str(f.datasourceUid) } : {}), ...(str(f.url) ? { url: str(f.url) } : {}) };
      }),
    };
  });
  return errors.length ? { errors } : { sources };
}

/** Grafana's interval strings (rangeUtil.intervalToMs): `-5m`, `1h`, `30s`, `500ms`. */
export function intervalMs(text: string | undefined): number | { error: string } {
  if (!text) return 0;
  const m = /^(-?\d+(?:\.\d+)?)(ms|s|m|h|d|w|y)$/.exec(text.trim());
  if (!m) return { error: `invalid interval ${JSON.stringify(text)}` };
  const unit: Record<string, number> = { ms: 1, s: 1000, m: 60000, h: 3600000, d: 86400000, w: 604800000, y: 31536000000 };
  return Number(m[1]) * unit[m[2]];
}
