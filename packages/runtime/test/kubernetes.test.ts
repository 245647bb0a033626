import { describe, expect, it } from 'vitest';
import type { Samples } from '../src/index.js';
import { expectClean, runText, targetsOf } from './helpers.js';

const WORLD: Samples = {
  kubernetes: {
    namespaces: [{ name: 'shop', labels: { team: 'payments' } }],
    nodes: [
      {
        name: 'node-a',
        providerID: 'aws:///eu-west-1a/i-1',
        labels: { 'topology.kubernetes.io/zone': 'eu-west-1a' },
        addresses: [
          { type: 'Hostname', address: 'node-a.internal' },
          { type: 'InternalIP', address: '192.168.0.10' },
        ],
        conditions: [{ type: 'Ready', status: 'True' }],
      },
    ],
    pods: [
      {
        name: 'api-1',
        namespace: 'shop',
        uid: 'uid-api-1',
        labels: { app: 'api', 'app.kubernetes.io/part-of': 'shop' },
        annotations: { 'prometheus.io/scrape': 'true' },
        node: 'node-a',
        ip: '10.1.0.5',
        controller: { kind: 'ReplicaSet', name: 'api-7f9' },
        containers: [
          { name: 'api', image: 'api:1', ports: [{ name: 'http', containerPort: 8080 }, { name: 'metrics', containerPort: 9090 }] },
          { name: 'sidecar', image: 'envoy:1' },
        ],
        initContainers: [{ name: 'migrate', image: 'migrate:1' }],
      },
      { name: 'worker-1', namespace: 'default', labels: { app: 'worker' }, ip: '10.1.0.6', phase: 'Pending', containers: [{ name: 'w' }] },
    ],
    services: [{ name: 'api', namespace: 'shop', labels: { app: 'api' }, clusterIP: '172.20.0.9', selector: { app: 'api' }, ports: [{ name: 'web', port: 80, targetPort: 'http' }] }],
    ingresses: [{ name: 'shop', namespace: 'shop', ingressClassName: 'nginx', tlsHosts: ['*.example.com'], rules: [{ host: 'shop.example.com', paths: ['/api', ''] }] }],
  },
};

const discover = (body: string) => {
  const r = expectClean(runText(`discovery.kubernetes "k" {\n${body}\n}\n`, WORLD));
  return targetsOf(r, 'discovery.kubernetes.k');
};

