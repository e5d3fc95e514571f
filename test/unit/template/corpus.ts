/**
 * Shared corpus for the differential tests: templates over a CR with `.spec` fields of every
 * kind, and a fast-check generator of such CRs. The templates use Go built-ins and only the
 * Orkestra notes that test/template-oracle reimplements, so Go itself can render them too.
 */
import fc from 'fast-check';
import { marshalJson, parseJson, type GoValue } from '../../../runtime-kit/template/index.ts';

/** Templates rendered by the compiled code, the reference interpreter and Go. */
export const CORPUS: readonly string[] = [
  'plain text, no actions',
  '{{ .metadata.name }}-{{ .spec.s }}',
  '{{ .spec.n }} {{ .spec.f }} {{ .spec.b }} {{ .spec.z }}',
  '{{ .spec }}',
  '{{ .spec.l }}|{{ .spec.m }}',
  '{{ .spec.missing }}x',
  '{{ .spec.m.a }}',
  '{{ .spec.m.a.deeper }}',
  '{{ if .spec.b }}yes{{ else }}no{{ end }}',
  '{{ if .spec.n }}n{{ else if .spec.s }}s{{ else }}none{{ end }}',
  '{{ with .spec.m }}{{ .a }}/{{ .b }}{{ else }}nomap{{ end }}',
  '{{ range .spec.l }}[{{ . }}]{{ else }}empty{{ end }}',
  '{{ range $i, $v := .spec.l }}{{ $i }}={{ $v }};{{ end }}',
  '{{ range $k, $v := .spec.m }}{{ $k }}:{{ $v }},{{ end }}',
  '{{ range $v := .spec.l }}{{ if not $v }}{{ continue }}{{ end }}{{ $v }}{{ end }}',
  '{{ range .spec.l }}{{ if eq (printf "%v" .) "b" }}{{ break }}{{ end }}{{ . }},{{ end }}',
  '{{ $x := .spec.n }}{{ if .spec.b }}{{ $x = "changed" }}{{ end }}{{ $x }}',
  '{{ eq .spec.n 3 }}',
  '{{ eq .spec.s "a" "b" "" }}',
  '{{ ne .spec.s "x" }}',
  '{{ lt .spec.n 10 }}',
  '{{ le .spec.f 0.5 }}',
  '{{ gt .spec.s "m" }}',
  '{{ and .spec.b .spec.s .spec.n }}|{{ or .spec.z .spec.s .spec.n }}',
  '{{ not .spec.l }}',
  '{{ len .spec.s }} {{ len .spec.l }} {{ len .spec.m }} {{ len .spec.missing }} {{ len .spec.n }}',
  '{{ index .spec.l 0 }}',
  '{{ index .spec.m "a" }}',
  '{{ slice .spec.l 1 }}',
  '{{ printf "%v|%d|%s|%q|%t|%05.1f|%x|%3d" .spec.n .spec.n .spec.s .spec.s .spec.b .spec.f .spec.s .spec.n }}',
  '{{ printf "%v %v" .spec.f .spec.m }}',
  '{{ print .spec.n .spec.s .spec.b }}',
  '{{ .spec.n | printf "%03d" }}',
  '{{ .spec.s | default "dflt" }}',
  '{{ default 7 .spec.n }}',
  '{{ coalesce .spec.z .spec.s "last" }}',
  '{{ ternary .spec.b "on" "off" }}',
  '{{ empty .spec.m }} {{ notEmpty .spec.l }}',
  '{{ toUpper .spec.s }}',
  '{{ replace .spec.s "a" "-" }}',
  '{{ contains .spec.s "a" }} {{ hasPrefix .spec.s "a" }}',
  '{{ mapGet .spec.m "a" }} {{ listGet .spec.l 1 }}',
  '{{ mapKeys .spec.m }} {{ len (mapKeys .spec.m) }}',
  '{{ get . "spec" "m" "a" }}',
  '{{- .spec.s -}}   {{/* comment */}}   {{- .spec.n }}',
  '  {{ .spec.s }}  ',
  '{{ (index .spec.l 0) }}-{{ (.spec.m).a }}',
  '{{ range 3 }}{{ . }}{{ end }}',
  '{{ $ := . }}{{ $.spec.n }}',
  '{{ if and .spec.m (index .spec.m "a") }}has a{{ end }}',
  '{{ toJson .spec }}',
  '{{ asString .spec.m }}|{{ asString .spec.s }}|{{ toString .spec.f }}|{{ typeOf .spec.l }}',
  '{{ toLower .spec.s }}|{{ trimSpace .spec.s }}|{{ trimPrefix .spec.s "a" }}|{{ trimSuffix .spec.s "o" }}',
  '{{ join (split .spec.s "l") "+" }}|{{ len (split .spec.s "") }}',
  '{{ printf "%q|%x|%5.2s|%-4s|%U" .spec.s .spec.s .spec.s .spec.s .spec.n }}',
];

const scalar = fc.oneof(
  fc.string({ maxLength: 6 }),
  fc.string({ maxLength: 4, unit: 'grapheme' }),
  fc.constantFrom('a', 'b', '', 'héllo', '<no value>', '  pad  ', 'ünï☃', '😀x'),
  fc.integer({ min: -20, max: 20 }).map((n) => BigInt(n)),
  fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }),
  fc.constantFrom(0.5, 2.5, 1e-7, 1e21, 123456.0, 1234567.5, -0.25, 12345678901234567890),
  fc.boolean(),
  fc.constant(null),
);

const value: fc.Arbitrary<GoValue> = fc.oneof(
  { weight: 4, arbitrary: scalar },
  { weight: 1, arbitrary: fc.array(scalar, { maxLength: 4 }) },
  { weight: 1, arbitrary: fc.dictionary(fc.constantFrom('a', 'b', 'c', 'Z', 'é'), scalar, { maxKeys: 3 }) },
);

/** A CR with optional, arbitrarily typed `.spec` fields, round-tripped through JSON like the
 *  API server's output (so integral floats become integers on every side). */
export const crArbitrary: fc.Arbitrary<{ json: string; data: GoValue }> = fc
  .record(
    {
      n: value,
      f: value,
      s: value,
      b: value,
      z: value,
      // Never a large integer: Go's `range` over an integer n iterates n times.
      l: fc.oneof(fc.array(scalar, { maxLength: 5 }), fc.constant(null), fc.string({ maxLength: 3 }), fc.boolean(), fc.constant(2.5)),
      m: fc.oneof(fc.dictionary(fc.constantFrom('a', 'b', 'c'), scalar, { maxKeys: 3 }), fc.constant(null), fc.string({ maxLength: 3 }), fc.integer({ min: -2, max: 4 }).map((n) => BigInt(n))),
    },
    { requiredKeys: [] },
  )
  .map((spec) => {
    const json = marshalJson({ metadata: { name: 'demo', namespace: 'ns' }, spec } as GoValue);
    return { json, data: parseJson(json) };
  });
