// How the text reports colour their parts: ANSI escapes in a terminal (the CLI passes
// picocolors), spans in the playground, nothing in plain text.

export type Paint = (s: string) => string;

/** The colours the reports use. picocolors' `createColors()` is one. */
export interface Style {
  bold: Paint;
  dim: Paint;
  red: Paint;
  green: Paint;
  yellow: Paint;
  cyan: Paint;
}

const same: Paint = (s) => s;

/** No colour. */
export const PLAIN: Style = { bold: same, dim: same, red: same, green: same, yellow: same, cyan: same };
