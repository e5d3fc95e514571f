/**
 * The function table as Markdown, for docs/templates.md (between the `functions:start` and
 * `functions:end` markers; a test keeps the two equal) and for `ork notes`.
 */
import { TEMPLATE_FUNCTIONS } from './functions.ts';

const cell = (s: string): string => s.replace(/\|/g, '\\|');

/** The Markdown table of every template function. */
export function functionTableMarkdown(): string {
  const head = ['| Function | Origin | Parameters → result | Description | Example |', '|---|---|---|---|---|'];
  const rows = TEMPLATE_FUNCTIONS.map((f) => {
    const params = [...f.params, ...(f.variadic ? [`${f.variadic}...`] : [])].join(', ');
    return `| \`${f.name}\` | ${f.origin} | \`(${params})\` → ${f.returns} | ${cell(f.description)} | \`${cell(f.example)}\` |`;
  });
  return [...head, ...rows].join('\n');
}
