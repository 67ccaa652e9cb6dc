import { expect } from "vitest";

/** The message of the error `work` rejects with, checked to be a single line. */
export async function oneLineError(work: Promise<unknown>): Promise<string> {
  const error = await work.then(
    () => null,
    (e: Error) => e,
  );
  expect(error).toBeInstanceOf(Error);
  expect(error!.message.split("\n")).toHaveLength(1);
  return error!.message;
}
