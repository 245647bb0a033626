// Go text/template (the subset pipelines use) with the pipeline function map.

import { Executor } from './exec.js';
import { FUNCS } from './funcs.js';
import { parseTemplate } from './parse.js';

export interface GoTemplate {
  /** Renders with `data` as dot; throws on an execution error (the stage then leaves the entry alone). */
  execute(data: unknown): string;
}

/** Parses `src`; throws a TemplateError when Go would reject it. */
export function compileTemplate(src: string): GoTemplate {
  const parsed = parseTemplate(src);
  checkFunctions(parsed.root);
  for (const body of parsed.defines.values()) checkFunctions(body);
  const exec = new Executor(parsed, FUNCS);
  return { execute: (data) => exec.run(data) };
}

/** Go rejects calls to undefined functions at parse time. */
function checkFunctions(nodes: import('./parse.js').Node[]): void {
  const pipe = (p: import('./parse.js').Pipe) => {
    for (const c of p.cmds) for (const a of c.args) arg(a);
  };
  const arg = (a: import('./parse.js').Arg): void => {
    if (a.k === 'ident' && !FUNCS.has(a.name)) throw new TemplateError(`function ${JSON.stringify(a.name)} not defined`);
    if (a.k === 'pipe') pipe(a.pipe);
    if (a.k === 'field' && a.recv) arg(a.recv);
  };
  for (const n of nodes) {
    if (n.k === 'action') pipe(n.pipe);
    else if (n.k === 'if' || n.k === 'with' || n.k === 'range') {
      pipe(n.pipe);
      checkFunctions(n.list);
      if (n.else) checkFunctions(n.else);
    } else if (n.k === 'template' && n.pipe) pipe(n.pipe);
  }
}

import { TemplateError } from './parse.js';
export { TemplateError };
export { goPrint } from './exec.js';
