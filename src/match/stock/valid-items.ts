import type { z } from "zod";

/**
 * The items of an API list that match the schema. One odd result (a new field shape, a missing
 * size) is dropped instead of failing the whole answer.
 */
export function validItems<T>(schema: z.ZodType<T>, items: readonly unknown[]): T[] {
  const out: T[] = [];
  for (const item of items) {
    const parsed = schema.safeParse(item);
    if (parsed.success) out.push(parsed.data);
  }
  return out;
}
