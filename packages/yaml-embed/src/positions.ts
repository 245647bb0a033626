import { SourceFile } from '@alloy-lint/parser';
import type { Embed, Extraction } from './extract.js';

/** Byte offset of a UTF-16 offset in `source` (binary search over its byte → UTF-16 map). */
export function byteOffsetOfUtf16(source: SourceFile, utf16: number): number {
  let lo = 0;
  let hi = source.bytes.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (source.utf16Offset(mid) < utf16) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const sources = new WeakMap<Embed, SourceFile>();

/** The embedded text as a `SourceFile` (cached per embed). */
export function embedSource(embed: Embed): SourceFile {
  let s = sources.get(embed);
  if (!s) sources.set(embed, (s = new SourceFile(embed.text)));
  return s;
}

/** The embed whose YAML value holds YAML byte `offset`, if any. */
export function embedAt(extraction: Extraction, offset: number): Embed | undefined {
  return extraction.embeds.find((e) => offset >= e.scalar.start && offset <= e.scalar.end && e.map.toEmbedded(offset) !== undefined);
}

/** A position in both texts: bytes (as Alloy counts) and UTF-16 (as editors count). */
export interface BothWays {
  byte: number;
  utf16: number;
}

/** YAML UTF-16 offset → embedded offset; undefined outside the value or inside a template action. */
export function toEmbeddedUtf16(extraction: Extraction, embed: Embed, yamlUtf16: number): BothWays | undefined {
  const p = embed.map.toEmbedded(byteOffsetOfUtf16(extraction.source, yamlUtf16));
  if (!p || p.kind === 'placeholder') return undefined;
  return { byte: p.offset, utf16: embedSource(embed).utf16Offset(p.offset) };
}

/** Embedded UTF-16 offset → YAML offset (`end` bias for exclusive range ends). */
export function toYamlUtf16(extraction: Extraction, embed: Embed, embeddedUtf16: number, bias: 'start' | 'end' = 'start'): BothWays {
  const byte = embed.map.toHost(byteOffsetOfUtf16(embedSource(embed), embeddedUtf16), bias);
  return { byte, utf16: extraction.source.utf16Offset(byte) };
}
