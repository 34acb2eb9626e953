/**
 * The body of an action as a plain object: JSON as sent, or a form whose repeated fields become arrays. A body that
 * cannot be read throws a 400 response, so routes only ever see something zod can judge.
 */
export async function readRequestBody(request: Request): Promise<unknown> {
  const type = request.headers.get("Content-Type") ?? "";
  try {
    if (type.includes("application/json")) return (await request.json()) as unknown;
    const form = await request.formData();
    const body: Record<string, string | string[]> = {};
    for (const key of new Set(form.keys())) {
      const values = form.getAll(key).filter((value): value is string => typeof value === "string");
      body[key] = key.endsWith("[]") || values.length > 1 ? values : (values[0] ?? "");
    }
    return body;
  } catch {
    throw new Response("Unreadable request body", { status: 400 });
  }
}

/** A 400 response naming the first problem zod found. */
export function badRequest(message: string): Response {
  return new Response(`Bad request: ${message}`, { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}
