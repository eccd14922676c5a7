// The memory snapshot's file, written in one place: made by sitebuild/snapshot.mjs at build time, read by
// toolkit-worker.js in the browser and by tests/support/restore-snapshot.mjs. The site serves it gzipped.
//   bytes 0-7    "SWTSNAP2"
//   bytes 8-11   the index's length in bytes (little-endian)
//   from 12      the index, JSON {files: [[path under site-packages, length], …], memory: length,
//                runs: [[offset, length], …]}, then each file's bytes in that order (the toolkit's data files:
//                Pyodide's snapshot holds Python's memory, not its file system), then each run's bytes
//   Pyodide's memory snapshot (its private makeMemorySnapshot) is `memory` bytes long, about half of them in
//   pages of zeros (the heap Python has not used). Only the runs of pages that are not all zeros are stored: the
//   rest of the memory is the zeros a new Uint8Array starts with. Half the bytes to keep, read, inflate and copy.
export const MAGIC = "SWTSNAP2";
const PAGE = 4096;

// The runs of `memory` holding anything but zeros, in whole pages: [[offset, length], …].
function runs(memory) {
  const found = [];
  const words = new Uint32Array(memory.buffer, memory.byteOffset, Math.floor(memory.length / 4));
  for (let page = 0; page < memory.length; page += PAGE) {
    const end = Math.min(page + PAGE, memory.length);
    let used = false;
    for (let word = page / 4; word < Math.floor(end / 4) && !used; word++) used = words[word] !== 0;
    for (let byte = Math.floor(end / 4) * 4; byte < end && !used; byte++) used = memory[byte] !== 0;
    if (!used) continue;
    const last = found.at(-1);
    if (last && last[0] + last[1] === page) last[1] += end - page;
    else found.push([page, end - page]);
  }
  return found;
}

export function pack(files, memory) {
  const used = runs(memory);
  const index = new TextEncoder().encode(JSON.stringify({
    files: files.map(([path, data]) => [path, data.length]),
    memory: memory.length,
    runs: used,
  }));
  const size = 12 + index.length + files.reduce((sum, [, data]) => sum + data.length, 0) +
    used.reduce((sum, [, length]) => sum + length, 0);
  const out = new Uint8Array(size);
  out.set(new TextEncoder().encode(MAGIC));
  new DataView(out.buffer).setUint32(8, index.length, true);
  out.set(index, 12);
  let at = 12 + index.length;
  for (const [, data] of files) {
    out.set(data, at);
    at += data.length;
  }
  for (const [offset, length] of used) {
    out.set(memory.subarray(offset, offset + length), at);
    at += length;
  }
  return out;
}

// {files: [[path, bytes]], memory: its length, restore(target)}: the files are views into `raw`; restore copies
// the memory's runs into `target`, `memory` bytes of zeros. Throws for bytes that are not a whole snapshot.
export function unpack(raw) {
  if (raw.length < 12 || new TextDecoder().decode(raw.subarray(0, 8)) !== MAGIC) throw new Error("is not a snapshot");
  const indexEnd = 12 + new DataView(raw.buffer, raw.byteOffset, raw.byteLength).getUint32(8, true);
  let index;
  try {
    index = JSON.parse(new TextDecoder().decode(raw.subarray(12, indexEnd)));
  } catch {
    throw new Error("is damaged (its index does not read)");
  }
  const files = [];
  let at = indexEnd;
  for (const [path, length] of index.files) {
    files.push([path, raw.subarray(at, at + length)]);
    at += length;
  }
  const memoryAt = at;
  const stored = index.runs.reduce((sum, [offset, length]) => {
    if (offset < 0 || length <= 0 || offset + length > index.memory) throw new Error("is damaged (a run lies outside its memory)");
    return sum + length;
  }, 0);
  // What a damaged copy (a cached one, say) fails first: the lengths the index gives.
  if (memoryAt + stored !== raw.length) throw new Error("is damaged (its index does not fit)");
  return {
    files,
    memory: index.memory,
    restore(target) {
      if (target.length !== index.memory) throw new Error("does not fit the memory it was given");
      let from = memoryAt;
      for (const [offset, length] of index.runs) {
        target.set(raw.subarray(from, from + length), offset);
        from += length;
      }
      return target;
    },
  };
}
