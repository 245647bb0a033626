// A compact secret detector for loki.secretfilter. Alloy embeds gitleaks' default rule set
// (some two hundred rules); this covers the common token formats and the generic
// "keyword = high-entropy value" rule, which is where most log leaks are caught.

export interface SecretRule {
  id: string;
  /** Group 1 (or the whole match) is the secret. */
  regex: RegExp;
  /** Minimum Shannon entropy of the secret, when the rule has one. */
  entropy?: number;
}

export interface Finding {
  rule: string;
  secret: string;
}

export const RULES: SecretRule[] = [
  { id: 'aws-access-token', regex: /\b((?:A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16})\b/g },
  { id: 'github-pat', regex: /\b(ghp_[0-9A-Za-z]{36})\b/g },
  { id: 'github-oauth', regex: /\b(gho_[0-9A-Za-z]{36})\b/g },
  { id: 'github-app-token', regex: /\b((?:ghu|ghs)_[0-9A-Za-z]{36})\b/g },
  { id: 'github-refresh-token', regex: /\b(ghr_[0-9A-Za-z]{36})\b/g },
  { id: 'github-fine-grained-pat', regex: /\b(github_pat_\w{82})\b/g },
  { id: 'gitlab-pat', regex: /\b(glpat-[\w-]{20})\b/g },
  { id: 'slack-bot-token', regex: /\b(xoxb-\d{10,13}-\d{10,13}[A-Za-z0-9-]*)/g },
  { id: 'slack-user-token', regex: /\b(xox[pe](?:-\d{10,13}){3}-[A-Za-z0-9-]{28,34})/g },
  { id: 'stripe-access-token', regex: /\b((?:sk|rk)_(?:test|live|prod)_[A-Za-z0-9]{10,99})\b/g },
  { id: 'gcp-api-key', regex: /\b(AIza[\w-]{35})\b/g },
  { id: 'grafana-cloud-api-token', regex: /\b(glc_[A-Za-z0-9+/]{32,400}={0,2})/g },
  { id: 'grafana-service-account-token', regex: /\b(glsa_[A-Za-z0-9]{32}_[A-Fa-f0-9]{8})\b/g },
  { id: 'jwt', regex: /\b(ey[A-Za-z0-9]{17,}\.ey[A-Za-z0-9/\\_-]{17,}\.(?:[A-Za-z0-9/\\_-]{10,}={0,2})?)/g },
  { id: 'private-key', regex: /(-----BEGIN[ A-Z0-9_-]{0,100}PRIVATE KEY(?: BLOCK)?-----[\s\S]{64,}?-----END[ A-Z0-9_-]{0,100}PRIVATE KEY(?: BLOCK)?-----)/g },
  {
    id: 'generic-api-key',
    regex:
      /(?:access|auth|api|credential|creds|key|passw(?:or)?d|secret|token)[\w .-]{0,20}?['"\s]{0,3}(?:=|>|:{1,3}=|\|\||:|=>|\?=|,)[`'"\s=]{0,5}([\w.=-]{10,150}|[a-z0-9][a-z0-9+/]{11,}={0,3})(?=[`'"\s;]|\\[nr]|$)/gi,
    entropy: 3.5,
  },
];

export function shannonEntropy(s: string): number {
  const counts = new Map<string, number>();
  for (const c of s) counts.set(c, (counts.get(c) ?? 0) + 1);
  let h = 0;
  for (const n of counts.values()) {
    const p = n / s.length;
    h -= p * Math.log2(p);
  }
  return h;
}

/** Every secret found in the line, rule by rule. */
export function detect(line: string, rules: SecretRule[] = RULES): Finding[] {
  const out: Finding[] = [];
  const seen = new Set<string>();
  for (const r of rules) {
    r.regex.lastIndex = 0;
    for (const m of line.matchAll(r.regex)) {
      const secret = m[1] ?? m[0];
      if (r.entropy !== undefined && shannonEntropy(secret) < r.entropy) continue;
      // A secret a specific rule already found is not reported again by the generic one.
      if (seen.has(secret)) continue;
      seen.add(secret);
      out.push({ rule: r.id, secret });
    }
  }
  return out;
}

/** gitleaks-style masking: the leading (100-percent)% of the secret, then `...`; 100 gives REDACTED. */
export function maskSecret(secret: string, percent: number): string {
  if (percent >= 100) return 'REDACTED';
  const keep = roundHalfEven((secret.length * (100 - percent)) / 100);
  return secret.slice(0, keep) + '...';
}

function roundHalfEven(x: number): number {
  const f = Math.floor(x);
  const d = x - f;
  if (d > 0.5) return f + 1;
  if (d < 0.5) return f;
  return f % 2 === 0 ? f : f + 1;
}
