// The checks Alloy itself runs (`alloy validate` and loading a config): the validator and the
// type checker report them; these entries give each its id, severity and docs.
import type { Rule } from './types.js';

const refused = (id: string, description: string, docs: string): Rule => ({
  id,
  severity: 'error',
  origin: 'alloy',
  refusedByAlloy: true,
  description,
  docs,
});

const advice = (id: string, severity: Rule['severity'], description: string, docs: string): Rule => ({
  id,
  severity,
  origin: 'alloy',
  refusedByAlloy: false,
  description,
  docs,
});

export const ALLOY_RULES: Rule[] = [
  refused('syntax', 'A scanner or parser error.', 'The file is not valid Alloy syntax; Alloy stops at the first file that does not parse. Comments start with `//` or `/* */`, attributes are written `name = value`.'),
  refused('top-level-attribute', 'An attribute outside any block.', 'Only blocks may appear at the top level of a configuration; put the attribute inside the block it belongs to.'),
  refused('unknown-component', 'A block name that is not a component of this Alloy release (or of an imported module).', 'Check the spelling against `alloy-lint describe`; a component added in a later release needs `--alloy-version`.'),
  refused('stability', 'A component, block or function below the allowed stability level.', 'Alloy refuses experimental and public-preview features unless `--stability.level` allows them.'),
  refused('community', 'A community component without `--feature.community-components.enabled`.', 'Community components must be enabled explicitly.'),
  refused('missing-label', 'A component, declare, import or argument block without its label.', 'Write the label after the name: `loki.write "default" { ... }`.'),
  refused('duplicate-block', 'A block declared twice with the same name and label, or a block given more often than allowed.', 'Give each component a distinct label; blocks such as `endpoint` in some components may appear once only.'),
  refused('block-placement', 'A block in a place Alloy does not allow (logging in a module, argument at the root ...).', 'Config blocks such as `logging` belong to the root configuration; `argument` and `export` to modules.'),
  refused('unsupported-statement', 'An attribute where only blocks are allowed (in a declare or foreach template).', 'Bodies of `declare` and `template` hold blocks only.'),
  refused('service', 'A service block that takes no configuration.', 'Remove the block: the service has no settings.'),
  refused('missing-required', 'A required attribute or block is missing.', 'Add the attribute or block; `alloy-lint describe <component>` lists what is required.'),
  refused('unknown-attribute', 'An attribute the block does not have.', 'Usually a typo (the hint suggests the closest name) or a setting of another release.'),
  refused('unknown-block', 'A nested block the block does not have.', 'Usually a typo or a block of another release.'),
  refused('attr-as-block', 'A block written where an attribute is expected.', 'Write `name = value` instead of `name { ... }`.'),
  refused('block-as-attr', 'An attribute written where a block is expected.', 'Write `name { ... }` instead of `name = value`.'),
  refused('block-count', 'A block given a different number of times than required.', 'Some blocks must appear an exact number of times.'),
  refused('duplicate-attribute', 'An attribute given twice in one block.', 'Keep one of them.'),
  refused('block-label', 'A label on a block that takes none.', 'Remove the label.'),
  refused('type', "A literal value of the wrong type (Alloy's type check), or a text value Alloy does not accept.", 'Alloy checks literals against the argument types when it loads the config: quote strings, do not quote numbers and booleans.'),
  refused('unknown-reference', 'A reference to a component or variable that does not exist or is out of scope.', 'Check the component name and label; components of other files are visible only when the files are loaded as one directory (`--dir-as-config`).'),
  refused('unknown-field', 'A reference to an export or field that does not exist (`loki.write.default.reciever`).', 'Alloy reports `field "x" does not exist` when it evaluates the reference; the hint names the closest export.'),
  refused('type-mismatch', 'A value whose type does not fit where it is used (targets where log receivers are expected, a single receiver where a list is expected ...).', "Checked with Alloy's conversion rules against the argument's type; Alloy fails to load the component."),
  refused('cycle', 'Components that reference each other in a cycle.', 'Alloy evaluates components in dependency order and refuses cycles.'),
  refused('self-reference', 'A component that references its own exports.', 'A component cannot depend on itself.'),
  refused('invalid-regex', 'A regular expression RE2 does not accept.', 'Alloy compiles these with Go regexp (RE2): no look-around or back-references. Write regexes in backticks so `\\` needs no escaping.'),
  refused('import-failed', 'An imported module that cannot be read.', 'The file, repository or URL of an import block could not be loaded.'),
  refused('import-cycle', 'Modules that import each other.', 'Alloy refuses import cycles.'),
  advice('stdlib-shadowing', 'warning', 'A component whose name hides a standard library identifier.', 'Alloy warns: references to the stdlib name now resolve to the component.'),
  advice('deprecated-function', 'warning', 'A deprecated standard library function.', 'Alloy warns about these; the newer namespaced function does the same (`sys.env` for `env`).'),
];
