import { apiRoute } from "@/lib/api/route";
import { ZChangeIdParams, ZTransitionInput } from "@/lib/changes/schemas";
import { transitionChange } from "@/lib/changes/workflow";

// Permission is checked per action in the service (sending back for information is a CAB act).
export const POST = apiRoute(
  { permission: "change.read", params: ZChangeIdParams, body: ZTransitionInput, decision: (body) => body.action === "verify" },
  async ({ context, params, body }) => transitionChange(context, params.id, body),
);
