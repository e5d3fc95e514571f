// Synthetic mode of the peer (`--crds <file>`), for the bench's 15-CRD idle RSS: instead of the
// WebApp controller, one controller per listed kind (an unstructured `For` plus `Owns` of its
// child kinds, cached with the managed-label selector like the WebApp children), 3 workers each.
// Each reconciler only reads its CR from the cache: it renders and writes nothing (the bench
// measures these controllers idle, with no CRs, where neither side reconciles anything).
package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"strings"

	"k8s.io/apimachinery/pkg/apis/meta/v1/unstructured"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/runtime/schema"
	ctrl "sigs.k8s.io/controller-runtime"
	"sigs.k8s.io/controller-runtime/pkg/client"
	"sigs.k8s.io/controller-runtime/pkg/controller"
)

// kindRef is one group/version/kind of the --crds file.
type kindRef struct {
	Group   string `json:"group"`
	Version string `json:"version"`
	Kind    string `json:"kind"`
}

func (k kindRef) gvk() schema.GroupVersionKind {
	return schema.GroupVersionKind{Group: k.Group, Version: k.Version, Kind: k.Kind}
}

// syntheticKind is one CRD to watch and the child kinds its controller owns.
type syntheticKind struct {
	kindRef
	Children []kindRef `json:"children"`
}

// syntheticFile is the --crds file: `{"kinds":[{"group","version","kind","children":[…]}]}`.
type syntheticFile struct {
	Kinds []syntheticKind `json:"kinds"`
}

// readSyntheticKinds parses the --crds file.
func readSyntheticKinds(path string) ([]syntheticKind, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var f syntheticFile
	if err := json.Unmarshal(data, &f); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if len(f.Kinds) == 0 {
		return nil, fmt.Errorf("%s: no kinds (expected {\"kinds\":[{\"group\",\"version\",\"kind\",\"children\":[…]}]})", path)
	}
	return f.Kinds, nil
}

// childObjects are the typed objects of every distinct child kind (built-in kinds of the scheme).
func childObjects(scheme *runtime.Scheme, kinds []syntheticKind) ([]client.Object, error) {
	seen := map[schema.GroupVersionKind]bool{}
	var out []client.Object
	for _, k := range kinds {
		for _, c := range k.Children {
			if seen[c.gvk()] {
				continue
			}
			seen[c.gvk()] = true
			o, err := scheme.New(c.gvk())
			if err != nil {
				return nil, fmt.Errorf("child kind %v: %w", c.gvk(), err)
			}
			out = append(out, o.(client.Object))
		}
	}
	return out, nil
}

// minimalReconciler reads its CR from the cache and does nothing else.
type minimalReconciler struct {
	client.Client
	gvk schema.GroupVersionKind
}

func (r *minimalReconciler) Reconcile(ctx context.Context, req ctrl.Request) (ctrl.Result, error) {
	u := &unstructured.Unstructured{}
	u.SetGroupVersionKind(r.gvk)
	return ctrl.Result{}, client.IgnoreNotFound(r.Get(ctx, req.NamespacedName, u))
}

// unstructuredOf is an empty unstructured object of `gvk` (what `For` and the cache key on).
func unstructuredOf(gvk schema.GroupVersionKind) *unstructured.Unstructured {
	u := &unstructured.Unstructured{}
	u.SetGroupVersionKind(gvk)
	return u
}

// setupSynthetic registers one controller per kind; returns the objects whose informers the
// "caches synced" line waits for.
func setupSynthetic(mgr ctrl.Manager, kinds []syntheticKind) ([]client.Object, error) {
	var watched []client.Object
	for _, k := range kinds {
		b := ctrl.NewControllerManagedBy(mgr).
			Named("synthetic-" + strings.ToLower(k.Kind)).
			For(unstructuredOf(k.gvk())).
			WithOptions(controller.Options{MaxConcurrentReconciles: 3})
		children, err := childObjects(mgr.GetScheme(), []syntheticKind{k})
		if err != nil {
			return nil, err
		}
		for _, c := range children {
			b = b.Owns(c)
		}
		if err := b.Complete(&minimalReconciler{Client: mgr.GetClient(), gvk: k.gvk()}); err != nil {
			return nil, err
		}
		watched = append(watched, unstructuredOf(k.gvk()))
	}
	children, err := childObjects(mgr.GetScheme(), kinds)
	if err != nil {
		return nil, err
	}
	return append(watched, children...), nil
}
