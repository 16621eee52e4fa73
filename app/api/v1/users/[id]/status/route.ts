import { z } from "zod";
import { apiRoute } from "@/lib/api/route";
import { ZIdParams, ZUserStatus } from "@/lib/users/schemas";
import { setUserStatus } from "@/lib/users/service";

export const PUT = apiRoute(
  { permission: "admin.users", decision: true, params: ZIdParams, body: z.object({ status: ZUserStatus }) },
  async ({ context, params, body }) => setUserStatus(context, params.id, body.status),
);
