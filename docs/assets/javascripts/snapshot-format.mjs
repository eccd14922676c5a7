// The memory snapshot's file, written in one place: made by sitebuild/snapshot.mjs at build time, read by
// toolkit-worker.js in the browser and by tests/support/restore-snapshot.mjs. The site serves it gzipped.
//   bytes 0-7    "SWTSNAP1"
//   bytes 8-11   the index's length in bytes (little-endian)
//   bytes 12-15  where Pyodide's memory snapshot starts: a multiple of 16, since Pyodide reads its header as
//                32-bit words
//   from 16      the index, JSON [[path under site-packages, length], …], then each file's bytes in that order
//                (the toolkit's data files: Pyodide's snapshot holds Python's memory, not its file system)
//   the rest     Pyodide's memory snapshot (its private makeMemorySnapshot)
export const MAGIC = "SWTSNAP1";

export function pack(files, memory) {
  const index = new TextEncoder().encode(JSON.stringify(files.map(([path, data]) => [path, data.length])));
  const filesEnd = 16 + index.length + files.reduce((sum, [, data]) => sum + data.length, 0);
  const offset = Math.ceil(filesEnd / 16) * 16;
  const out = new Uint8Array(offset + memory.length);
  out.set(new TextEncoder().encode(MAGIC));
  new DataView(out.buffer).setUint32(8, index.length, true);
  new DataView(out.buffer).setUint32(12, offset, true);
  out.set(index, 16);
  let at = 16 + index.length;
  for (const [, data] of files) {
    out.set(data, at);
    at += data.length;
  }
  out.set(memory, offset);
  return out;
}

// {files: [[path, bytes]], memory: bytes}, views into `raw`; throws for bytes that are not a snapshot.
export function unpack(raw) {
  if (raw.length < 16 || new TextDecoder().decode(raw.subarray(0, 8)) !== MAGIC) throw new Error("is not a snapshot");
  const head = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
  const indexEnd = 16 + head.getUint32(8, true);
  const memoryAt = head.getUint32(12, true);
  const files = [];
  let at = indexEnd;
  for (const [path, length] of JSON.parse(new TextDecoder().decode(raw.subarray(16, indexEnd)))) {
    files.push([path, raw.subarray(at, at + length)]);
    at += length;
  }
  // What a damaged copy (a cached one, say) fails first: the lengths the index gives.
  if (at > memoryAt || memoryAt >= raw.length) throw new Error("is damaged (its index does not fit)");
  return { files, memory: raw.subarray(memoryAt) };
}
