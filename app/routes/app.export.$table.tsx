// CSV export of an analytics table, streamed: the header first, then rows as the read model produces them (a
// creator's orders are read from the database a batch at a time). Cells are written by toCsvLine, which neutralises
// spreadsheet formulas. Scoped to the authenticated shop; another shop's creator or campaign is a 404.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { toCsvLine } from "../domain/csv";
import { requireAdminContext } from "../auth/admin-context.server";
import { MESSAGES } from "../i18n/locales";
import { createTranslator } from "../i18n/translate";
import { buildCsvExport } from "../queries/csv-exports.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { shop, locale } = await requireAdminContext(request);
  const url = new URL(request.url);
  const csv = await buildCsvExport(shop, params.table ?? "", url.searchParams, createTranslator(MESSAGES[locale], locale));
  const encoder = new TextEncoder();
  const rows = csv.rows[Symbol.asyncIterator]();
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      // The byte order mark makes Excel read the file as UTF-8 (accents in names and French headers).
      controller.enqueue(encoder.encode(`\uFEFF${toCsvLine(csv.header)}\r\n`));
    },
    async pull(controller) {
      try {
        const next = await rows.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(`${toCsvLine(next.value)}\r\n`));
      } catch (error) {
        controller.error(error);
      }
    },
    async cancel() {
      await rows.return?.();
    },
  });
  return new Response(stream, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${csv.filename}"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
