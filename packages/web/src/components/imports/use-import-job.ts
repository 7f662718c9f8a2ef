import { useEffect, useState } from "react";
import { getImportJob, type ImportJob } from "../../api/imports";

const POLL_MS = 1000;

/** Follows an import job: its progress, fetched every second until it has finished or failed. */
export function useImportJob(jobId: string): { job: ImportJob | undefined; error: unknown } {
  const [state, setState] = useState<{ job: ImportJob | undefined; error: unknown }>({
    job: undefined,
    error: null,
  });

  useEffect(() => {
    let current = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const job = await getImportJob(jobId);
        if (!current) return;
        setState({ job, error: null });
        if (job.status === "running") timer = setTimeout(() => void poll(), POLL_MS);
      } catch (error) {
        if (current) setState((previous) => ({ ...previous, error }));
      }
    };
    void poll();
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [jobId]);

  return state;
}
