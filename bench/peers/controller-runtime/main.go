// The controller-runtime peer of generated/web-app: the same WebApp CR → Deployment + Service +
// status (Ready/Degraded conditions, observedGeneration, url), the same finalizer, Events,
// label-selected child caches, 3 workers, 30 s resync, Lease leader election. Used only by
// bench/runtime (npm run bench); built into ~/.cache/ork/bench-peers/. Two more modes for the
// memory figures: --crds (synthetic.go, the 15-CRD idle RSS) and --heap-configmaps (heap.go).
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"time"

	appsv1 "k8s.io/api/apps/v1"
	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/api/equality"
	"k8s.io/apimachinery/pkg/api/meta"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/labels"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/util/intstr"
	clientgoscheme "k8s.io/client-go/kubernetes/scheme"
	"k8s.io/client-go/tools/record"
	ctrl "sigs.k8s.io/controller-runtime"
	"sigs.k8s.io/controller-runtime/pkg/cache"
	"sigs.k8s.io/controller-runtime/pkg/client"
	"sigs.k8s.io/controller-runtime/pkg/controller"
	"sigs.k8s.io/controller-runtime/pkg/controller/controllerutil"
	"sigs.k8s.io/controller-runtime/pkg/log/zap"
	metricsserver "sigs.k8s.io/controller-runtime/pkg/metrics/server"
)

const (
	finalizer    = "orkestra.orkspace.io/cleanup"
	managedLabel = "orkestra.orkspace.io/managed"
	ownerLabel   = "orkestra-owner"
)

// WebAppReconciler reconciles one WebApp key.
type WebAppReconciler struct {
	client.Client
	Recorder record.EventRecorder
}

func (r *WebAppReconciler) Reconcile(ctx context.Context, req ctrl.Request) (ctrl.Result, error) {
	var cr WebApp
	if err := r.Get(ctx, req.NamespacedName, &cr); err != nil {
		return ctrl.Result{}, client.IgnoreNotFound(err)
	}
	if !cr.DeletionTimestamp.IsZero() {
		if controllerutil.ContainsFinalizer(&cr, finalizer) {
			patch := client.MergeFromWithOptions(cr.DeepCopy(), client.MergeFromWithOptimisticLock{})
			controllerutil.RemoveFinalizer(&cr, finalizer)
			if err := r.Patch(ctx, &cr, patch); err != nil {
				return ctrl.Result{}, err
			}
			r.Recorder.Event(&cr, corev1.EventTypeNormal, "Deleted", "released finalizers after 0 deletion stages")
		}
		return ctrl.Result{}, nil
	}
	if !controllerutil.ContainsFinalizer(&cr, finalizer) {
		patch := client.MergeFromWithOptions(cr.DeepCopy(), client.MergeFromWithOptimisticLock{})
		controllerutil.AddFinalizer(&cr, finalizer)
		if err := r.Patch(ctx, &cr, patch); err != nil {
			return ctrl.Result{}, err
		}
		r.Recorder.Event(&cr, corev1.EventTypeNormal, "FinalizerAdded", "added "+finalizer)
	}
	changed := 0
	dep := &appsv1.Deployment{ObjectMeta: metav1.ObjectMeta{Name: cr.Name, Namespace: cr.Namespace}}
	op, err := controllerutil.CreateOrUpdate(ctx, r.Client, dep, func() error { return r.mutateDeployment(&cr, dep) })
	if err != nil {
		return ctrl.Result{}, r.failed(ctx, &cr, err)
	}
	if op != controllerutil.OperationResultNone {
		changed++
	}
	svc := &corev1.Service{ObjectMeta: metav1.ObjectMeta{Name: cr.Name, Namespace: cr.Namespace}}
	op, err = controllerutil.CreateOrUpdate(ctx, r.Client, svc, func() error { return r.mutateService(&cr, svc) })
	if err != nil {
		return ctrl.Result{}, r.failed(ctx, &cr, err)
	}
	if op != controllerutil.OperationResultNone {
		changed++
	}
	if err := r.writeStatus(ctx, &cr, metav1.ConditionTrue, "ReconcileSucceeded", "", fmt.Sprintf("http://%s.%s.svc", cr.Name, cr.Namespace)); err != nil {
		return ctrl.Result{}, err
	}
	if changed > 0 {
		r.Recorder.Eventf(&cr, corev1.EventTypeNormal, "Reconciled", "applied %d change(s) to children", changed)
	}
	return ctrl.Result{}, nil
}

