// The OTTL functions of contrib v0.153.0 as data: the standard editors and converters
// (pkg/ottl/ottlfuncs, available in every context), and those one component adds
// (transformprocessor, filterprocessor) for some contexts. A `?` marks an optional parameter;
// parameter names are the snake_case of contrib's argument fields.
import type { ContextName } from './contexts.js';

/** Which component's parser a statement or condition goes through. */
export type Host = 'transform' | 'filter' | 'other';

export interface Param {
  name: string;
  optional: boolean;
}

export interface FunctionSpec {
  name: string;
  editor: boolean;
  params: Param[];
  /** Only these contexts (component-specific functions). */
  contexts?: readonly ContextName[];
  /** Only in these components. */
  hosts?: readonly Host[];
}

const STANDARD = [
  // Editors
  'append(target, ?value, ?values)',
  'delete_index(target, start_index, ?end_index)',
  'delete_key(target, key)',
  'delete_matching_keys(target, pattern)',
  'flatten(target, ?prefix, ?depth, ?resolve_conflicts)',
  'keep_keys(target, keys)',
  'keep_matching_keys(target, pattern)',
  'limit(target, limit, priority_keys)',
  'merge_maps(target, source, strategy)',
  'replace_all_matches(target, pattern, replacement, ?function, ?replacement_format)',
  'replace_all_patterns(target, mode, regex_pattern, replacement, ?function, ?replacement_format)',
  'replace_match(target, pattern, replacement, ?function, ?replacement_format)',
  'replace_pattern(target, regex_pattern, replacement, ?function, ?replacement_format)',
  'set(target, value)',
  'truncate_all(target, limit)',
  // Converters
  'Base64Decode(target)',
  'Base64Encode(target, ?variant)',
  'Bool(value)',
  'Coalesce(values)',
  'CommunityID(source_ip, source_port, destination_ip, destination_port, ?protocol, ?seed)',
  'Concat(vals, delimiter)',
  'ContainsValue(target, item)',
  'ConvertAttributesToElementsXML(target, ?x_path)',
  'ConvertCase(target, to_case)',
  'ConvertTextToElementsXML(target, ?x_path, ?element_name)',
  'Day(time)',
  'Decode(target, encoding)',
  'Double(value)',
  'Duration(duration)',
  'ExtractGrokPatterns(target, pattern, ?named_captures_only, ?pattern_definitions)',
  'ExtractPatterns(target, pattern)',
  'FNV(target)',
  'Format(format, vals)',
  'FormatTime(time, format)',
  'GetXML(target, x_path)',
  'HasPrefix(target, prefix)',
  'HasSuffix(target, suffix)',
  'Hex(target)',
  'Hour(time)',
  'Hours(duration)',
  'Index(target, value)',
  'InsertXML(target, x_path, sub_document)',
  'Int(value)',
  'IsBool(value)',
  'IsDouble(value)',
  'IsInCIDR(target, networks)',
  'IsInt(value)',
  'IsList(value)',
  'IsMap(value)',
  'IsMatch(target, pattern)',
  'IsString(value)',
  'IsValidLuhn(target)',
  'Keys(target)',
  'Len(target)',
  'Log(target)',
  'MD5(target)',
  'Microseconds(duration)',
  'Milliseconds(duration)',
  'Minute(time)',
  'Minutes(duration)',
  'Month(time)',
  'Murmur3Hash(target)',
  'Murmur3Hash128(target)',
  'Nanosecond(time)',
  'Nanoseconds(duration)',
  'Now()',
  'ParseCSV(target, header, ?delimiter, ?header_delimiter, ?mode)',
  'ParseInt(target, base)',
  'ParseJSON(target)',
  'ParseKeyValue(target, ?delimiter, ?pair_delimiter)',
  'ParseSeverity(target, mapping)',
  'ParseSimplifiedXML(target)',
  'ParseXML(target)',
  'ProfileID(bytes)',
  'RemoveXML(target, x_path)',
  'Second(time)',
  'Seconds(duration)',
  'SHA1(target)',
  'SHA256(target)',
  'SHA512(target)',
  'SliceToMap(target, ?key_path, ?value_path)',
  'Sort(target, ?order)',
  'SpanID(bytes)',
  'Split(target, delimiter)',
  'String(value)',
  'Substring(target, start, length)',
  'Time(time, format, ?location, ?locale)',
  'ToCamelCase(target)',
  'ToKeyValueString(target, ?delimiter, ?pair_delimiter, ?sort_output)',
  'ToLowerCase(target)',
  'ToSnakeCase(target)',
  'ToUpperCase(target)',
  'TraceID(bytes)',
  'Trim(target, ?replacement)',
  'TrimPrefix(target, prefix)',
  'TrimSuffix(target, suffix)',
  'TruncateTime(time, duration)',
  'Unix(seconds, ?nanoseconds)',
  'UnixMicro(time)',
  'UnixMilli(time)',
  'UnixNano(time)',
  'UnixSeconds(time)',
  'URL(url)',
  'UserAgent(value)',
  'UUID()',
  'UUIDv7()',
  'Values(target)',
  'Weekday(time)',
  'XXH128(target)',
  'XXH3(target)',
  'Year(time)',
];

