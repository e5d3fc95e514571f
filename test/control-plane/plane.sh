#!/usr/bin/env bash
# A local Kubernetes control plane: etcd + kube-apiserver + kube-controller-manager, all on
# 127.0.0.1, on free ports picked at start (controller-runtime's envtest recipe, plus RBAC,
# a static admin token, client certificates, ServiceAccount token signing, and a
# controller-manager running only the garbage collector and the namespace controller).
# This script is the one implementation; compiler/plane/ (tests, `ork plane`, `ork up`) drives it.
#
#   plane.sh start  [DIR]  start (or reuse a running plane in DIR); returns when /readyz is 200
#   plane.sh stop   [DIR]  SIGTERM controller-manager, apiserver, etcd by PID; removes DIR
#   plane.sh status [DIR]  KEY=VALUE lines on stdout (STATE=running|stopped|degraded, ...)
#   plane.sh logs   [DIR]  the last lines of the three logs
#   plane.sh restart-apiserver [DIR]  kill kube-apiserver, start it again on the same port (a test fault)
# DIR defaults to $PLANE_DIR or /tmp/ork-plane. After `start`: `source DIR/env`
# (KUBECONFIG, K8S_API, K8S_TOKEN).
#   DIR/kubeconfig        admin (system:masters) via bearer token + CA
#   DIR/admin.kubeconfig  admin via client certificate + CA (used by the controller-manager)
#   DIR/{etcd,apiserver,kcm}.log, DIR/*.pid, DIR/pki/, DIR/etcd-data -> /dev/shm/... (tmpfs)
# Environment:
#   K8S_BIN_DIR / ETCD_BIN_DIR  use these binaries (default: ./ensure-binaries builds/finds them)
#   ORK_PLANE_OWNER_PID=PID     a watchdog stops the plane when that process is gone (tests)
#   START_TIMEOUT=seconds       per component (default 180; measured ~3 s on 2 cores)
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
CMD=${1:-}
R=${2:-${PLANE_DIR:-/tmp/ork-plane}}
START_TIMEOUT=${START_TIMEOUT:-180}
umask 077                              # DIR holds keys and tokens: keep everything private
# etcd reads every ETCD_* environment variable as a flag: keep ours out of its environment.
export -n ETCD_BIN_DIR 2>/dev/null || true

log() { printf '[plane %s] %s\n' "$(date +%T)" "$*" >&2; }
now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }

