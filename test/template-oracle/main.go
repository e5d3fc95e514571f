// Command templateoracle renders Go text/template cases the way Orkestra does
// (missingkey=zero, output TrimSpace'd, "<no value>" removed) so ork's compiled
// templates can be compared with the real engine. Input on stdin: a JSON array of
// {"template": string, "data": string(JSON)}; output on stdout: a JSON array of
// {"ok": bool, "out": string, "err": string}.
package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"sort"
	"strconv"
	"strings"
	"text/template"
)

type testCase struct {
	Template string `json:"template"`
	Data     string `json:"data"`
}

type result struct {
	Ok  bool   `json:"ok"`
	Out string `json:"out"`
	Err string `json:"err"`
}

// decode parses JSON like the Kubernetes API machinery does for unstructured
// objects: integers become int64, everything else numeric becomes float64.
func decode(text string) (interface{}, error) {
	d := json.NewDecoder(strings.NewReader(text))
	d.UseNumber()
	var v interface{}
	if err := d.Decode(&v); err != nil {
		return nil, err
	}
	return convert(v), nil
}

func convert(v interface{}) interface{} {
	switch t := v.(type) {
	case map[string]interface{}:
		for k, e := range t {
			t[k] = convert(e)
		}
		return t
	case []interface{}:
		for i, e := range t {
			t[i] = convert(e)
		}
		return t
	case json.Number:
		if i, err := strconv.ParseInt(string(t), 10, 64); err == nil {
			return i
		}
		f, _ := strconv.ParseFloat(string(t), 64)
		return f
	}
	return v
}

func isEmpty(v interface{}) bool {
	switch t := v.(type) {
	case nil:
		return true
	case string:
		return t == "" || t == "<no value>"
	case bool:
		return !t
	case int:
		return t == 0
	case int64:
		return t == 0
	case float64:
		return t == 0
	case []interface{}:
		return len(t) == 0
	case map[string]interface{}:
		return len(t) == 0
	}
	return fmt.Sprintf("%v", v) == ""
}

func isTruthy(v interface{}) bool {
	switch t := v.(type) {
	case nil:
		return false
	case bool:
		return t
	case string:
		return t != ""
	case int:
		return t != 0
	case int64:
		return t != 0
	case float64:
		return t != 0
	case []interface{}:
		return len(t) > 0
	case map[string]interface{}:
		return len(t) > 0
	}
	return true
}

// funcs is a minimal reimplementation of the Orkestra notes used by the shared corpus.
var funcs = template.FuncMap{
	"default": func(dflt, val interface{}) interface{} {
		if isEmpty(val) {
			return dflt
		}
		return val
	},
	"empty":    isEmpty,
	"notEmpty": func(v interface{}) bool { return !isEmpty(v) },
	"coalesce": func(vals ...interface{}) interface{} {
		for _, v := range vals {
			if !isEmpty(v) {
				return v
			}
		}
		return nil
	},
	"ternary": func(c, a, b interface{}) interface{} {
		if isTruthy(c) {
			return a
		}
		return b
	},
	"len": func(v interface{}) int {
		switch t := v.(type) {
		case string:
			return len(t)
		case []interface{}:
			return len(t)
		case map[string]interface{}:
			return len(t)
		}
		return 0
	},
	"listGet": func(list interface{}, i int) interface{} {
		items, ok := list.([]interface{})
		if !ok || i < 0 || i >= len(items) {
			return nil
		}
		return items[i]
	},
	"mapGet": func(m interface{}, key string) interface{} {
		mp, ok := m.(map[string]interface{})
		if !ok {
			return nil
		}
		return mp[key]
	},
	"mapKeys": func(m interface{}) []string {
		mp, ok := m.(map[string]interface{})
		if !ok {
			return []string{}
		}
		keys := make([]string, 0, len(mp))
		for k := range mp {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		return keys
	},
	"get": func(obj interface{}, path ...string) interface{} {
		cur := obj
		for _, p := range path {
			m, ok := cur.(map[string]interface{})
			if !ok {
				return nil
			}
			cur = m[p]
			if cur == nil {
				return nil
			}
		}
		return cur
	},
	"contains":   strings.Contains,
	"hasPrefix":  strings.HasPrefix,
	"hasSuffix":  strings.HasSuffix,
	"replace":    strings.ReplaceAll,
	"trim":       strings.Trim,
	"toLower":    strings.ToLower,
	"toUpper":    strings.ToUpper,
	"join":       strings.Join,
	"trimPrefix": strings.TrimPrefix,
	"trimSuffix": strings.TrimSuffix,
	"trimSpace":  strings.TrimSpace,
	"split": func(s, sep string) []string {
		if s == "" {
			return []string{}
		}
		return strings.Split(s, sep)
	},
	"toJson": func(v interface{}) (string, error) {
		b, err := json.Marshal(v)
		if err != nil {
			return "", err
		}
		return string(b), nil
	},
	"asString": func(v interface{}) string {
		if s, ok := v.(string); ok {
			return s
		}
		b, err := json.Marshal(v)
		if err != nil {
			return ""
		}
		return string(b)
	},
	"toString": func(v interface{}) string {
		if v == nil {
			return ""
		}
		return fmt.Sprintf("%v", v)
	},
	"typeOf": func(v interface{}) string {
		switch v.(type) {
		case nil:
			return "null"
		case string:
			return "string"
		case float64, int64, int:
			return "number"
		case bool:
			return "bool"
		case map[string]interface{}:
			return "map"
		case []interface{}:
			return "slice"
		}
		return "unknown"
	},
}

func render(c testCase) result {
	data, err := decode(c.Data)
	if err != nil {
		return result{Err: "bad data: " + err.Error()}
	}
	t, err := template.New("f").Option("missingkey=zero").Funcs(funcs).Parse(c.Template)
	if err != nil {
		return result{Err: err.Error()}
	}
	var buf bytes.Buffer
	if err := t.Execute(&buf, data); err != nil {
		return result{Err: err.Error()}
	}
	out := strings.ReplaceAll(strings.TrimSpace(buf.String()), "<no value>", "")
	return result{Ok: true, Out: out}
}

func main() {
	var cases []testCase
	if err := json.NewDecoder(os.Stdin).Decode(&cases); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	out := make([]result, len(cases))
	for i, c := range cases {
		out[i] = render(c)
	}
	if err := json.NewEncoder(os.Stdout).Encode(out); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
}
