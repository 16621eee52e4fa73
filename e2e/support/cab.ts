import crypto from "node:crypto";
import type { TActor } from "@/lib/auth/actor";
import { actOnMeeting, createMeeting } from "@/lib/cab/service";
import { createChange } from "@/lib/changes/service";
import { submitChange } from "@/lib/changes/workflow";
import { updateOrganizationSettings } from "@/lib/organization/service";
import type { TSurfaceWithMap } from "./records";

const contextOf = (actor: TActor) => ({ actor, requestId: `e2e-${crypto.randomBytes(4).toString("hex")}` });

/**
 * A change awaiting the CAB, made through the services: it opens Partner gateway → Tokenisation
 * service on a PAYMENTS surface (into Restricted, so the agreed rules send it to the CAB).
 */
export async function createChangeInReview(requester: TActor, surface: TSurfaceWithMap, title: string) {
  const change = await createChange(contextOf(requester), {
    title,
    description: "",
    surfaceIds: [surface.id],
    environment: "production",
    operations: [
      {
        kind: "ADD",
        surfaceId: surface.id,
        sourceNodeId: surface.nodeIds.gateway!,
        targetNodeId: surface.nodeIds.token!,
        flow: {
          protocol: "TCP",
          ports: "443",
          appProtocol: "",
          encryption: "MTLS",
          authentication: "CERTIFICATE",
          justification: "Partner detokenisation",
        },
      },
    ],
    implementationPlan: "Push the policy.",
    verificationPlan: "Probe it.",
    rollbackPlan: "Revert it.",
    windowStart: null,
    windowEnd: null,
    ticketLinks: [],
    emergencyReason: null,
  });
  return submitChange(contextOf(requester), change.id);
}

/** A meeting `hoursFromNow` ahead, scheduled by a CAB member through the service. */
export async function scheduleMeeting(chair: TActor, title: string, hoursFromNow: number) {
  return createMeeting(contextOf(chair), {
    title,
    scheduledAt: new Date(Date.now() + hoursFromNow * 3_600_000),
    pastRecord: false,
    attendeeIds: [],
  });
}

export async function setOrganizationTimeZone(admin: TActor, timeZone: string) {
  await updateOrganizationSettings(contextOf(admin), { timeZone });
}

export async function startMeeting(chair: TActor, meetingId: string) {
  return actOnMeeting(contextOf(chair), meetingId, { action: "start" });
}
