// Who runs the background jobs. On the embedded default (SQLite, one process and one file) the web process runs them
// itself: there is nothing else to run. On PostgreSQL the app is meant to run as several stateless web instances and
// one or more workers (`npm run worker`), so a web instance leaves the jobs to the workers unless told otherwise
// (RUN_JOBS_IN_WEB=1, e.g. a single-instance deployment without a worker). Claims live in the database, so running
// jobs in several places at once is safe either way; this only decides where the work is spent.

export type RunJobsInWeb = "0" | "1" | undefined;

/** Whether a web process runs the jobs: yes on SQLite unless RUN_JOBS_IN_WEB=0, on PostgreSQL only with RUN_JOBS_IN_WEB=1. */
export function jobsRunInWeb(provider: "sqlite" | "postgresql", runJobsInWeb: RunJobsInWeb): boolean {
  if (runJobsInWeb !== undefined) return runJobsInWeb === "1";
  return provider === "sqlite";
}
