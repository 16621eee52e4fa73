import { apiRoute } from "@/lib/api/route";
import { passkeyAuthenticationOptions } from "@/lib/mfa/passkeys";

/** Public: the sign-in form asks for a challenge before the person is known. */
export const POST = apiRoute({ permission: null }, async () => passkeyAuthenticationOptions());
