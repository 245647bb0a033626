// Values that stand for a secret rather than being one: what documentation and examples
// write where the real value goes. The hardcoded-secret rule does not report them.

const SECRET_WORD = String.raw`(?:api[-_ ]?)?(?:password|passwd|pass|pwd|secret|token|key|access[-_ ]?key|secret[-_ ]?key|credentials?|auth)`;

const PLACEHOLDERS: RegExp[] = [
  /^\s*$/,
  /^<[^<>]*>$/, // <PASSWORD>, <Grafana Cloud Password>
  /^\$\{[^{}]*\}$/, // ${TOKEN}
  /^\$[A-Za-z_]\w*$/, // $TOKEN
  /^\{\{.*\}\}$/s, // {{ .Values.token }}
  /^%\{[^{}]*\}$/,
  /^(?:change|replace)[-_ ]?(?:me|it|this)$/i,
  new RegExp(`^(?:your|my|example|sample|dummy|fake|some|test)[-_ ]?${SECRET_WORD}(?:[-_ ]?here)?$`, 'i'),
  new RegExp(`^${SECRET_WORD}$`, 'i'),
  /^(?:placeholder|redacted|example|dummy|todo|tbd|none|null|n\/a|undefined|secret[-_ ]?value)$/i,
  /^[*xX.#0-]+$/, // ****, xxx, 00000000-0000-…
];

/** An environment-variable-like name of a secret (`SPLUNK_TOKEN`). */
const ENV_NAME = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*$/;
const ENV_SECRET = /TOKEN|KEY|PASSWORD|PASSWD|SECRET|PASS|PWD|CREDENTIAL/;

/** True when `value` is a documented placeholder (`<PASSWORD>`, `${…}`, `changeme`…), not a secret. */
export function isSecretPlaceholder(value: string): boolean {
  if (PLACEHOLDERS.some((re) => re.test(value))) return true;
  if (ENV_NAME.test(value) && ENV_SECRET.test(value)) return true;
  // Mostly X: `SCWXXXXXXXXXXXXXXXXX`.
  const xs = value.length - value.replace(/x/gi, '').length;
  return xs >= 6 && xs * 10 >= value.length * 6;
}
