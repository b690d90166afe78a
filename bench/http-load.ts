/**
 * HTTP load from a process of its own, so the client's work never shares the server's event
 * loop: `CONCURRENCY` connections request `REQUESTS` URLs in turn and the latency of each
 * response, body read, is recorded. Prints one JSON line: { medianMs, p95Ms, requests, errors }.
 *
 *     node --import tsx bench/http-load.ts REQUESTS CONCURRENCY URL [URL…]
 */
const [requestsArg, concurrencyArg, ...urls] = process.argv.slice(2);
const requests = Number(requestsArg);
const concurrency = Number(concurrencyArg);
if (!(requests > 0) || !(concurrency > 0) || urls.length === 0) {
  console.error('usage: http-load.ts REQUESTS CONCURRENCY URL [URL…]');
  process.exit(2);
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

const times: number[] = [];
let errors = 0;
let next = 0;
// One request per URL first, so that no first-use cost is measured.
for (const url of urls) await fetch(url).then((r) => r.arrayBuffer());
const connection = async () => {
  while (next < requests) {
    const url = urls[next++ % urls.length] as string;
    const start = performance.now();
    const response = await fetch(url);
    await response.arrayBuffer();
    times.push(performance.now() - start);
    if (!response.ok) errors++;
  }
};
await Promise.all(Array.from({ length: concurrency }, connection));
times.sort((a, b) => a - b);
const round = (n: number) => Math.round(n * 10) / 10;
console.log(
  JSON.stringify({
    requests: times.length,
    errors,
    medianMs: round(percentile(times, 50)),
    p95Ms: round(percentile(times, 95)),
  }),
);
