/**
 * Formats generated TypeScript with the TypeScript formatter (through ts-morph): two-space
 * indentation, the same bytes for the same input.
 */
import { IndentationText, Project, QuoteKind } from 'ts-morph';

/** The formatted text of a TypeScript module. */
export function formatTypeScript(text: string): string {
  const project = new Project({
    useInMemoryFileSystem: true,
    manipulationSettings: { indentationText: IndentationText.TwoSpaces, quoteKind: QuoteKind.Single },
  });
  const file = project.createSourceFile('/format.ts', text);
  file.formatText({ indentSize: 2, tabSize: 2, convertTabsToSpaces: true });
  const out = file.getFullText();
  return out.endsWith('\n') ? out : `${out}\n`;
}
