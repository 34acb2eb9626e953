import { PassThrough } from "node:stream";
import { renderToPipeableStream } from "react-dom/server";
import { RemixServer } from "@remix-run/react";
import { createReadableStreamFromReadable, type EntryContext } from "@remix-run/node";
import { isbot } from "isbot";
import { addDocumentHeaders } from "./http/document-headers.server";

// Exposed on the server build so that only the demo server (scripts/demo.ts) can switch the demo seam on.
export { enableDemoMode } from "./demo/demo-mode.server";
// Exposed so that the server scripts (scripts/serve.ts, scripts/demo.ts) run the background jobs in the web process.
export { startJobScheduler } from "./jobs/job-scheduler.server";
// The role-aware start (web: per DATABASE_URL and RUN_JOBS_IN_WEB; worker: always), for scripts/serve.ts and scripts/worker.ts.
export { startBackgroundJobs } from "./jobs/background-jobs.server";

export const streamTimeout = 5000;

export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
) {
  addDocumentHeaders(request, responseHeaders);
  const callbackName = isbot(request.headers.get("user-agent") ?? "") ? "onAllReady" : "onShellReady";

  return new Promise<Response>((resolve, reject) => {
    const { pipe, abort } = renderToPipeableStream(<RemixServer context={remixContext} url={request.url} />, {
      [callbackName]: () => {
        const body = new PassThrough();
        const stream = createReadableStreamFromReadable(body);
        responseHeaders.set("Content-Type", "text/html");
        resolve(new Response(stream, { headers: responseHeaders, status: responseStatusCode }));
        pipe(body);
      },
      onShellError(error) {
        reject(error);
      },
      onError(error) {
        responseStatusCode = 500;
        console.error(error);
      },
    });
    setTimeout(abort, streamTimeout + 1000);
  });
}
