/**
 * The background jobs a server process runs (daily snapshot, outbox delivery...). Each registers how
 * to stop it, so a shutting-down instance ends them all in one place, however many there are.
 */
type TStop = () => void | Promise<void>;

const globalForJobs = globalThis as unknown as { concordBackgroundJobs?: Map<string, TStop> };

function jobs(): Map<string, TStop> {
  globalForJobs.concordBackgroundJobs ??= new Map();
  return globalForJobs.concordBackgroundJobs;
}

export function registerBackgroundJob(name: string, stop: TStop): void {
  jobs().set(name, stop);
}

export function backgroundJobNames(): string[] {
  return [...jobs().keys()];
}

/** Stops every job, each given at most `timeoutMs` to finish what it is doing; returns those that did not. */
export async function stopBackgroundJobs(timeoutMs: number): Promise<string[]> {
  const entries = [...jobs().entries()];
  jobs().clear();
  const late: string[] = [];
  await Promise.all(
    entries.map(async ([name, stop]) => {
      let timer: NodeJS.Timeout | undefined;
      const finished = await Promise.race([
        Promise.resolve()
          .then(stop)
          .then(
            () => true,
            () => true,
          ),
        new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs))),
      ]);
      clearTimeout(timer);
      if (!finished) late.push(name);
    }),
  );
  return late;
}
