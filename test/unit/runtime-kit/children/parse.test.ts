import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseBool, parseIntOrPercent, parsePort, parseProtocol, parseReplicas, scanPort } from '../../../../runtime-kit/children/index.ts';
import { scanInt, parseInt32 } from '../../../../runtime-kit/children/parse.ts';

test('parseReplicas follows Orkestra ParseReplicas (Sscanf %d, non-negative, default 1)', () => {
  const cases: Array<[string | undefined, number]> = [
    [undefined, 1], ['', 1], ['abc', 1], ['-1', 1], ['0', 0], ['3', 3], [' 5', 5], ['3abc', 3], ['3.7', 3],
    ['+4', 4], ['99999999999', 1], ['99999999999999999999', 1], ['\n3', 1],
  ];
  for (const [s, want] of cases) assert.equal(parseReplicas(s), want, `replicas ${JSON.stringify(s)}`);
});

test('parsePort follows strconv.ParseInt(s, 10, 32): strict digits, int32 range, else 0', () => {
  const cases: Array<[string | undefined, number]> = [
    [undefined, 0], ['', 0], ['x', 0], ['8080', 8080], ['+80', 80], ['-5', -5], ['80.5', 0], [' 80', 0], ['80x', 0],
    ['2147483647', 2147483647], ['2147483648', 0], ['1_000', 0],
  ];
  for (const [s, want] of cases) assert.equal(parsePort(s), want, `port ${JSON.stringify(s)}`);
});

test('scanPort (Pods) follows fmt.Sscanf %d: leading digits win', () => {
  assert.equal(scanPort('8080abc'), 8080);
  assert.equal(scanPort(' 90'), 90);
  assert.equal(scanPort('abc'), 0);
  assert.equal(scanPort(undefined), 0);
  assert.equal(scanInt('-12x'), -12n);
  assert.equal(parseInt32('-0'), 0);
});

test('parseProtocol: UDP/SCTP in any case, else TCP', () => {
  assert.equal(parseProtocol('udp'), 'UDP');
  assert.equal(parseProtocol('Sctp'), 'SCTP');
  assert.equal(parseProtocol('tcp'), 'TCP');
  assert.equal(parseProtocol('http'), 'TCP');
  assert.equal(parseProtocol(undefined), 'TCP');
});

test('parseBool accepts Orkestra spellings only', () => {
  for (const s of ['true', 'True', 'TRUE', '1', 'yes', 'YES']) assert.equal(parseBool(s), true, s);
  for (const s of ['false', 'tRue', 'on', 'y', '', undefined]) assert.equal(parseBool(s), false, String(s));
});

test('parseIntOrPercent: percentages stay strings, integers become numbers', () => {
  assert.equal(parseIntOrPercent('25%'), '25%');
  assert.equal(parseIntOrPercent('1'), 1);
  assert.equal(parseIntOrPercent('abc'), 'abc');
  assert.equal(parseIntOrPercent('99999999999'), '99999999999');
});
