// Imports at work in the background, listed at the top of the library: the one the dialog started
// is shown there too once it is closed, and one the app started again after it was killed in the
// middle of it (main/import/service.ts) shows up here with its progress and a Cancel. A polite live
// region says when one starts and ends, not every percent.
import { useEffect, useRef, useState } from 'react';
import type { JobEvent } from '../../common/bridge/events';
import { useBackend } from '../bridge/backend-context';
import { useT } from '../i18n';
import { ImportProgress } from './ImportProgress';
import { JOB_STEPS } from './use-import-run';

export function RunningImports() {
  const t = useT();
  const { api, events } = useBackend();
  const [jobs, setJobs] = useState<readonly JobEvent[]>([]);
  const [said, setSaid] = useState('');
  const known = useRef(new Map<string, JobEvent>());
  const tRef = useRef(t);
  tRef.current = t;

  useEffect(
    () =>
      events.on('job', (job) => {
        if (!job.kind.startsWith('import-')) return;
        const title = { title: job.subject ?? '' };
        const map = known.current;
        if (job.state === 'queued' || job.state === 'running') {
          if (!map.has(job.jobId)) setSaid(tRef.current('import.background.started', title));
          map.set(job.jobId, job);
        } else if (map.delete(job.jobId)) {
          setSaid(tRef.current(job.state === 'done' ? 'import.background.done' : job.state === 'cancelled' ? 'import.background.cancelled' : 'import.background.failed', title));
        }
        setJobs([...map.values()]);
      }),
    [events],
  );

  return (
    <div className="running-imports">
      <p className="visually-hidden" aria-live="polite">
        {said}
      </p>
      {jobs.length > 0 && (
        <ul aria-label={t('import.background.list')}>
          {jobs.map((job) => (
            <li key={job.jobId}>
              <span className="running-import-title">{job.subject}</span>
              <ImportProgress
                state={{ step: JOB_STEPS[job.message ?? ''] ?? 'decoding', progress: job.progress, secondsLeft: job.secondsLeft ?? null, cancelling: false, jobId: job.jobId }}
                onCancel={() => void api.cancelJob({ jobId: job.jobId }).catch(() => undefined)}
                takeFocus={false}
              />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