// failed records a failed reconcile in the status and returns the error (for backoff).
func (r *WebAppReconciler) failed(ctx context.Context, cr *WebApp, err error) error {
	_ = r.writeStatus(ctx, cr, metav1.ConditionFalse, "ReconcileError", err.Error(), cr.Status.URL)
	r.Recorder.Event(cr, corev1.EventTypeWarning, "ReconcileError", err.Error())
	return err
}

// writeStatus patches the status only when it changes (like ork's nextStatus).
func (r *WebAppReconciler) writeStatus(ctx context.Context, cr *WebApp, ready metav1.ConditionStatus, reason, message, url string) error {
	before := cr.DeepCopy()
	meta.SetStatusCondition(&cr.Status.Conditions, metav1.Condition{Type: "Ready", Status: ready, Reason: reason, Message: message, ObservedGeneration: cr.Generation})
	meta.SetStatusCondition(&cr.Status.Conditions, metav1.Condition{Type: "Degraded", Status: metav1.ConditionFalse, Reason: "AsExpected", ObservedGeneration: cr.Generation})
	cr.Status.ObservedGeneration = cr.Generation
	cr.Status.URL = url
	if equality.Semantic.DeepEqual(before.Status, cr.Status) {
		return nil
	}
	return client.IgnoreNotFound(r.Status().Patch(ctx, cr, client.MergeFrom(before)))
}

// childMeta stamps the labels and the controller reference every child carries.
func (r *WebAppReconciler) childMeta(cr *WebApp, obj metav1.Object) error {
	l := obj.GetLabels()
	if l == nil {
		l = map[string]string{}
	}
	l[managedLabel], l[ownerLabel] = "true", cr.Name
	obj.SetLabels(l)
	return controllerutil.SetControllerReference(cr, obj, r.Scheme())
}

// mutateDeployment sets the declared fields only, keeping server defaults (no write on a no-op).
func (r *WebAppReconciler) mutateDeployment(cr *WebApp, d *appsv1.Deployment) error {
	replicas := orDefault(cr.Spec.Replicas, 2)
	port := orDefault(cr.Spec.Port, 8080)
	greeting := cr.Spec.Greeting
	if greeting == "" {
		greeting = "hello"
	}
	d.Spec.Replicas = &replicas
	if d.Spec.Selector == nil {
		d.Spec.Selector = &metav1.LabelSelector{MatchLabels: map[string]string{ownerLabel: cr.Name}}
	}
	d.Spec.Template.Labels = map[string]string{ownerLabel: cr.Name, managedLabel: "true"}
	if len(d.Spec.Template.Spec.Containers) != 1 {
		d.Spec.Template.Spec.Containers = []corev1.Container{{}}
	}
	c := &d.Spec.Template.Spec.Containers[0]
	c.Name, c.Image = cr.Name, cr.Spec.Image
	if len(c.Ports) != 1 {
		c.Ports = []corev1.ContainerPort{{}}
	}
	c.Ports[0].ContainerPort, c.Ports[0].Protocol = port, corev1.ProtocolTCP
	c.Env = []corev1.EnvVar{{Name: "GREETING", Value: greeting}}
	return r.childMeta(cr, d)
}

// mutateService sets the declared fields only, keeping server defaults (clusterIP, …).
func (r *WebAppReconciler) mutateService(cr *WebApp, s *corev1.Service) error {
	s.Spec.Type = corev1.ServiceTypeClusterIP
	s.Spec.Selector = map[string]string{ownerLabel: cr.Name}
	if len(s.Spec.Ports) != 1 {
		s.Spec.Ports = []corev1.ServicePort{{}}
	}
	p := &s.Spec.Ports[0]
	p.Port, p.TargetPort, p.Protocol = 80, intstr.FromInt32(orDefault(cr.Spec.Port, 8080)), corev1.ProtocolTCP
	return r.childMeta(cr, s)
}

// orDefault mirrors the template's `default`: nil and 0 take the default.
func orDefault(v *int32, d int32) int32 {
	if v == nil || *v == 0 {
		return d
	}
	return *v
}

