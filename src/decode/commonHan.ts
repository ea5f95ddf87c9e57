// Which characters are common Chinese: the 3,755 characters of GB2312 level 1 (the most frequent
// simplified characters) and the 5,401 of Big5's frequent set (traditional). Both tables come
// from the decoders Node ships (full ICU), decoded once on first use (under a millisecond): no
// hand-written list. Decoding with the wrong encoding yields mostly rare characters, and other
// bytes read as UTF-16 land anywhere in the ideograph block, so the share of common characters
// tells real Chinese text from mojibake.

let table: Uint8Array | null = null;

function build(): Uint8Array {
  const flags = new Uint8Array(0x10000);
  const mark = (encoding: string, leads: [number, number], trails: [number, number][], last: number) => {
    const bytes: number[] = [];
    for (let lead = leads[0]; lead <= leads[1]; lead++)
      for (const [from, to] of trails)
        for (let trail = from; trail <= to; trail++) if (lead * 256 + trail <= last) bytes.push(lead, trail);
    const text = new TextDecoder(encoding).decode(new Uint8Array(bytes));
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code >= 0x3400) flags[code] = 1;
    }
  };
  mark('gb18030', [0xb0, 0xd7], [[0xa1, 0xfe]], 0xd7f9);
  mark(
    'big5',
    [0xa4, 0xc6],
    [
      [0x40, 0x7e],
      [0xa1, 0xfe],
    ],
    0xc67e,
  );
  return flags;
}

/** True for a common Chinese character (simplified or traditional). */
export function isCommonHan(code: number): boolean {
  table ??= build();
  return table[code] === 1;
}
