/**
 * The typed CR module of one CRD entry (`types/<crd>.ts` in a generated project): the CR
 * interface (`apiVersion`/`kind` as literals, metadata from the runtime kit, spec and status
 * from the CRD schema) plus every nested interface, written with ts-morph.
 */
import { Project, IndentationText, QuoteKind, type SourceFile } from 'ts-morph';
import type { CrdModel } from '../../model/katalog-model.ts';
import { collectInterfaces, type InterfaceDecl, type OpenApiSchema } from './schema-to-ts.ts';
import { docText, pascalCase } from '../code/identifiers.ts';

/** The name of a CRD entry's CR type (`WebApp`). */
export function crTypeName(crd: CrdModel): string {
  return pascalCase(crd.api?.kind ?? crd.name);
}

/** The OpenAPI schema of the version the operator serves (the storage version). */
export function servedSchema(crd: CrdModel): OpenApiSchema | undefined {
  const v = crd.crd?.spec.versions.find((x) => x.name === crd.api?.version) ?? crd.crd?.spec.versions.find((x) => x.storage);
  return v?.schema?.openAPIV3Schema as OpenApiSchema | undefined;
}

/** Source text of the types module of `crd`; `header` is the generated-file banner. */
export function crTypesModule(crd: CrdModel, header: string): string {
  const project = new Project({ useInMemoryFileSystem: true, manipulationSettings: { indentationText: IndentationText.TwoSpaces, quoteKind: QuoteKind.Single } });
  const file = project.createSourceFile('types.ts', '');
  const name = crTypeName(crd);
  const schema = servedSchema(crd);
  const decls: InterfaceDecl[] = [];
  const props = schema?.properties ?? {};
  const specType = props['spec'] ? collectInterfaces(`${name}Spec`, props['spec'], decls) : 'Record<string, unknown>';
  const statusType = props['status'] ? collectInterfaces(`${name}Status`, props['status'], decls) : 'Record<string, unknown>';
  file.addImportDeclaration({ isTypeOnly: true, moduleSpecifier: '@ork/runtime-kit', namedImports: ['ObjectMeta'] });
  const api = crd.api!;
  file.addInterface({
    name,
    isExported: true,
    docs: [docText(`${crd.raw.description ?? schema?.description ?? api.kind}\n\n@katalog ${crd.at.join('.')}`)],
    properties: [
      { name: 'apiVersion', type: JSON.stringify(`${api.group ? `${api.group}/` : ''}${api.version}`) },
      { name: 'kind', type: JSON.stringify(api.kind) },
      { name: 'metadata', type: 'ObjectMeta' },
      { name: 'spec', type: specType, hasQuestionToken: true },
      { name: 'status', type: statusType, hasQuestionToken: true },
    ],
  });
  addInterfaces(file, decls);
  file.insertText(0, header);
  return file.getFullText();
}

function addInterfaces(file: SourceFile, decls: readonly InterfaceDecl[]): void {
  for (const d of [...decls].reverse()) {
    file.addInterface({
      name: d.name,
      isExported: true,
      ...(d.docs ? { docs: [d.docs] } : {}),
      properties: d.properties.map((p) => ({ name: p.key, type: p.type, hasQuestionToken: p.optional, ...(p.docs ? { docs: [p.docs] } : {}) })),
    });
  }
}
