// Stage builders by block name (`stage.<name>`).

import type { Block } from '@alloy-lint/parser';
import type { BodySpec } from '@alloy-lint/schemas';
import type { BuildEnv, Stage } from '../types.js';
import { buildJson, buildLogfmt, buildPattern, buildRegex } from './extract.js';
import { buildDrop, buildLimit, buildMatch, buildSampling } from './filter.js';
import {
  buildLabelDrop,
  buildLabelKeep,
  buildLabels,
  buildStaticLabels,
  buildStructuredMetadata,
  buildStructuredMetadataDrop,
  buildTenant,
} from './labels.js';
import { buildMetrics } from './metrics.js';
import { buildEventLogMessage, buildPack, buildTruncate, buildWindowsEvent } from './misc.js';
import { buildDecolorize, buildLuhn, buildOutput, buildReplace, buildTemplate } from './rewrite.js';
import { buildCri, buildDocker, buildMultiline } from './stream.js';
import { buildTimestamp } from './timestamp.js';

/** Builds one stage from its block and its body's spec in the catalog (attributes, types, defaults). */
export type Builder = (block: Block, env: BuildEnv, spec: BodySpec, index: string) => Stage;

export const BUILDERS: Record<string, Builder> = {
  cri: buildCri,
  decolorize: buildDecolorize,
  docker: buildDocker,
  drop: buildDrop,
  eventlogmessage: buildEventLogMessage,
  json: buildJson,
  label_drop: buildLabelDrop,
  label_keep: buildLabelKeep,
  labels: buildLabels,
  limit: buildLimit,
  logfmt: buildLogfmt,
  luhn: buildLuhn,
  match: buildMatch,
  metrics: buildMetrics,
  multiline: buildMultiline,
  output: buildOutput,
  pack: buildPack,
  pattern: buildPattern,
  regex: buildRegex,
  replace: buildReplace,
  sampling: buildSampling,
  static_labels: buildStaticLabels,
  structured_metadata: buildStructuredMetadata,
  structured_metadata_drop: buildStructuredMetadataDrop,
  template: buildTemplate,
  tenant: buildTenant,
  timestamp: buildTimestamp,
  truncate: buildTruncate,
  windowsevent: buildWindowsEvent,
};

/** Stages Alloy has that the simulation cannot run, with the reason. */
export const UNSUPPORTED: Record<string, string> = {
  geoip: 'stage.geoip needs a MaxMind database file, which the simulation does not read',
};
