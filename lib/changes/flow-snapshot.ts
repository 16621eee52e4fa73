import type { TFlowSnapshot } from "@/lib/change-policy/types";

type TFlowFields = Pick<
  TFlowSnapshot,
  "sourceId" | "targetId" | "protocol" | "ports" | "appProtocol" | "encryption" | "authentication" | "justification"
> & { httpMethod: string; httpPath: string };

/** A flow as a change records it, from a map edge and the labels of its end points (safe in the browser too). */
export function toFlowSnapshot(edge: TFlowFields, labels: { source: string; target: string }): TFlowSnapshot {
  return {
    sourceId: edge.sourceId,
    targetId: edge.targetId,
    sourceLabel: labels.source,
    targetLabel: labels.target,
    protocol: edge.protocol,
    ports: edge.ports,
    appProtocol: edge.appProtocol,
    httpMethod: edge.httpMethod,
    httpPath: edge.httpPath,
    encryption: edge.encryption,
    authentication: edge.authentication,
    justification: edge.justification,
  };
}

/** The attributes of a flow a change sets, from a recorded flow: what an edit, or the map at verification, takes again. */
export function flowAttributesOf(snapshot: TFlowSnapshot) {
  return {
    protocol: snapshot.protocol,
    ports: snapshot.ports,
    appProtocol: snapshot.appProtocol,
    ...(snapshot.httpMethod !== undefined ? { httpMethod: snapshot.httpMethod } : {}),
    ...(snapshot.httpPath !== undefined ? { httpPath: snapshot.httpPath } : {}),
    encryption: snapshot.encryption,
    authentication: snapshot.authentication,
    justification: snapshot.justification,
  };
}
