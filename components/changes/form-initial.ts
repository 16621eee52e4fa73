import type { TChange } from "@/lib/changes/read";
import type { TChangeFormInitial } from "./change-form";
import { describeFlow } from "./describe-flow";

/** datetime-local wants local wall time without a zone. */
function toLocalInput(iso: string | null): string {
  if (!iso) return "";
  const date = new Date(iso);
  const pad = (value: number) => String(value).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** The edit form's starting point, built from the stored change. */
export function toFormInitial(change: TChange): TChangeFormInitial {
  return {
    id: change.id,
    version: change.version,
    state: change.state,
    form: {
      title: change.title,
      description: change.description,
      environment: change.environment,
      implementationPlan: change.implementationPlan,
      verificationPlan: change.verificationPlan,
      rollbackPlan: change.rollbackPlan,
      windowStart: toLocalInput(change.windowStart),
      windowEnd: toLocalInput(change.windowEnd),
      emergency: Boolean(change.emergencyReason),
      emergencyReason: change.emergencyReason ?? "",
    },
    surfaceIds: change.surfaces.map((surface) => surface.id),
    operations: change.operations.flatMap((operation): TChangeFormInitial["operations"] => {
      const { before, after } = operation;
      if (operation.kind === "ADD" && after) {
        const { sourceId, targetId, sourceLabel: _source, targetLabel: _target, ...flow } = after;
        return [
          {
            kind: "ADD",
            surfaceId: operation.surfaceId,
            sourceNodeId: sourceId,
            targetNodeId: targetId,
            flow,
            label: `Add ${describeFlow(after)}`,
          },
        ];
      }
      if (!operation.edgeId || !before) return [];
      if (operation.kind === "REMOVE")
        return [{ kind: "REMOVE", surfaceId: operation.surfaceId, edgeId: operation.edgeId, label: `Remove ${describeFlow(before)}` }];
      if (!after) return [];
      const { protocol, ports, appProtocol, httpMethod, httpPath, encryption, authentication, justification } = after;
      return [
        {
          kind: "MODIFY",
          surfaceId: operation.surfaceId,
          edgeId: operation.edgeId,
          flow: { protocol, ports, appProtocol, httpMethod, httpPath, encryption, authentication, justification },
          label: `Modify ${describeFlow(before)} → ${protocol}/${ports} ${encryption}`,
        },
      ];
    }),
  };
}
