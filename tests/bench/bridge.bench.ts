// The bridge and media route, measured from Node (HTTP client) and from real Chromium (fetch in the
// page), so the harness covers both places later benchmarks run in.
import { performance } from 'node:perf_hooks';
import { startApp } from '../e2e/support/app';
import { percentile } from './stats';
import type { Benchmark } from './types';

const CALLS = 300;

const bench: Benchmark = async () => {
  const app = await startApp();
  try {
    const { host } = app;
    const nodeTimes: number[] = [];
    for (let i = 0; i < CALLS; i += 1) {
      const start = performance.now();
      const response = await fetch(`${host.origin}/api/getSettings`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Origin: host.origin, 'X-Mitlesen-Token': host.token },
        body: '{}',
      });
      await response.json();
      nodeTimes.push(performance.now() - start);
    }
    const browserTimes = await app.page.evaluate(async (calls) => {
      const token = sessionStorage.getItem('mitlesen.token') ?? '';
      const times: number[] = [];
      for (let i = 0; i < calls; i += 1) {
        const start = performance.now();
        const response = await fetch('/api/getSettings', { method: 'POST', headers: { 'X-Mitlesen-Token': token }, body: '{}' });
        await response.json();
        times.push(performance.now() - start);
      }
      return times;
    }, CALLS);
    return {
      name: 'bridge',
      rows: [
        { metric: 'getSettings round trip p50 (Node)', value: percentile(nodeTimes, 50), unit: 'ms' },
        { metric: 'getSettings round trip p95 (Node)', value: percentile(nodeTimes, 95), unit: 'ms' },
        { metric: 'getSettings round trip p50 (Chromium)', value: percentile(browserTimes, 50), unit: 'ms' },
        { metric: 'getSettings round trip p95 (Chromium)', value: percentile(browserTimes, 95), unit: 'ms' },
      ],
      notes: { calls: CALLS },
    };
  } finally {
    await app.close();
  }
};

export default bench;
