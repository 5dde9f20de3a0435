// The bridge calls about jobs, for the services to spread into their handlers. Starting a job is
// not among them on purpose: each long job gets its own typed call (importDocument, ...) that
// validates its own argument and then starts the job here.
import type { BridgeHandlers } from '../bridge/dispatch';
import type { BridgeEventHub } from '../bridge/events';
import type { JobRunner } from './runner';

export function jobHandlers(jobs: JobRunner): Pick<BridgeHandlers, 'cancelJob' | 'getJob'> {
  return {
    cancelJob: ({ jobId }) => jobs.cancelJob(jobId),
    getJob: ({ jobId }) => jobs.getJob(jobId),
  };
}

/** Sends every job event through the hub; returns the unsubscribe. */
export function publishJobs(jobs: JobRunner, hub: BridgeEventHub): () => void {
  return jobs.subscribe((event) => hub.emit('job', event));
}
