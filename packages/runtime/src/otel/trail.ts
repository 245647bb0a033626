// The shapes of an item's journey (kept apart from the code that builds them, so the data
// model can refer to them).

export type ItemKind = 'span' | 'log' | 'metric' | 'sample';

/** A snapshot of an item for traces and reports. */
export interface ItemView {
  kind: ItemKind;
  /** Span name, log body, metric name, sample's __name__. */
  name: string;
  resource?: Record<string, unknown>;
  attributes: Record<string, unknown>;
  /** Ids, times, values: what else identifies the item. */
  fields?: Record<string, unknown>;
}

export interface ItemStep {
  component: string;
  before: ItemView;
  /** null when the component dropped the item. */
  after: ItemView | null;
  note?: string;
  /** Relabel rules applied to a sample's labels. */
  rules?: unknown[];
}

export interface ItemJourney {
  kind: ItemKind;
  origin: string;
  input: ItemView;
  steps: ItemStep[];
  outcome: { kind: 'delivered' | 'dropped' | 'unrouted' | 'converted'; component: string; reason?: string };
}

/** What an item carries while tracing. */
export interface ItemTrail {
  origin: string;
  input: ItemView;
  steps: ItemStep[];
}

