/**
 * Benchmark of the flow-log parsers alone (no database): reads N generated lines of each format
 * through readLineBatches (plain and gzipped) and parseFlowLogBatches, as the import does, and prints lines per second and the peak
 * resident memory, which must stay flat whatever N is. Prints figures only (no assertions).
 *
 *   npm run bench:discovery-parse                    # 1,000,000 lines per format
 *   LINES=200000 npm run bench:discovery-parse
 */
import { performance } from "node:perf_hooks";
import { Readable } from "node:stream";
import { createGzip } from "node:zlib";
import type { TFlowLogFormat } from "@/lib/discovery/records";
import { parseFlowLogBatches, readLineBatches, type TParseOptions } from "@/lib/discovery/formats";

const LINES = Number(process.env.LINES ?? 1_000_000);

function address(index: number): string {
  return `10.${(index >> 16) & 255}.${(index >> 8) & 255}.${index & 255}`;
}

const GENERATORS: { name: string; format: TFlowLogFormat; header?: string; line: (index: number) => string; options?: TParseOptions }[] = [
  {
    name: "VPC v2",
    format: "vpc",
    line: (i) =>
      `2 123456789012 eni-0a1b2c3d ${address(i % 5000)} ${address(7000 + (i % 300))} ${40000 + (i % 20000)} ${[443, 5432, 53][i % 3]} 6 ${i % 50} ${i % 9000} ${1796551200 + (i % 86400)} ${1796551260 + (i % 86400)} ${i % 17 === 0 ? "REJECT" : "ACCEPT"} OK`,
  },
  {
    name: "Zeek TSV",
    format: "zeek-tsv",
    header:
      "#separator \\x09\n#fields\tts\tuid\tid.orig_h\tid.orig_p\tid.resp_h\tid.resp_p\tproto\tconn_state\torig_pkts\tresp_pkts\torig_ip_bytes\tresp_ip_bytes\n",
    line: (i) =>
      [
        `${1796551200 + (i % 86400)}.5`,
        `C${i}`,
        address(i % 5000),
        "40000",
        address(7000 + (i % 300)),
        "443",
        "tcp",
        "SF",
        "3",
        "2",
        "180",
        "120",
      ].join("\t"),
  },
  {
    name: "Hubble JSON",
    format: "hubble",
    line: (i) =>
      JSON.stringify({
        flow: {
          time: "2026-12-06T10:00:00Z",
          verdict: "FORWARDED",
          IP: { source: address(i % 5000), destination: address(7000 + (i % 300)) },
          l4: { TCP: { source_port: 40000, destination_port: 8080, flags: { SYN: true } } },
          source: { namespace: "shop", labels: ["k8s:app=a"] },
          destination: { namespace: "shop", labels: ["k8s:app=b"] },
        },
      }),
  },
];

async function* generated(header: string | undefined, line: (index: number) => string, count: number): AsyncGenerator<Buffer> {
  if (header) yield Buffer.from(header);
  const batch: string[] = [];
  for (let index = 0; index < count; index += 1) {
    batch.push(line(index));
    if (batch.length === 1000) {
      yield Buffer.from(`${batch.join("\n")}\n`);
      batch.length = 0;
    }
  }
  if (batch.length > 0) yield Buffer.from(batch.join("\n"));
}

let peakRss = 0;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 20);

for (const generator of GENERATORS) {
  for (const gzip of [false, true]) {
    const source = Readable.from(generated(generator.header, generator.line, LINES));
    const input = gzip ? source.pipe(createGzip({ level: 1 })) : source;
    const started = performance.now();
    const counts = { record: 0, skip: 0, reject: 0 };
    // Batches of lines, as the import reads them (one await per chunk, not per line).
    for await (const batch of parseFlowLogBatches(generator.format, readLineBatches(input), generator.options))
      for (const parsed of batch) counts[parsed.kind] += 1;
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `${generator.name.padEnd(12)} ${gzip ? "gzip " : "plain"}  ${LINES.toLocaleString("en")} lines in ${seconds.toFixed(2)} s = ${Math.round(LINES / seconds).toLocaleString("en")} lines/s` +
        `  (records ${counts.record}, skips ${counts.skip}, rejects ${counts.reject})  peak RSS so far ${(peakRss / 2 ** 20).toFixed(0)} MiB`,
    );
  }
}
clearInterval(sampler);
