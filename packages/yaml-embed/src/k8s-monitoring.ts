/**
 * What the k8s-monitoring Helm chart (grafana/k8s-monitoring-helm) does with Alloy text
 * in its values, and which components its generated configuration defines, so that
 * fragments can refer to them. Read from the chart's templates (v1.6 and v2–v4).
 */

/** Keys holding a fragment of a whole configuration, merged into the generated one. */
export const FRAGMENT_KEYS = new Set(['extraConfig']);

/** Keys holding the body of a generated component: the wrapper it is checked inside. */
export const BODY_KEYS: Record<string, { before: string; after: string; templated: boolean }> = (() => {
  const component = (name: string, templated = false) => ({ before: `${name} "chart" {\n`, after: '\n}\n', templated });
  const endpoint = { before: 'prometheus.remote_write "chart" {\nendpoint {\nurl = "http://chart"\n', after: '\n}\n}\n', templated: false };
  return {
    extraDiscoveryRules: component('discovery.relabel'),
    extraRelabelingRules: component('discovery.relabel'),
    extraMetricProcessingRules: component('prometheus.relabel'),
    extraMetricRelabelingRules: component('prometheus.relabel'),
    extraLogProcessingStages: component('loki.process', true),
    extraProcessingStages: component('loki.process'),
    logProcessingStages: component('loki.process'),
    extraStageBlocks: component('loki.process'),
    extraLogProcessingRules: component('loki.relabel', true),
    logProcessingRules: component('loki.relabel'),
    profileProcessingRules: component('pyroscope.relabel'),
    profilesProcessingRules: component('pyroscope.relabel'),
    metricProcessingRules: endpoint,
    writeRelabelConfigRules: endpoint,
  };
})();

/** Top-level keys that mark a values file of the chart. */
const MARKERS = [
  'destinations', 'externalServices', 'collectors', 'clusterMetrics', 'clusterEvents', 'podLogs', 'podLogsViaLoki',
  'alloy-metrics', 'alloy-logs', 'alloy-singleton', 'alloy-receiver', 'alloy-profiles', 'replaceComponent',
];

export function looksLikeK8sMonitoring(keys: Set<string>): boolean {
  return MARKERS.some((k) => keys.has(k)) && (keys.has('cluster') || keys.has('destinations') || keys.has('externalServices'));
}

/** Components the chart renders for each destination type; the label is the destination's Alloy name + suffix. */
const DESTINATION_COMPONENTS: Record<string, [string, string][]> = {
  prometheus: [
    ['prometheus.remote_write', ''], ['prometheus.relabel', ''], ['otelcol.exporter.prometheus', ''], ['discovery.kubernetes', ''],
    ['discovery.relabel', ''], ['mimir.rules.kubernetes', ''], ['prometheus.enrich', '_ns'], ['prometheus.enrich', '_pod'], ['remote.kubernetes.secret', ''],
  ],
  loki: [['loki.write', ''], ['loki.process', ''], ['otelcol.exporter.loki', ''], ['remote.kubernetes.secret', '']],
  'loki-stdout': [['loki.echo', ''], ['loki.process', ''], ['loki.relabel', ''], ['otelcol.exporter.loki', '']],
  otlp: [
    ['otelcol.exporter.otlp', ''], ['otelcol.exporter.otlphttp', ''], ['otelcol.receiver.prometheus', ''], ['otelcol.receiver.loki', ''],
    ['otelcol.processor.attributes', ''], ['otelcol.processor.batch', ''], ['otelcol.processor.filter', ''], ['otelcol.processor.memory_limiter', ''],
    ['otelcol.processor.transform', ''], ['otelcol.processor.transform', '_scrape_normalize'], ['otelcol.auth.basic', ''], ['otelcol.auth.bearer', ''],
    ['otelcol.auth.oauth2', ''], ['otelcol.auth.sigv4', ''], ['otelcol.exporter.loadbalancing', '_sampler'], ['otelcol.exporter.loadbalancing', '_servicegraph'],
    ['local.file', ''], ['remote.kubernetes.secret', ''],
  ],
  pyroscope: [['pyroscope.write', ''], ['remote.kubernetes.secret', '']],
  custom: [['otelcol.exporter.loki', ''], ['otelcol.exporter.prometheus', ''], ['otelcol.receiver.loki', ''], ['otelcol.receiver.prometheus', '']],
  router: [
    ['loki.relabel', '_logs_loki'], ['otelcol.processor.transform', '_logs_otlp'], ['otelcol.processor.transform', '_metrics_otlp'],
    ['otelcol.processor.transform', '_traces_otlp'], ['prometheus.relabel', '_metrics_prometheus'], ['pyroscope.relabel', '_profiles_pyroscope'],
  ],
  nop: [['loki.relabel', ''], ['prometheus.relabel', ''], ['pyroscope.relabel', ''], ['otelcol.exporter.loki', ''], ['otelcol.exporter.prometheus', ''], ['otelcol.connector.spanlogs', '']],
};
const DESTINATION_TYPES = new Set(Object.values(DESTINATION_COMPONENTS).flatMap((l) => l.map(([t]) => t)));