/** Functions a component adds for some contexts. */
const COMPONENT: { sig: string; contexts: ContextName[]; hosts: Host[] }[] = [
  { sig: 'set_semconv_span_name(semconv_version, ?original_span_name_attribute)', contexts: ['span'], hosts: ['transform'] },
  ...[
    'aggregate_on_attribute_value(aggregation_function, attribute, values, new_value)',
    'aggregate_on_attributes(aggregation_function, ?attributes)',
    'convert_exponential_histogram_to_histogram(distribution, explicit_bounds)',
    'convert_gauge_to_sum(aggregation_temporality, is_monotonic)',
    'convert_sum_to_gauge()',
    'convert_summary_count_val_to_sum(aggregation_temporality, is_monotonic, ?suffix)',
    'convert_summary_quantile_val_to_gauge(?attribute_key, ?suffix)',
    'convert_summary_sum_val_to_sum(aggregation_temporality, is_monotonic, ?suffix)',
    'copy_metric(?name, ?description, ?unit)',
    'extract_count_metric(monotonic, ?suffix)',
    'extract_sum_metric(monotonic, ?suffix)',
    'scale_metric(factor, ?unit)',
  ].map((sig) => ({ sig, contexts: ['metric'] as ContextName[], hosts: ['transform'] as Host[] })),
  { sig: 'HasAttrKeyOnDatapoint(key)', contexts: ['metric'], hosts: ['filter'] },
  { sig: 'HasAttrOnDatapoint(key, expected_val)', contexts: ['metric'], hosts: ['filter'] },
];

function parseSig(sig: string): Omit<FunctionSpec, 'contexts' | 'hosts'> {
  const open = sig.indexOf('(');
  const name = sig.slice(0, open);
  const inner = sig.slice(open + 1, -1).trim();
  const params = inner === '' ? [] : inner.split(',').map((p) => {
    const t = p.trim();
    return { name: t.replace(/^\?/, ''), optional: t.startsWith('?') };
  });
  return { name, editor: /^[a-z]/.test(name), params };
}

/** Every function by name. */
export const FUNCTIONS: ReadonlyMap<string, FunctionSpec> = new Map([
  ...STANDARD.map((s) => parseSig(s)),
  ...COMPONENT.map((c) => ({ ...parseSig(c.sig), contexts: c.contexts, hosts: c.hosts })),
].map((f) => [f.name, f]));

/** Whether `fn` can be called from `context` in `host`. */
export function available(fn: FunctionSpec, context: ContextName, host: Host): boolean {
  return (!fn.contexts || fn.contexts.includes(context)) && (!fn.hosts || fn.hosts.includes(host));
}

/** Smallest and largest number of arguments. */
export function arity(fn: FunctionSpec): { min: number; max: number } {
  return { min: fn.params.filter((p) => !p.optional).length, max: fn.params.length };
}
