import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseRequestCounts, writesBetween } from '../../../bench/runtime/apiserver-metrics.ts';

const before = `# HELP apiserver_request_total Counter of apiserver requests
# TYPE apiserver_request_total counter
apiserver_request_total{code="200",component="apiserver",dry_run="",group="apps",resource="deployments",scope="resource",subresource="",verb="APPLY",version="v1"} 5
apiserver_request_total{code="201",component="apiserver",dry_run="",group="apps",resource="deployments",scope="resource",subresource="",verb="APPLY",version="v1"} 2
apiserver_request_total{code="200",component="apiserver",dry_run="",group="demo.ork.dev",resource="webapps",scope="resource",subresource="status",verb="PATCH",version="v1"} 1
apiserver_request_total{code="200",component="apiserver",dry_run="",group="coordination.k8s.io",resource="leases",scope="resource",subresource="",verb="PUT",version="v1"} 10
apiserver_request_total{code="200",component="apiserver",dry_run="",group="",resource="configmaps",scope="namespace",subresource="",verb="LIST",version="v1"} 3
apiserver_request_count_other{verb="PATCH"} 99
`;

test('parseRequestCounts sums codes per verb and resource, subresource appended', () => {
  const c = parseRequestCounts(before);
  assert.equal(c.get('APPLY deployments'), 7);
  assert.equal(c.get('PATCH webapps/status'), 1);
  assert.equal(c.get('LIST configmaps'), 3);
  assert.equal(c.size, 4);
});

test('writesBetween: only write verbs, only increases, ignored resources left out', () => {
  const after = before
    .replace('verb="APPLY",version="v1"} 5', 'verb="APPLY",version="v1"} 8')
    .replace('verb="PUT",version="v1"} 10', 'verb="PUT",version="v1"} 40')
    .replace('verb="LIST",version="v1"} 3', 'verb="LIST",version="v1"} 30');
  const w = writesBetween(parseRequestCounts(before), parseRequestCounts(after), new Set(['leases']));
  assert.deepEqual([...w], [['APPLY deployments', 3]]);
  const withLeases = writesBetween(parseRequestCounts(before), parseRequestCounts(after));
  assert.equal(withLeases.get('PUT leases'), 30);
});