func main() {
	namespace := flag.String("namespace", "web-system", "namespace of the leader Lease")
	metricsAddr := flag.String("metrics-bind-address", "127.0.0.1:0", "metrics address (0 = off)")
	crdsFile := flag.String("crds", "", "JSON file of kinds to watch with minimal controllers instead of the WebApp controller (synthetic.go)")
	heapNamespace := flag.String("heap-configmaps", "", "heap mode (heap.go): cache this namespace's ConfigMaps, print {objects,heapUsed,syncMs} after GC, exit")
	stripManagedFields := flag.Bool("strip-managed-fields", false, "heap mode: drop managedFields before caching, as ork's informer does")
	flag.Parse()
	ctrl.SetLogger(zap.New(zap.UseDevMode(false)))
	log := ctrl.Log.WithName("peer")

	cfg, err := ctrl.GetConfig() // --kubeconfig is controller-runtime's own flag
	if err != nil {
		log.Error(err, "kubeconfig")
		os.Exit(1)
	}
	cfg.QPS, cfg.Burst = 20, 30 // controller-runtime's defaults, the same as ork's client
	if *heapNamespace != "" {
		os.Exit(runHeapMode(cfg, *heapNamespace, *stripManagedFields))
	}
	scheme := runtime.NewScheme()
	must(clientgoscheme.AddToScheme(scheme))
	must(addWebApp(scheme))
	var synthetic []syntheticKind
	children := []client.Object{&appsv1.Deployment{}, &corev1.Service{}}
	leaderID := "web-app-peer-leader"
	if *crdsFile != "" {
		synthetic, err = readSyntheticKinds(*crdsFile)
		if err == nil {
			children, err = childObjects(scheme, synthetic)
		}
		if err != nil {
			log.Error(err, "--crds")
			os.Exit(2)
		}
		leaderID = "synthetic-peer-leader"
	}
	managed := labels.SelectorFromSet(labels.Set{managedLabel: "true"})
	byObject := map[client.Object]cache.ByObject{}
	for _, c := range children {
		byObject[c] = cache.ByObject{Label: managed}
	}
	resync := 30 * time.Second
	mgr, err := ctrl.NewManager(cfg, ctrl.Options{
		Scheme:                        scheme,
		Metrics:                       metricsserver.Options{BindAddress: *metricsAddr},
		LeaderElection:                true,
		LeaderElectionID:              leaderID,
		LeaderElectionNamespace:       *namespace,
		LeaderElectionReleaseOnCancel: true,
		Cache:                         cache.Options{SyncPeriod: &resync, ByObject: byObject},
	})
	if err != nil {
		log.Error(err, "manager")
		os.Exit(1)
	}
	var watched []client.Object
	if synthetic == nil {
		watched, err = setupWebApp(mgr)
	} else {
		watched, err = setupSynthetic(mgr, synthetic)
	}
	if err != nil {
		log.Error(err, "controller")
		os.Exit(1)
	}
	// On every replica (like ork, so a standby is warm): the CR and child informers, listed
	// once; the "caches synced" line is the start-up bench's marker.
	must(mgr.Add(ctrlRunnable(func(ctx context.Context) error {
		for _, obj := range watched {
			if _, err := mgr.GetCache().GetInformer(ctx, obj); err != nil {
				return err
			}
		}
		if mgr.GetCache().WaitForCacheSync(ctx) {
			log.Info("caches synced", "informers", len(watched))
		}
		<-ctx.Done()
		return nil
	})))
	log.Info("peer starting")
	if err := mgr.Start(ctrl.SetupSignalHandler()); err != nil {
		log.Error(err, "manager stopped")
		os.Exit(1)
	}
}

// setupWebApp registers the WebApp controller; returns the objects whose informers the
// "caches synced" line waits for.
func setupWebApp(mgr ctrl.Manager) ([]client.Object, error) {
	r := &WebAppReconciler{Client: mgr.GetClient(), Recorder: mgr.GetEventRecorderFor("web-app-peer")}
	err := ctrl.NewControllerManagedBy(mgr).
		For(&WebApp{}).
		Owns(&appsv1.Deployment{}).
		Owns(&corev1.Service{}).
		WithOptions(controller.Options{MaxConcurrentReconciles: 3}).
		Complete(r)
	return []client.Object{&WebApp{}, &appsv1.Deployment{}, &corev1.Service{}}, err
}

// ctrlRunnable runs on every replica (not only the leader).
type ctrlRunnable func(context.Context) error

func (f ctrlRunnable) Start(ctx context.Context) error { return f(ctx) }
func (ctrlRunnable) NeedLeaderElection() bool          { return false }

func must(err error) {
	if err != nil {
		panic(err)
	}
}
