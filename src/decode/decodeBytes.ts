// PLACEHOLDER: UTF-8 only, until encoding detection lands.
export type Decoded = { ok: true; text: string; encoding: string } | { ok: false; reason: string };

export function decodeBytes(bytes: Uint8Array, options: { encoding?: string } = {}): Decoded {
  if (bytes.length === 0) return { ok: false, reason: 'empty file' };
  const text = new TextDecoder(options.encoding ?? 'utf-8').decode(bytes);
  return { ok: true, text, encoding: options.encoding ?? 'utf-8' };
}
