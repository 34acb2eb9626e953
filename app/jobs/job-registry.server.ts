// Job handlers by name. Each job module registers its handler in app/jobs/job-handlers.server.ts; the runner only
// claims jobs it has a handler for, so a worker built without some job never steals it.

export type JobContext = { id: string; name: string; shop: string | null; payload: unknown; attempts: number };
export type JobHandler = (job: JobContext) => Promise<void>;
export type JobHandlers = ReadonlyMap<string, JobHandler>;

const handlers = new Map<string, JobHandler>();

/** Registers the handler of a job name (a second registration of the same name replaces the first). */
export function registerJobHandler(name: string, handler: JobHandler): void {
  handlers.set(name, handler);
}

/** The handlers registered so far. */
export function registeredJobHandlers(): JobHandlers {
  return handlers;
}
