// Go types defined outside the Alloy tree (Prometheus, OpenTelemetry, Loki, stdlib, ...) that
// appear in argument structs, mapped by hand to the Alloy type the decoder gives them.
// Keyed by `<import path>.<Type>`. Anything not listed is recorded as `any` + x-alloy-unresolved.

export interface ExternalType {
  /** Alloy type name as `value.AlloyType` reports it. */
  type: string;
  /** How a default value of this type is printed (numbers held by text types). */
  format?: 'duration' | 'bytes';
  /** Values the type's UnmarshalText accepts, when it checks them. */
  enum?: string[];
}

const P = 'github.com/prometheus';
export const EXTERNAL_TYPES: Record<string, ExternalType> = {
  'time.Duration': { type: 'duration', format: 'duration' },
  'time.Time': { type: 'string' },
  'net/url.URL': { type: 'string' },
  'regexp.Regexp': { type: 'string' },
  'encoding/json.RawMessage': { type: 'list(number)' },
  [`${P}/common/model.Duration`]: { type: 'duration', format: 'duration' },
  [`${P}/common/model.LabelName`]: { type: 'string' },
  [`${P}/common/model.LabelValue`]: { type: 'string' },
  [`${P}/common/model.LabelSet`]: { type: 'map(string)' },
  [`${P}/common/model.ValidationScheme`]: { type: 'string' },
  [`${P}/common/model.EscapingScheme`]: { type: 'string' },
  [`${P}/common/config.Secret`]: { type: 'secret' },
  [`${P}/common/config.URL`]: { type: 'string' },
  [`${P}/prometheus/model/relabel.Regexp`]: { type: 'string' },
  [`${P}/prometheus/model/relabel.Action`]: { type: 'string' },
  [`${P}/prometheus/storage.Appendable`]: { type: 'capsule(storage.Appendable)' },
  'github.com/alecthomas/units.Base2Bytes': { type: 'string', format: 'bytes' },
  'github.com/grafana/dskit/flagext.Secret': { type: 'secret' },
  'github.com/grafana/dskit/flagext.StringSliceCSV': { type: 'string' },
  'github.com/grafana/dskit/flagext.StringSlice': { type: 'list(string)' },
  'net/url.Values': { type: 'map(list(string))' },
  'github.com/open-telemetry/opentelemetry-collector-contrib/pkg/ottl.ErrorMode': {
    type: 'string', enum: ['ignore', 'silent', 'propagate'],
  },
  'go.opentelemetry.io/collector/config/configcompression.Type': { type: 'string' },
  'github.com/grafana/regexp.Regexp': { type: 'string' },
  'go.opentelemetry.io/collector/config/configopaque.String': { type: 'secret' },
  'go.opentelemetry.io/collector/component.ID': { type: 'string' },
  'go.opentelemetry.io/collector/component.Type': { type: 'string' },
  'go.opentelemetry.io/collector/pipeline.Signal': { type: 'string' },
};

/**
 * Underlying Go types of external types, for types defined over them (`type D time.Duration` is a
 * number: methods, and so text or duration handling, are not inherited).
 */
export const EXTERNAL_UNDERLYING: Record<string, string> = {
  'time.Duration': 'int64',
  [`${P}/common/model.Duration`]: 'int64',
  'github.com/alecthomas/units.Base2Bytes': 'int64',
  'crypto/tls.CurveID': 'uint16',
  'crypto/tls.ClientAuthType': 'int',
  [`${P}/common/model.LabelName`]: 'string',
  [`${P}/common/model.LabelValue`]: 'string',
};

/** Formats nanoseconds the way Go's time.Duration.String() does. */
export function formatDuration(ns: number): string {
  if (ns === 0) return '0s';
  if (ns >= 2 ** 63 - 1024) return '2562047h47m16.854775807s'; // math.MaxInt64 (not exact in a double)
  const neg = ns < 0;
  let d = Math.abs(ns);
  let out: string;
  if (d < 1e9) {
    const [unit, div] = d < 1e3 ? ['ns', 1] : d < 1e6 ? ['µs', 1e3] : ['ms', 1e6];
    out = `${trimFloat(d / div)}${unit}`;
  } else {
    const h = Math.floor(d / 3600e9);
    d -= h * 3600e9;
    const m = Math.floor(d / 60e9);
    d -= m * 60e9;
    const s = `${trimFloat(d / 1e9)}s`;
    out = h > 0 ? `${h}h${m}m${s}` : m > 0 ? `${m}m${s}` : s;
  }
  return neg ? `-${out}` : out;
}

function trimFloat(x: number): string {
  return String(Number(x.toFixed(9)));
}

/** Formats a byte count the way alecthomas/units.Base2Bytes.String() does (largest exact unit). */
export function formatBytes(n: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];
  let i = 0;
  while (i < units.length - 1 && n !== 0 && n % 1024 === 0) {
    n /= 1024;
    i++;
  }
  return `${n}${units[i]}`;
}
