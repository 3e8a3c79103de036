// A read-only file in h5wasm's in-memory file system whose bytes come from the server
// that serves the page, a block at a time, when HDF5 first reads them (HTTP Range
// requests), and are kept once read. Opening a large file then costs what the open views
// read, not the whole file: a --save plants sweep of 64 MB opens after 16 blocks (1 MB).
//
// HDF5 reads synchronously, so the blocks are fetched with synchronous requests; the
// server is local (serve.py, 127.0.0.1): a few milliseconds each on an idle machine. A
// file chosen with the picker or dropped is read whole instead (the page cannot read a
// local file's bytes synchronously outside a worker).

// 64 KiB: opening a 64 MB --save plants sweep and drawing its first tab reads some 250
// small pieces (98 KB) spread over 16 such blocks (9 MB in 1 MiB blocks); each request
// costs a round trip, so blocks much smaller than this only add requests.
const BLOCK = 1 << 16;

// Bytes [from, to] of `url`, synchronously. Binary through a text response with the
// "x-user-defined" charset: each char's low byte is one byte of the file.
function fetchRange(url, from, to) {
  const xhr = new XMLHttpRequest();
  xhr.open('GET', url, false);
  xhr.setRequestHeader('Range', `bytes=${from}-${to}`);
  xhr.overrideMimeType('text/plain; charset=x-user-defined');
  xhr.send();
  const text = xhr.responseText;
  if (xhr.status !== 206 || text.length !== to - from + 1) {
    throw new Error(`${url}: bytes ${from}-${to} not served (HTTP ${xhr.status}, ${text.length} bytes)`);
  }
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i) & 0xff;
  return bytes;
}

// Files up to this size are read whole: their views read much of them (the plant table,
// the decision log), and one transfer costs less than a round trip per block.
const WHOLE_UP_TO = 16 << 20;

async function fetchBytes(url, headers = {}) {
  const response = await fetch(url, { headers });
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return { response, bytes: await response.arrayBuffer() };
}

// Asks for the first block: { size, first } when the server answers range requests and
// the file is large, else { whole } (the file's bytes: it is small, or the server sent
// the whole file).
export async function openRange(url) {
  const { response, bytes } = await fetchBytes(url, { Range: `bytes=0-${BLOCK - 1}` });
  const total = response.status === 206 && /\/(\d+)$/.exec(response.headers.get('content-range') || '');
  if (!total) return { whole: bytes };
  const size = Number(total[1]);
  if (size <= WHOLE_UP_TO) return { whole: (await fetchBytes(url)).bytes };
  return { size, first: new Uint8Array(bytes) };
}

// Creates `/name` in FS, `size` bytes of `url` read on demand (`first`: block 0, from
// openRange); returns what it fetched so far ({ blocks, bytes }), for the timing line.
export function createLazyFile(FS, name, url, size, first) {
  const blocks = new Map([[0, first]]);
  const block = (b) => {
    if (!blocks.has(b)) blocks.set(b, fetchRange(url, b * BLOCK, Math.min(size, (b + 1) * BLOCK) - 1));
    return blocks.get(b);
  };
  const node = FS.createFile('/', name, { isDevice: false }, true, false);
  Object.defineProperty(node, 'usedBytes', { get: () => size });  // what stat and SEEK_END see
  const ops = { ...node.stream_ops };
  ops.read = (stream, buffer, offset, length, position) => {
    const end = Math.min(size, position + length);
    for (let at = position; at < end;) {
      const b = Math.floor(at / BLOCK);
      const data = block(b);
      const n = Math.min(end - at, data.length - (at - b * BLOCK));
      buffer.set(data.subarray(at - b * BLOCK, at - b * BLOCK + n), offset + (at - position));
      at += n;
    }
    return Math.max(0, end - position);
  };
  node.stream_ops = ops;
  return () => ({ blocks: blocks.size, bytes: [...blocks.values()].reduce((a, d) => a + d.length, 0) });
}