/** Feature modules (v2+), each instantiated as `<module> "feature"`. */
const FEATURES = new Set(
  ('annotation_autodiscovery application_observability auto_instrumentation cluster_events cluster_metrics cost_metrics energy_metrics ' +
    'kubernetes_manifests linux_host_metrics node_logs pod_logs_objects pod_logs_via_kubernetes_api pod_logs_via_loki ' +
    'pod_logs_via_opentelemetry profiles_receiver profiling prometheus_operator_objects windows_event_logs windows_host_metrics').split(' '),
);

/** Self-reporting components (every version). */
const SELF_REPORTING = new Set(['discovery.relabel', 'prometheus.exporter.unix', 'prometheus.relabel', 'prometheus.scrape']);

/** v1.x: components with fixed names, `type label` pairs grouped by type. */
const V1: Record<string, string> = {
  'discovery.kubernetes': 'ebpf_pods endpointslice java_pods nodes pods pprof_pods services',
  'discovery.relabel':
    'alloy annotation_autodiscovery_http annotation_autodiscovery_https annotation_autodiscovery_pods annotation_autodiscovery_services apiserver beyla cadvisor ebpf_pods filtered_pod_logs java_pods kepler kube_controller_manager kube_proxy kube_scheduler kube_state_metrics kubelet kubelet_resource node_exporter opencost pod_logs potential_java_pods pprof_pods windows_exporter',
  'loki.process': 'cluster_events journal_logs logs_service pod_logs podlogs_objects',
  'loki.write': 'logs_service',
  'loki.echo': 'cluster_events',
  'otelcol.exporter.otlp': 'logs_service metrics_service traces_service',
  'otelcol.exporter.otlphttp': 'logs_service metrics_service traces_service',
  'otelcol.exporter.loki': 'logs_converter',
  'otelcol.exporter.prometheus': 'host_info_metrics metrics_converter',
  'otelcol.processor.batch': 'batch_processor host_info_batch logs_service metrics_service',
  'otelcol.processor.k8sattributes': 'default',
  'otelcol.processor.transform': 'add_metric_datapoint_attributes default',
  'otelcol.receiver.otlp': 'receiver',
  'otelcol.receiver.loki': 'logs_service',
  'otelcol.receiver.prometheus': 'metrics_service',
  'prometheus.relabel':
    'alloy annotation_autodiscovery apiserver beyla cadvisor kepler kube_controller_manager kube_proxy kube_scheduler kube_state_metrics kubelet kubelet_resource metrics_service node_exporter opencost podmonitors probes servicemonitors windows_exporter',
  'prometheus.remote_write': 'metrics_service',
  'prometheus.receive_http': 'receiver',
  'pyroscope.write': 'profiles_service',
  'remote.kubernetes.secret': 'logs_service metrics_service profiles_service traces_service',
};
const V1_NAMES = new Map(Object.entries(V1).map(([t, labels]) => [t, new Set(labels.split(' '))]));

export interface Destination {
  name: string;
  type: string;
}

/** What a fragment can see of the chart: destinations named in the same values file. */
export interface ChartScope {
  /** Undefined when the file names none (they may come from another values file). */
  destinations?: Destination[];
}

/** The chart's Alloy name of a destination (`helper.alloy_name`). */
export const alloyName = (s: string) => s.toLowerCase().replace(/[ -]/g, '_');

export type ChartVerdict = { defined: true; message: string } | { defined: false; hint: string } | undefined;

/**
 * Whether an unresolved reference (`prometheus.remote_write.metrics_service.receiver`) in a
 * fragment names a component the chart defines. Undefined: not a kind the chart makes.
 */
export function chartDefines(ref: string, scope: ChartScope): ChartVerdict {
  const parts = ref.split('.');
  for (let k = parts.length - 2; k >= 1; k--) {
    const type = parts.slice(0, k).join('.');
    const label = parts[k];
    const what = `${type} "${label}"`;
    if (label === 'feature' && k === 1 && FEATURES.has(type)) return { defined: true, message: `${what} is defined by the k8s-monitoring chart (feature module)` };
    if (label === 'kubernetes_monitoring_telemetry' && SELF_REPORTING.has(type)) return { defined: true, message: `${what} is defined by the k8s-monitoring chart (self-reporting)` };
    if (V1_NAMES.get(type)?.has(label)) return { defined: true, message: `${what} is defined by the k8s-monitoring chart (v1)` };
    if (!DESTINATION_TYPES.has(type)) continue;
    if (!scope.destinations) {
      return { defined: true, message: `${what} is assumed to be defined by the k8s-monitoring chart for a destination (this file names no destinations)` };
    }
    const offered: string[] = [];
    for (const d of scope.destinations) {
      for (const [t, suffix] of DESTINATION_COMPONENTS[d.type] ?? []) {
        if (t !== type) continue;
        const name = alloyName(d.name) + suffix;
        if (name === label) return { defined: true, message: `${what} is defined by the k8s-monitoring chart for destination ${JSON.stringify(d.name)}` };
        offered.push(name);
      }
    }
    return { defined: false, hint: offered.length ? `the chart defines ${type} for the destinations of this file: ${[...new Set(offered)].join(', ')}` : `no destination in this file makes the chart define a ${type}` };
  }
  return undefined;
}
