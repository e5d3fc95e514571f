/**
 * Kubernetes label keys and values (apimachinery `IsQualifiedName` / `IsValidLabelValue`):
 * - key: optional DNS subdomain prefix (at most 253) and `/`, then a name of at most 63
 *   characters, alphanumeric at both ends, `-`, `_`, `.` inside;
 * - value: empty, or at most 63 characters of the same alphabet as a name.
 * Each function returns what is wrong, or undefined when the text is valid.
 */

const NAME = /^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** Why `key` is not a valid label key, or undefined. */
export function labelKeyProblem(key: string): string | undefined {
  if (key === '') return 'a label key must not be empty';
  const parts = key.split('/');
  if (parts.length > 2) return 'a label key has at most one `/` (prefix/name)';
  const name = parts.length === 2 ? (parts[1] ?? '') : key;
  if (parts.length === 2) {
    const prefix = parts[0] ?? '';
    if (prefix === '') return 'the prefix before `/` must not be empty';
    if (prefix.length > 253) return `the prefix is ${prefix.length} characters long; at most 253`;
    if (!DNS_SUBDOMAIN.test(prefix)) return `the prefix \`${prefix}\` must be a lowercase DNS subdomain (e.g. example.com)`;
  }
  if (name === '') return 'the name part must not be empty';
  if (name.length > 63) return `the name part is ${name.length} characters long; at most 63`;
  if (!NAME.test(name)) return `the name part \`${name}\` must start and end with a letter or digit and contain only letters, digits, \`-\`, \`_\` and \`.\``;
  return undefined;
}

/** Why `value` is not a valid label value, or undefined. */
export function labelValueProblem(value: string): string | undefined {
  if (value === '') return undefined;
  if (value.length > 63) return `the value is ${value.length} characters long; at most 63`;
  if (!NAME.test(value)) return 'a label value must start and end with a letter or digit and contain only letters, digits, `-`, `_` and `.`';
  return undefined;
}
