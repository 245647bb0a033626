// Masking secrets in text the CLI prints: values learnt from the configuration, passwords in
// URLs (with or without a scheme) and query-string tokens. No dependencies: error messages of
// every command go through it.

/** What replaces a secret in messages (Go's url.Redacted shows the same). */
export const MASK = 'xxxxx';

/** Attribute or object-key names whose string values are secrets. */
export const SECRET_NAME = /(passw|secret|token|api_?key|apikey|access_?key|private_?key|credential|authorization|bearer|cookie|signature|session_?key|sas)/i;
/** Names that hold where a secret is, not the secret. */
export const NOT_SECRET = /(_file|_path|_name|_id|_env|_field|_header|_type|_url|_label|_ref)$/i;

// `name = "…"`, `"Header-Name" = "…"`, `name: "…"` (YAML); double-quoted or raw strings.
export const ASSIGNED = /(?<![\w.-])("?)([A-Za-z_][\w.-]{0,127})\1[ \t]*[=:][ \t]*("(?:[^"\\\n]|\\.)*"|`[^`]*`)/g;
// `user:password@host`, with or without `scheme://`.
export const USERINFO = /(?<![\w.~%+-])([A-Za-z0-9._~%!$&'()*+,;=-]{1,256}):([^\s@/?#"'`<>\\:]{1,1024})@(?=[A-Za-z0-9[])/g;
// `?token=…` / `&api_key=…` in query strings. Every repetition is bounded: these run on any
// text a config holds, and must stay linear in it.
export const QUERY = /([?&](?:[\w.-]{0,64}(?:token|key|secret|passw|pwd|sig|signature|auth|credential|session)[\w.-]{0,64}))=([^&\s"'`#<>]{1,4096})/gi;

export const ALREADY = /^(\*+|x{5}|<secret>)$/;


/** Masks secrets in text the CLI prints: known values of the configuration, then patterns. */
export class Redactor {
  private readonly values = new Set<string>();

  /** Learns a secret value of the configuration. */
  add(value: string): void {
    // Very short values would mask ordinary words.
    if (value.length >= 4 && !ALREADY.test(value)) this.values.add(value);
  }

  known(): Iterable<string> {
    return this.values;
  }

  text(s: string): string {
    let out = s;
    for (const v of [...this.values].sort((a, b) => b.length - a.length)) if (out.includes(v)) out = out.split(v).join(MASK);
    out = out.replace(USERINFO, (all, user: string, pass: string) => (ALREADY.test(pass) ? all : `${user}:${MASK}@`));
    return out.replace(QUERY, (all, key: string, value: string) => (ALREADY.test(value) ? all : `${key}=${MASK}`));
  }
}