describe('discovery.kubernetes', () => {
  it('pod role: one target per container port, portless containers and init containers', () => {
    const t = discover('role = "pod"');
    expect(t.map((x) => [x.__address__, x.__meta_kubernetes_pod_container_name, x.__meta_kubernetes_pod_container_init])).toEqual([
      ['10.1.0.5:8080', 'api', 'false'],
      ['10.1.0.5:9090', 'api', 'false'],
      ['10.1.0.5', 'sidecar', 'false'],
      ['10.1.0.5', 'migrate', 'true'],
      ['10.1.0.6', 'w', 'false'],
    ]);
    expect(t[0]).toMatchObject({
      __meta_kubernetes_namespace: 'shop',
      __meta_kubernetes_pod_name: 'api-1',
      __meta_kubernetes_pod_uid: 'uid-api-1',
      __meta_kubernetes_pod_ip: '10.1.0.5',
      __meta_kubernetes_pod_node_name: 'node-a',
      __meta_kubernetes_pod_host_ip: '192.168.0.10',
      __meta_kubernetes_pod_ready: 'true',
      __meta_kubernetes_pod_phase: 'Running',
      __meta_kubernetes_pod_label_app_kubernetes_io_part_of: 'shop',
      __meta_kubernetes_pod_labelpresent_app_kubernetes_io_part_of: 'true',
      __meta_kubernetes_pod_annotation_prometheus_io_scrape: 'true',
      __meta_kubernetes_pod_controller_kind: 'ReplicaSet',
      __meta_kubernetes_pod_controller_name: 'api-7f9',
      __meta_kubernetes_pod_container_port_name: 'http',
      __meta_kubernetes_pod_container_port_number: '8080',
      __meta_kubernetes_pod_container_port_protocol: 'TCP',
      __meta_kubernetes_pod_container_image: 'api:1',
    });
    expect(t[2]).not.toHaveProperty('__meta_kubernetes_pod_container_port_number');
    expect(t[4]).toMatchObject({ __meta_kubernetes_pod_phase: 'Pending', __meta_kubernetes_pod_ready: 'false' });
  });

  it('namespaces, label selectors and field selectors filter the objects', () => {
    expect(discover('role = "pod"\nnamespaces {\n names = ["default"]\n}').map((x) => x.__meta_kubernetes_pod_name)).toEqual(['worker-1']);
    const sel = discover('role = "pod"\nselectors {\n role = "pod"\n label = "app in (api, web),app.kubernetes.io/part-of"\n field = "status.phase=Running"\n}');
    expect(new Set(sel.map((x) => x.__meta_kubernetes_pod_name))).toEqual(new Set(['api-1']));
  });

  it('attach_metadata adds node and namespace labels', () => {
    const t = discover('role = "pod"\nattach_metadata {\n node = true\n namespace = true\n}');
    // worker-1 runs on no known node: with node metadata, Prometheus leaves it out.
    expect(t.map((x) => x.__meta_kubernetes_pod_name)).not.toContain('worker-1');
    expect(t[0]).toMatchObject({ __meta_kubernetes_node_name: 'node-a', __meta_kubernetes_node_label_topology_kubernetes_io_zone: 'eu-west-1a', __meta_kubernetes_namespace_label_team: 'payments' });
  });

  it('node role: kubelet address from the preferred address type, conditions, instance', () => {
    const [n] = discover('role = "node"');
    expect(n).toMatchObject({
      __address__: '192.168.0.10:10250',
      instance: 'node-a',
      __meta_kubernetes_node_name: 'node-a',
      __meta_kubernetes_node_provider_id: 'aws:///eu-west-1a/i-1',
      __meta_kubernetes_node_condition_ready: 'true',
      __meta_kubernetes_node_address_InternalIP: '192.168.0.10',
      __meta_kubernetes_node_address_Hostname: 'node-a.internal',
    });
  });

  it('service role: one target per port', () => {
    const [s] = discover('role = "service"');
    expect(s).toEqual({
      __address__: 'api.shop.svc:80',
      __meta_kubernetes_namespace: 'shop',
      __meta_kubernetes_service_name: 'api',
      __meta_kubernetes_service_label_app: 'api',
      __meta_kubernetes_service_labelpresent_app: 'true',
      __meta_kubernetes_service_port_name: 'web',
      __meta_kubernetes_service_port_number: '80',
      __meta_kubernetes_service_port_protocol: 'TCP',
      __meta_kubernetes_service_type: 'ClusterIP',
      __meta_kubernetes_service_cluster_ip: '172.20.0.9',
    });
  });

  it('endpoints role: derived from the service selector, with pod and service labels', () => {
    const t = discover('role = "endpoints"');
    expect(t.map((x) => [x.__address__, x.__meta_kubernetes_endpoint_port_name ?? '', x.__meta_kubernetes_pod_container_name])).toEqual([
      ['10.1.0.5:8080', 'web', 'api'],
      ['10.1.0.5:9090', '', 'api'], // the container port no endpoint port covers
    ]);
    expect(t[0]).toMatchObject({
      __meta_kubernetes_endpoints_name: 'api',
      __meta_kubernetes_service_name: 'api',
      __meta_kubernetes_endpoint_ready: 'true',
      __meta_kubernetes_endpoint_address_target_kind: 'Pod',
      __meta_kubernetes_endpoint_address_target_name: 'api-1',
      __meta_kubernetes_endpoint_node_name: 'node-a',
      __meta_kubernetes_pod_name: 'api-1',
      __meta_kubernetes_pod_container_port_number: '8080',
    });
  });

  it('endpointslice role: conditions, zone and the service-name label', () => {
    const [t] = discover('role = "endpointslice"');
    expect(t).toMatchObject({
      __address__: '10.1.0.5:8080',
      __meta_kubernetes_endpointslice_address_type: 'IPv4',
      __meta_kubernetes_endpointslice_label_kubernetes_io_service_name: 'api',
      __meta_kubernetes_endpointslice_port: '8080',
      __meta_kubernetes_endpointslice_endpoint_conditions_ready: 'true',
      __meta_kubernetes_endpointslice_endpoint_zone: 'eu-west-1a',
      __meta_kubernetes_service_name: 'api',
    });
  });

  it('ingress role: a target per rule path, https when a TLS host matches', () => {
    const t = discover('role = "ingress"');
    expect(t.map((x) => [x.__address__, x.__meta_kubernetes_ingress_scheme, x.__meta_kubernetes_ingress_path])).toEqual([
      ['shop.example.com', 'https', '/api'],
      ['shop.example.com', 'https', '/'],
    ]);
    expect(t[0].__meta_kubernetes_ingress_class_name).toBe('nginx');
  });

  it('rejects an unknown role', () => {
    const r = runText('discovery.kubernetes "k" {\n role = "pods"\n}\n', WORLD);
    const c = r.components.find((x) => x.id === 'discovery.kubernetes.k');
    expect(r.ok ? c?.status : 'did not load').not.toBe('simulated');
  });
});
