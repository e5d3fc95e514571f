// Heap mode of the peer (`--heap-configmaps <namespace>`), the Go side of bench measure 4b: a
// controller-runtime cache (the one a manager builds, client-go's shared informer underneath)
// for the ConfigMaps of one namespace, synced, then runtime.GC() twice and HeapAlloc printed as
// one JSON line; the process exits. With --strip-managed-fields the cache drops
// metadata.managedFields before storing, as ork's informer does by default.
package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"runtime"
	"time"

	corev1 "k8s.io/api/core/v1"
	"k8s.io/client-go/rest"
	"sigs.k8s.io/controller-runtime/pkg/cache"
	"sigs.k8s.io/controller-runtime/pkg/client"
)

// heapReport is the line the bench reads (same fields as bench/runtime/heap-child.ts prints).
type heapReport struct {
	Objects  int     `json:"objects"`
	HeapUsed uint64  `json:"heapUsed"`
	SyncMs   float64 `json:"syncMs"`
}

// measureCacheHeap caches the ConfigMaps of `namespace` and reports the live heap after GC.
func measureCacheHeap(cfg *rest.Config, namespace string, stripManagedFields bool) (heapReport, error) {
	opts := cache.Options{DefaultNamespaces: map[string]cache.Config{namespace: {}}}
	if stripManagedFields {
		opts.DefaultTransform = cache.TransformStripManagedFields()
	}
	c, err := cache.New(cfg, opts)
	if err != nil {
		return heapReport{}, err
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	t0 := time.Now()
	if _, err := c.GetInformer(ctx, &corev1.ConfigMap{}); err != nil {
		return heapReport{}, err
	}
	go func() { _ = c.Start(ctx) }()
	if !c.WaitForCacheSync(ctx) {
		return heapReport{}, fmt.Errorf("the ConfigMap cache did not sync")
	}
	syncMs := float64(time.Since(t0).Microseconds()) / 1000
	n, err := countConfigMaps(ctx, c, namespace)
	if err != nil {
		return heapReport{}, err
	}
	for i := 0; i < 2; i++ { // runtime.GC blocks until the collection and its sweep are done
		runtime.GC()
		time.Sleep(100 * time.Millisecond)
	}
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return heapReport{Objects: n, HeapUsed: ms.HeapAlloc, SyncMs: syncMs}, nil
}

// countConfigMaps lists the cache (a deep copy, garbage once this returns).
func countConfigMaps(ctx context.Context, c cache.Cache, namespace string) (int, error) {
	var list corev1.ConfigMapList
	if err := c.List(ctx, &list, client.InNamespace(namespace)); err != nil {
		return 0, err
	}
	return len(list.Items), nil
}

// runHeapMode prints the report line and returns the exit code.
func runHeapMode(cfg *rest.Config, namespace string, strip bool) int {
	r, err := measureCacheHeap(cfg, namespace, strip)
	if err != nil {
		fmt.Fprintf(os.Stderr, "peer --heap-configmaps %s: %v\n", namespace, err)
		return 1
	}
	line, _ := json.Marshal(r)
	fmt.Println(string(line))
	return 0
}
