export type Severity = 'error' | 'warning' | 'info';

/** A problem found in a source text; positions are byte offsets. */
export interface Diagnostic {
  severity: Severity;
  /** Stable rule id: `syntax` for scanner and parser errors. */
  code: string;
  message: string;
  start: number;
  /** Exclusive end offset; equals `start` for a point. */
  end: number;
}
