// The jobs as the services wire them for both hosts: job events reach the event feed, the bridge
// calls cancelJob/getJob go through dispatch (so their arguments are validated), and closing the
// services cancels what still runs.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BridgeEventMessage } from '../../../common/bridge/events';
import { dispatch } from '../../../main/bridge/dispatch';
import { pathsFromRoot } from '../../../main/paths';
import { createServices, type Services } from '../../../main/services';
import { REPO, tempDir } from '../notes/helpers';
import { countJob, TEST_JOB_KIND } from './support';

let temp: ReturnType<typeof tempDir>;
let services: Services;
beforeEach(async () => {
  temp = tempDir();
  services = await createServices({ paths: pathsFromRoot(REPO, temp.dir), host: 'web', version: 'test' });
});
afterEach(async () => {
  await services.close();
  temp.remove();
});

describe('jobs in the services', () => {
  it('publish every job event on the feed, and a new page gets the current jobs', async () => {
    const heard: BridgeEventMessage[] = [];
    services.events.subscribe((message) => heard.push(message));
    // Steps slower than the product's throttle (100 ms), so each of them is heard.
    const jobId = services.jobs.startJob(TEST_JOB_KIND, countJob(2, 150));
    await vi.waitFor(() => expect(heard.at(-1)).toMatchObject({ name: 'job', payload: { jobId, state: 'done' } }));
    expect(heard.map((m) => m.name === 'job' && m.payload.state)).toEqual(['queued', 'running', 'running', 'running', 'done']);
    expect(services.events.current()).toEqual([heard.at(-1)]);
  });

  it('answer getJob and cancelJob through dispatch, validating the id', async () => {
    const jobId = services.jobs.startJob(TEST_JOB_KIND, countJob(1000, 5));
    await vi.waitFor(() => expect(services.jobs.getJob(jobId)?.state).toBe('running'));
    expect(await dispatch(services.handlers, 'getJob', { jobId })).toMatchObject({ ok: true, value: { jobId, state: 'running' } });
    expect(await dispatch(services.handlers, 'cancelJob', { jobId })).toMatchObject({ ok: true, value: { jobId } });
    await vi.waitFor(() => expect(services.jobs.getJob(jobId)?.state).toBe('cancelled'));
    expect(await dispatch(services.handlers, 'getJob', { jobId: 'no-such-job' })).toEqual({ ok: true, value: null });
    expect(await dispatch(services.handlers, 'cancelJob', { jobId: 'no-such-job' }, () => undefined)).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await dispatch(services.handlers, 'cancelJob', { jobId: 'A/../B' })).toMatchObject({ ok: false, error: { code: 'invalid-argument', message: expect.stringContaining('jobId') } });
    expect(await dispatch(services.handlers, 'getJob', { jobId, extra: 1 })).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
  });

  it('cancel running jobs when the services close', async () => {
    const jobId = services.jobs.startJob(TEST_JOB_KIND, countJob(1000, 5));
    await vi.waitFor(() => expect(services.jobs.getJob(jobId)?.state).toBe('running'));
    await services.close();
    expect(services.jobs.getJob(jobId)).toMatchObject({ state: 'cancelled', message: 'The app is closing.' });
  });
});
