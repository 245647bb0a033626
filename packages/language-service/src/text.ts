import { type MarkupContent, MarkupKind } from 'vscode-languageserver-types';
import type { AttrSpec } from '@alloy-lint/analyzer';
import type { DocContext } from './context.js';
import { docsType, valueText } from './types-display.js';

/** Text of the line up to `offset`. */
export function linePrefix(ctx: DocContext, offset: number): string {
  const line = ctx.source.lineIndex(offset);
  return ctx.slice(ctx.source.lineStarts[line], offset);
}

/** Go's len of a string: its UTF-8 bytes (offsets here are byte offsets). */
export { byteLength } from '@alloy-lint/gostd';

/** Markdown paragraphs, with a link to the docs at the end. */
export function docsMarkdown(parts: (string | undefined)[], docs?: string): MarkupContent {
  const text = parts.filter(Boolean).join('\n\n') + (docs ? `\n\n[Documentation](${docs})` : '');
  return { kind: MarkupKind.Markdown, value: text };
}

/** `duration · default "1s" · optional` */
export function attrDetail(f: AttrSpec): string {
  const parts = [docsType(f.type)];
  if (f.default !== undefined) parts.push(`default ${valueText(f.default)}`);
  parts.push(f.required ? 'required' : 'optional');
  return parts.join(' · ');
}
