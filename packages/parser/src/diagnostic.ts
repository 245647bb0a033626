export type Severity = 'error' | 'warning' | 'info';

/** A text edit: replace bytes [start, end) with `text`. */
export interface Edit {
  start: number;
  end: number;
  text: string;
}

/** A problem found in a source text; positions are byte offsets. */
export interface Diagnostic {
  severity: Severity;
  /** Stable rule id: `syntax` for scanner and parser errors. */
  code: string;
  message: string;
  start: number;
  /** Exclusive end offset; equals `start` for a point. */
  end: number;
  /** A short suggestion shown under the message ("did you mean ...?"). */
  hint?: string;
  /** A fix an editor can apply. */
  fix?: { title: string; edits: Edit[] };
}
