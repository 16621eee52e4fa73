import { JSONParser } from "@streamparser/json";
import type { TObservedProtocol, TParsedLine } from "../records";
import { record, reject, shown, type TLineParser } from "./parsed";
import { canonicalAddress, countOf, dateOfEpoch, portOf } from "./values";

type TJson = Record<string, unknown>;
const isObject = (value: unknown): value is TJson => typeof value === "object" && value !== null && !Array.isArray(value);
const arrayAt = (value: unknown, key: string): unknown[] => (isObject(value) && Array.isArray(value[key]) ? value[key] : []);

/**
 * One NSG flow tuple, "ts,src,dst,sport,dport,proto,dir,decision" (version 1) followed in version 2
 * by "state,packets→,bytes→,packets←,bytes←". Counting rule: a version 2 tuple counts a connection
 * when its state is B (begin); C (continuing) and E (end) tuples add packets and bytes to it. A
 * version 1 tuple counts one connection. Bytes and packets are summed over both directions.
 */
export function recordOfNsgTuple(tuple: string, rule: string | undefined, line: number, where: string): TParsedLine {
  const parts = tuple.split(",");
  if (parts.length !== 8 && parts.length !== 13)
    return reject(line, `${where}: expected 8 or 13 comma-separated values, found ${parts.length}`);
  const [time = "", sourceText = "", destinationText = "", , portText = "", protocolText = "", , decision = "", state = "", ...counts] =
    parts;
  const start = dateOfEpoch(time);
  if (start === null) return reject(line, `${where}: time ${shown(time)} is not epoch seconds`);
  const source = canonicalAddress(sourceText);
  if (source === null) return reject(line, `${where}: source ${shown(sourceText)} is not an IP address`);
  const destination = canonicalAddress(destinationText);
  if (destination === null) return reject(line, `${where}: destination ${shown(destinationText)} is not an IP address`);
  const destinationPort = portOf(portText);
  if (destinationPort === null) return reject(line, `${where}: destination port ${shown(portText)} is not a port`);
  const protocol: TObservedProtocol = protocolText === "T" ? "TCP" : protocolText === "U" ? "UDP" : "OTHER";
  if (decision !== "A" && decision !== "D") return reject(line, `${where}: decision ${shown(decision)} is neither A nor D`);
  if (parts.length === 13 && !["B", "C", "E"].includes(state)) return reject(line, `${where}: flow state ${shown(state)} is not B, C or E`);
  let packets = 0;
  let bytes = 0;
  for (const [index, text] of counts.entries()) {
    if (text === "") continue;
    const count = countOf(text);
    if (count === null) return reject(line, `${where}: count ${shown(text)} is not a count`);
    if (index % 2 === 0) packets += count;
    else bytes += count;
  }
  const verdict = decision === "A" ? "ALLOWED" : "DENIED";
  return record(line, {
    source: { address: source },
    destination: { address: destination },
    protocol,
    destinationPort,
    start,
    connections: parts.length === 8 || state === "B" ? 1 : 0,
    bytes,
    packets,
    verdict,
    ...(verdict === "DENIED" && rule !== undefined ? { dropReason: rule } : {}),
  });
}

function parsedOfRecord(value: unknown, index: number, line: number): TParsedLine[] {
  const parsed: TParsedLine[] = [];
  for (const group of arrayAt(isObject(value) ? value.properties : undefined, "flows")) {
    const rule = isObject(group) && typeof group.rule === "string" ? group.rule : undefined;
    for (const flow of arrayAt(group, "flows")) {
      for (const [tupleIndex, tuple] of arrayAt(flow, "flowTuples").entries()) {
        const where = `record ${index + 1}, rule ${rule ?? "?"}, tuple ${tupleIndex + 1}`;
        parsed.push(typeof tuple === "string" ? recordOfNsgTuple(tuple, rule, line, where) : reject(line, `${where}: not a string`));
      }
    }
  }
  return parsed;
}

/**
 * Azure NSG flow logs (versions 1 and 2): one JSON document `{"records": [...]}` per blob, on one
 * line or many. The document is parsed as a stream (@streamparser/json), so that each record is
 * read and released as soon as it is complete; a record's tuples carry the number of the line on
 * which the record ends. After a JSON syntax error nothing more of the document can be read.
 */
export function azureNsgParser(): TLineParser {
  const parser = new JSONParser({ paths: ["$.records.*"], keepStack: false });
  let completed: unknown[] = [];
  let failed = false;
  let records = 0;
  parser.onValue = ({ value }) => {
    completed.push(value);
  };
  const drain = (line: number): TParsedLine[] => {
    const parsed = completed.flatMap((value) => parsedOfRecord(value, records++, line));
    completed = [];
    return parsed;
  };
  const parse: TLineParser = (text, line) => {
    if (failed) return [];
    try {
      parser.write(`${text}\n`);
    } catch (error) {
      failed = true;
      return [
        ...drain(line),
        reject(line, `invalid JSON, the rest of the document is not read: ${error instanceof Error ? error.message : String(error)}`),
      ];
    }
    return drain(line);
  };
  parse.finish = (lastLine) => {
    if (failed || parser.isEnded) return [];
    try {
      parser.end();
    } catch (error) {
      return [reject(lastLine, `the document ends before its closing brackets: ${error instanceof Error ? error.message : String(error)}`)];
    }
    return [];
  };
  return parse;
}
