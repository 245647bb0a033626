// Types of the generated schema files and of the flattened view the reading API returns.
import type { ComponentCatalog } from './spec-types.js';

/** JSON Schema of one attribute (`x-alloy-kind: attribute`). */
export interface AttributeSchema {
  'x-alloy-kind'?: 'attribute';
  'x-alloy-type': string;
  'x-alloy-unresolved'?: string;
  /** `bytes`: a byte size, written as a number or a string with a unit. */
  'x-alloy-format'?: 'bytes';
  type?: string;
  /** 0 for unsigned integers. */
  minimum?: number;
  enum?: (string | number)[];
  default?: unknown;
  items?: AttributeSchema;
  additionalProperties?: AttributeSchema | false;
  properties?: Record<string, AttributeSchema>;
  required?: string[];
}

/** Object schema of a block body or of a component's arguments. */
export interface BodySchema {
  $ref?: string;
  type?: 'object';
  properties?: Record<string, PropertySchema>;
  required?: string[];
  additionalProperties?: false;
  'x-alloy-free-form'?: boolean;
}

/** A block property: repeatable blocks hold their body in `items`, single blocks inline it. */
export interface BlockSchema extends BodySchema {
  'x-alloy-kind': 'block';
  'x-alloy-repeatable': boolean;
  'x-alloy-labelled': boolean;
  'x-alloy-enum'?: string;
  items?: BodySchema;
  minItems?: number;
  maxItems?: number;
  default?: unknown;
}

export type PropertySchema = AttributeSchema | BlockSchema;

/** A whole schema file: a component or a config block. */
export interface ComponentSchema extends BodySchema {
  $schema: string;
  title: string;
  'x-alloy-kind': 'component' | 'config-block';
  'x-alloy-name': string;
  'x-alloy-version': string;
  'x-alloy-stability'?: string;
  'x-alloy-community'?: boolean;
  'x-alloy-labelled': boolean;
  'x-alloy-docs': string;
  'x-alloy-go-type'?: string;
  'x-alloy-exports'?: Record<string, AttributeSchema>;
  $defs?: Record<string, BodySchema>;
}

export interface IndexEntry {
  name: string;
  kind: 'component' | 'config-block';
  stability: string;
  community: boolean;
  file: string;
}
export interface SchemaIndex {
  version: string;
  entries: IndexEntry[];
  /** The release's argument checks, when generated (`rules.json`). */
  rules?: string;
}

export interface AttributeInfo {
  path: string[];
  type: string;
  required: boolean;
  default?: unknown;
  enum?: (string | number)[];
}
export interface BlockInfo {
  path: string[];
  required: boolean;
  repeatable: boolean;
  labelled: boolean;
}
export interface ExportInfo {
  name: string;
  type: string;
}
/** A flattened view of one schema, the shape `describe --format json` prints. */
export interface ComponentInfo {
  name: string;
  kind: 'component' | 'config-block';
  stability: string;
  community: boolean;
  docs: string;
  attributes: AttributeInfo[];
  blocks: BlockInfo[];
  exports: ExportInfo[];
}

/** One release's schemas: raw files, the flattened view, and the specs a checker walks. */
export interface Catalog extends ComponentCatalog {
  index: SchemaIndex;
  /** Schema of a component or config block by name (read on first use). */
  schema(name: string): ComponentSchema | undefined;
  /** Flattened info of a component or config block by name. */
  info(name: string): ComponentInfo | undefined;
  /** Config block names (`names()` lists the components). */
  blockNames(): string[];
}
