// loki.source.file and loki.source.docker: per-target tailers fed from the samples.

import { globMatch } from '../glob.js';
import { HostRefusal } from '../host.js';
import type { Labels, SampleEntry } from '../samples.js';
import { bool, targetsOf } from '../value-js.js';
import type { SimContext, Simulator } from './api.js';
import { makeEntry, publicLabels, send, targetEntries } from './loki-source-common.js';
import { applyRules, rulesOf } from './rules.js';

/** Lines of a file as the tailer reads them: split at \n, a trailing \r trimmed, a last partial line kept. */
export function fileLines(content: string): string[] {
  const lines = content.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines.map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
}

export function lokiSourceFile(ctx: SimContext): Simulator {
  const targets = targetsOf(ctx.required('targets'), 'targets');
  const to = ctx.flow.receiversOf(ctx.required('forward_to'));
  const fm = ctx.blocks('file_match')[0];
  const globbing = fm ? bool(ctx.attr('enabled', fm.body) ?? { t: 'bool', v: false }, 'file_match.enabled') : false;
  return {
    exports: {},
    emit() {
      for (const t of targets) {
        const pattern = t.__path__;
        if (!pattern) {
          ctx.warn(`target ${JSON.stringify(t)} has no __path__ label`);
          continue;
        }
        let paths = [pattern];
        if (globbing) {
          paths = ctx.host.glob?.(pattern) ?? [];
          if (t.__path_exclude__) paths = paths.filter((p) => !globMatch(t.__path_exclude__, p));
        }
        for (const path of paths) {
          const labels: Labels = { ...publicLabels(t), filename: path };
          const given = targetEntries(ctx, { ...t, filename: path });
          let entries: SampleEntry[];
          if (given) entries = given;
          else {
            let content: string | undefined;
            try {
              content = ctx.host.readFile(path);
            } catch (e) {
              if (!(e instanceof HostRefusal)) throw e;
              ctx.warn(e.message);
              continue;
            }
            if (content === undefined) {
              ctx.warn(`cannot read ${path} (add it to the samples' files, or logs for this target)`);
              continue;
            }
            entries = fileLines(content).map((line) => ({ line }));
          }
          for (const e of entries) send(ctx, to, makeEntry(e, { ...labels }, ctx.host.now()));
        }
      }
    },
  };
}

export function lokiSourceDocker(ctx: SimContext): Simulator {
  const targets = targetsOf(ctx.required('targets'), 'targets');
  const to = ctx.flow.receiversOf(ctx.required('forward_to'));
  const extra = ctx.attr('labels');
  const defaults: Labels = extra?.t === 'object' ? Object.fromEntries([...extra.v].map(([k, v]) => [k, v.t === 'string' ? v.v : ''])) : {};
  const rules = rulesOf(ctx.attr('relabel_rules'));
  return {
    exports: {},
    emit() {
      const seen = new Set<string>();
      for (const t of targets) {
        const id = t.__meta_docker_container_id;
        if (!id || seen.has(id)) continue; // Alloy tails each container once
        seen.add(id);
        const entries = targetEntries(ctx, t);
        if (!entries) {
          ctx.warn(`no log lines in the samples for container ${id}`);
          continue;
        }
        for (const e of entries) {
          const base = { ...t, ...defaults, __meta_docker_container_log_stream: e.stream ?? 'stdout' };
          const r = applyRules(rules, base, false).result;
          send(ctx, to, makeEntry(e, publicLabels(r ?? {}), ctx.host.now()));
        }
      }
    },
  };
}
