/** Replaces every occurrence of a secret in text, so a key can never reach a file or a message. */
export function redact(text: string, secret: string): string {
  return secret.length > 0 ? text.split(secret).join("[redacted]") : text;
}