# A port nothing listens on, outside the kernel's ephemeral range (32768+), so outgoing
# connections do not take it meanwhile. A clash at bind time is retried by `start`.
free_port() {
  local p i
  for i in $(seq 1 50); do
    p=$((20000 + RANDOM % 12000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then echo "$p"; return 0; fi
  done
  return 1
}

# alive PID NAME: PID runs, is not a zombie, and is NAME (guards against a recycled PID after
# a reboot: the kernel's comm is the first 15 characters of the executable's name).
alive() {
  local pid=$1 name=${2:0:15} st comm
  [[ $pid =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null || return 1
  read -r st comm < <(ps -o stat=,comm= -p "$pid" 2>/dev/null) || return 1
  [[ $st != Z* && $comm == "$name"* ]]
}
pid_of() { cat "$R/$1.pid" 2>/dev/null || true; }

# wait_for NAME PID CMD...: retry CMD until it succeeds; fail if PID died or on timeout.
wait_for() {
  local name=$1 pid=$2 deadline=$((SECONDS + START_TIMEOUT)); shift 2
  until "$@" >/dev/null 2>&1; do
    if ! kill -0 "$pid" 2>/dev/null || [[ $(ps -o stat= -p "$pid" 2>/dev/null) == Z* ]]; then
      log "$name exited during start-up"; return 1
    fi
    if ((SECONDS >= deadline)); then log "$name not ready after ${START_TIMEOUT}s"; return 1; fi
    sleep 0.2
  done
}

dump_logs() {
  local f
  for f in "$R"/etcd.log "$R"/apiserver.log "$R"/kcm.log; do
    if [ -f "$f" ]; then echo "----- last 40 lines of $f" >&2; tail -n 40 "$f" >&2; fi
  done
}

readyz() { # prints the HTTP status of /readyz (000 when unreachable)
  curl -sS -o /dev/null -w '%{http_code}' --max-time 5 --cacert "$R/pki/ca.crt" \
    -H "Authorization: Bearer $K8S_TOKEN" "$K8S_API/readyz" 2>/dev/null || true
}

# ---------------------------------------------------------------------------- certificates
make_certs() {
  local p="$R/pki"; mkdir -p "$p"
  (
    set -e; cd "$p"
    exec 2>/dev/null    # openssl is chatty on stderr
    # ECDSA P-256 everywhere: generating four RSA-2048 keys took seconds on a busy 2-core machine.
    local ec=(-newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes)
    # One CA signs the serving cert and the client certs (--client-ca-file).
    openssl req -x509 "${ec[@]}" -days 30 -subj "/CN=ork-plane-ca" -keyout ca.key -out ca.crt
    # kube-apiserver serving cert; SANs cover what clients dial (127.0.0.1 / localhost).
    openssl req "${ec[@]}" -subj "/CN=kube-apiserver" -keyout apiserver.key -out apiserver.csr
    printf 'subjectAltName=IP:127.0.0.1,DNS:localhost,IP:10.0.0.1,DNS:kubernetes.default.svc\nextendedKeyUsage=serverAuth\n' >srv.ext
    openssl x509 -req -in apiserver.csr -CA ca.crt -CAkey ca.key -CAcreateserial -days 30 -extfile srv.ext -out apiserver.crt
    # Admin client cert: CN = user name, O = group. system:masters bypasses RBAC.
    openssl req "${ec[@]}" -subj "/O=system:masters/CN=ork-admin" -keyout admin.key -out admin.csr
    printf 'extendedKeyUsage=clientAuth\n' >cli.ext
    openssl x509 -req -in admin.csr -CA ca.crt -CAkey ca.key -CAcreateserial -days 30 -extfile cli.ext -out admin.crt
    # ServiceAccount token signing key pair (ES256; TokenRequest / `kubectl create token` work).
    openssl ecparam -name prime256v1 -genkey -noout -out sa.key
    openssl ec -in sa.key -pubout -out sa.pub
  ) || { log "openssl failed"; return 1; }
  K8S_TOKEN=$(openssl rand -hex 24)
  printf '%s,ork-admin,ork-admin,"system:masters"\n' "$K8S_TOKEN" >"$p/tokens.csv"   # token,user,uid,"groups"
}

write_kubeconfig() { # FILE USER-STANZA (indented by 4)
  cat >"$1" <<EOF
apiVersion: v1
kind: Config
clusters:
- name: ork-plane
  cluster:
    server: $K8S_API
    certificate-authority-data: $(base64 -w0 "$R/pki/ca.crt")
users:
- name: ork-admin
  user:
$2
contexts:
- name: ork-plane
  context: {cluster: ork-plane, user: ork-admin}
current-context: ork-plane
EOF
}

# ---------------------------------------------------------------------------------- start
# launch_apiserver ETCD_PORT API_PORT: starts kube-apiserver in the background (its log is
# appended to, so a restart keeps the earlier lines) and writes its PID file; used by `start`
# and `restart-apiserver` (same flags, certificates, etcd and port).
launch_apiserver() {
  #  --advertise-address=127.0.0.1: needed on machines without a default route; a loopback
  #    address may not go into the `kubernetes` Endpoints, hence --endpoint-reconciler-type=none.
  #  --disable-admission-plugins=ServiceAccount: no SA controller creates `default` SAs.
  #  --service-cluster-ip-range=10.0.0.0/16: a /24 runs out at ~250 Services.
  setsid "$K8S_BIN_DIR/kube-apiserver" \
    --etcd-servers="http://127.0.0.1:$1" \
    --bind-address=127.0.0.1 --secure-port="$2" \
    --advertise-address=127.0.0.1 --endpoint-reconciler-type=none \
    --cert-dir="$R/pki/generated" \
    --tls-cert-file="$R/pki/apiserver.crt" --tls-private-key-file="$R/pki/apiserver.key" \
    --client-ca-file="$R/pki/ca.crt" --token-auth-file="$R/pki/tokens.csv" \
    --authorization-mode=RBAC \
    --service-account-issuer=https://kubernetes.default.svc \
    --service-account-key-file="$R/pki/sa.pub" --service-account-signing-key-file="$R/pki/sa.key" \
    --service-cluster-ip-range=10.0.0.0/16 \
    --disable-admission-plugins=ServiceAccount --allow-privileged=true \
    --v=1 </dev/null >>"$R/apiserver.log" 2>&1 &
  echo $! >"$R/apiserver.pid"
}

# One attempt; returns 1 on any failure (the caller stops what was started and retries on a
# port clash). set -e does not apply inside a function called from `if`: check explicitly.
start_once() {
  local t0 ETCD_PORT PEER_PORT API_PORT KCM_PORT etcd_data
  remove_dir; mkdir -p "$R" && : >"$R/.ork-plane" || return 1
  make_certs || return 1
  ETCD_PORT=$(free_port) && PEER_PORT=$(free_port) && API_PORT=$(free_port) && KCM_PORT=$(free_port) ||
    { log "no free port found"; return 1; }
  K8S_API="https://127.0.0.1:$API_PORT"
  # etcd data on tmpfs when there is one: it is test data, and disk fsyncs are the slow part.
  if [ -d /dev/shm ] && [ -w /dev/shm ]; then etcd_data=$(mktemp -d /dev/shm/ork-etcd.XXXXXX) || return 1
  else etcd_data="$R/etcd-data.d"; mkdir -p "$etcd_data"; fi
  ln -s "$etcd_data" "$R/etcd-data"
  t0=$(now)

  # Each server runs in its own session (setsid): a Ctrl-C meant for the command that started
  # it (a test run, `ork up`) does not reach it; it is stopped by PID.
  # etcd: --name and --initial-* stay at their (mutually consistent) defaults, as in envtest;
  # nothing binds the default peer port 2380. --unsafe-no-fsync: throw-away data.
  setsid "$ETCD_BIN_DIR/etcd" --data-dir="$etcd_data" \
    --listen-client-urls="http://127.0.0.1:$ETCD_PORT" --advertise-client-urls="http://127.0.0.1:$ETCD_PORT" \
    --listen-peer-urls="http://127.0.0.1:$PEER_PORT" \
    --unsafe-no-fsync=true --log-level=warn </dev/null >"$R/etcd.log" 2>&1 &
  echo $! >"$R/etcd.pid"
  wait_for etcd "$(pid_of etcd)" curl -fsS "http://127.0.0.1:$ETCD_PORT/health" || return 1
  log "etcd healthy after $(since "$t0")s (pid $(pid_of etcd), port $ETCD_PORT, data $etcd_data)"

  launch_apiserver "$ETCD_PORT" "$API_PORT"
  # Ready = 200 from /readyz (includes the RBAC bootstrap post-start hook).
  wait_for kube-apiserver "$(pid_of apiserver)" curl -fsS --cacert "$R/pki/ca.crt" \
    -H "Authorization: Bearer $K8S_TOKEN" "$K8S_API/readyz" || return 1
  log "kube-apiserver ready after $(since "$t0")s (pid $(pid_of apiserver), $K8S_API)"

  write_kubeconfig "$R/kubeconfig" "    token: $K8S_TOKEN"
  write_kubeconfig "$R/admin.kubeconfig" "    client-certificate-data: $(base64 -w0 "$R/pki/admin.crt")
    client-key-data: $(base64 -w0 "$R/pki/admin.key")"

  # kube-controller-manager: only what tests need. Without it an owner's deletion never removes
  # dependents and a deleted namespace stays Terminating forever. The default set ("*") would
  # need more flags (signing certs, cluster CIDRs, ...). Its garbage collector learns new
  # resource types (CRDs) only at start and on a 30 s discovery re-sync.
  # /healthz is served without credentials (--authorization-always-allow-paths default).
  setsid "$K8S_BIN_DIR/kube-controller-manager" --kubeconfig="$R/admin.kubeconfig" \
    --controllers=garbage-collector-controller,namespace-controller \
    --leader-elect=false --use-service-account-credentials=false \
    --bind-address=127.0.0.1 --secure-port="$KCM_PORT" \
    --v=1 </dev/null >"$R/kcm.log" 2>&1 &
  echo $! >"$R/kcm.pid"
  wait_for kube-controller-manager "$(pid_of kcm)" curl -fsSk "https://127.0.0.1:$KCM_PORT/healthz" || return 1
  log "kube-controller-manager healthy after $(since "$t0")s (pid $(pid_of kcm))"

  cat >"$R/env" <<EOF
export KUBECONFIG=$R/kubeconfig
export K8S_API=$K8S_API
export K8S_TOKEN=$K8S_TOKEN
K8S_BIN_DIR=$K8S_BIN_DIR
ETCD_BIN_DIR=$ETCD_BIN_DIR
ETCD_PID=$(pid_of etcd)
APISERVER_PID=$(pid_of apiserver)
KCM_PID=$(pid_of kcm)
ETCD_PORT=$ETCD_PORT
API_PORT=$API_PORT
KCM_PORT=$KCM_PORT
ETCD_DATA=$etcd_data
STARTED_AT=$(date -u +%FT%TZ)
EOF
}

start_watchdog() { # stops the plane once process $1 is gone (even if it was SIGKILLed)
  setsid bash -c 'while kill -0 "$1" 2>/dev/null; do sleep 1; done; exec bash "$2" stop "$3"' \
    ork-plane-watchdog "$1" "$HERE/plane.sh" "$R" </dev/null >>"$R/watchdog.log" 2>&1 &
  echo $! >"$R/watchdog.pid"
}

start() {
  local attempt want_k8s=${K8S_BIN_DIR:-} want_etcd=${ETCD_BIN_DIR:-}
  compute_state    # (sources DIR/env of a previous run: the binaries asked for now win below)
  if [ "$STATE" = running ]; then log "already running in $R ($K8S_API); reusing it"; return 0; fi
  if [ "$STATE" = degraded ]; then log "a partly running plane in $R: stopping it first"; stop; fi
  K8S_BIN_DIR=$want_k8s ETCD_BIN_DIR=$want_etcd
  if ! ours; then log "$R exists and is not a plane directory; choose another DIR"; return 1; fi
  if [ -z "${K8S_BIN_DIR:-}" ] || [ -z "${ETCD_BIN_DIR:-}" ]; then
    local out; out=$(bash "$HERE/ensure-binaries") || { log "ensure-binaries failed"; return 1; }
    K8S_BIN_DIR=${K8S_BIN_DIR:-$(sed -n 's/^K8S_BIN_DIR=//p' <<<"$out")}
    ETCD_BIN_DIR=${ETCD_BIN_DIR:-$(sed -n 's/^ETCD_BIN_DIR=//p' <<<"$out")}
  fi
  # Interrupted while starting: leave nothing behind. (A Ctrl-C also ends the process reading
  # our stderr, e.g. `ork`: a log line would then kill us by SIGPIPE before the cleanup.)
  trap 'trap "" PIPE; exec >/dev/null 2>&1; stop_pids; remove_dir; exit 130' INT TERM HUP
  for attempt in 1 2 3; do
    if start_once; then
      trap - INT TERM HUP
      [ -z "${ORK_PLANE_OWNER_PID:-}" ] || start_watchdog "$ORK_PLANE_OWNER_PID"
      log "control plane up in $R; run: source $R/env"
      return 0
    fi
    stop_pids
    if ((attempt < 3)) && grep -qs 'address already in use' "$R"/*.log; then
      log "a port was taken meanwhile; retrying with new ports"; remove_dir; continue
    fi
    log "start-up failed; logs:"; dump_logs; remove_dir
    return 1
  done
}

# ----------------------------------------------------------------------------------- stop
# term NAME PID: SIGTERM and wait for it to go; SIGKILL after 30 s.
term() {
  local name=$1 pid=$2 t0 deadline=$((SECONDS + 30)); t0=$(now)
  alive "$pid" "$name" || return 0
  kill -TERM "$pid" 2>/dev/null || return 0
  while alive "$pid" "$name"; do
    if ((SECONDS >= deadline)); then log "$name ($pid) ignored SIGTERM, killing"; kill -KILL "$pid" 2>/dev/null || true; break; fi
    sleep 0.1
  done
  log "$name (pid $pid) stopped in $(since "$t0")s"
}

stop_pids() { # controller-manager first, etcd last (the apiserver needs etcd to shut down cleanly)
  local c
  for c in kcm:kube-controller-manager apiserver:kube-apiserver etcd:etcd; do
    term "${c#*:}" "$(pid_of "${c%%:*}")"
  done
  return 0
}

# Never remove a directory plane.sh did not make (DIR is user input: `plane.sh stop ~` must be harmless).
ours() { [ -f "$R/.ork-plane" ] || [ -z "$(ls -A "$R" 2>/dev/null)" ]; }

remove_dir() {
  [ -e "$R" ] || return 0
  if ! ours; then log "not removing $R: it is not a plane directory (no .ork-plane)"; return 0; fi
  local data; data=$(readlink "$R/etcd-data" 2>/dev/null || true)
  [[ $data == /dev/shm/ork-etcd.* ]] && rm -rf "$data"
  rm -rf "$R"
}

stop() {
  [ -d "$R" ] || { log "nothing in $R"; return 0; }
  local w; w=$(pid_of watchdog)
  # The watchdog runs this very script (exec) when its owner is gone: do not kill ourselves.
  if [ -n "$w" ] && [ "$w" != $$ ] && alive "$w" bash; then kill "$w" 2>/dev/null || true; fi
  stop_pids
  remove_dir
}

# ------------------------------------------------------------------------ restart-apiserver
# A fault for tests: stop the kube-apiserver (SIGKILL, a crash; APISERVER_STOP=term for a
# graceful stop, which takes ~30 s while it drains), stay down APISERVER_DOWN_SECONDS (default
# 0), start it again with the same flags, port, certificates and etcd, and return once /readyz
# is 200. etcd and the controller-manager keep running; DIR/env gets the new APISERVER_PID.
restart_apiserver() {
  local t0 pid
  compute_state
  if [ "$STATE" != running ]; then log "no running plane in $R (state $STATE)"; return 1; fi
  if [ -z "${ETCD_PORT:-}" ] || [ -z "${API_PORT:-}" ]; then log "$R/env has no ETCD_PORT/API_PORT"; return 1; fi
  t0=$(now)
  pid=$(pid_of apiserver)
  if [ "${APISERVER_STOP:-kill}" = term ]; then term kube-apiserver "$pid"
  else
    kill -KILL "$pid" 2>/dev/null || true
    while alive "$pid" kube-apiserver; do sleep 0.05; done
    log "kube-apiserver (pid $pid) killed"
  fi
  sleep "${APISERVER_DOWN_SECONDS:-0}"
  launch_apiserver "$ETCD_PORT" "$API_PORT"
  pid=$(pid_of apiserver)
  wait_for kube-apiserver "$pid" curl -fsS --cacert "$R/pki/ca.crt" -H "Authorization: Bearer $K8S_TOKEN" "$K8S_API/readyz" || return 1
  sed -i "s/^APISERVER_PID=.*/APISERVER_PID=$pid/" "$R/env"
  log "kube-apiserver restarted in $(since "$t0")s (pid $pid, $K8S_API)"
}

# --------------------------------------------------------------------------------- status
load_env() {
  K8S_API='' K8S_TOKEN='' K8S_BIN_DIR=${K8S_BIN_DIR:-} ETCD_BIN_DIR=${ETCD_BIN_DIR:-}
  # shellcheck disable=SC1091
  [ -f "$R/env" ] && . "$R/env"
  return 0
}

# compute_state: loads DIR/env and sets STATE (running | degraded | stopped) and READY (the
# /readyz HTTP status, 000 when unreachable). running = all three alive and /readyz 200.
compute_state() {
  local n=0 c
  load_env
  for c in etcd:etcd apiserver:kube-apiserver kcm:kube-controller-manager; do
    alive "$(pid_of "${c%%:*}")" "${c#*:}" && n=$((n + 1))
  done
  READY=000
  if ((n > 0)) && [ -n "$K8S_API" ]; then READY=$(readyz); fi
  if ((n == 0)); then STATE=stopped
  elif ((n == 3)) && [ "$READY" = 200 ]; then STATE=running
  else STATE=degraded; fi
}

status() {
  local key file name pid c
  compute_state
  echo "STATE=$STATE"
  echo "DIR=$R"
  [ "$STATE" = stopped ] && return 0
  echo "KUBECONFIG=$R/kubeconfig"
  echo "K8S_API=$K8S_API"
  echo "K8S_BIN_DIR=$K8S_BIN_DIR"
  echo "ETCD_BIN_DIR=$ETCD_BIN_DIR"
  echo "STARTED_AT=${STARTED_AT:-}"
  echo "READYZ=$READY"
  for c in ETCD:etcd:etcd APISERVER:apiserver:kube-apiserver KCM:kcm:kube-controller-manager; do
    IFS=: read -r key file name <<<"$c"
    pid=$(pid_of "$file")
    if alive "$pid" "$name"; then echo "$key=running"; echo "${key}_PID=$pid"; else echo "$key=stopped"; fi
  done
}

case "$CMD" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  logs) dump_logs 2>&1 ;;
  restart-apiserver) restart_apiserver ;;
  *) echo "usage: $0 start|stop|status|logs|restart-apiserver [DIR]" >&2; exit 2 ;;
esac
