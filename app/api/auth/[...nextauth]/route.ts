import NextAuth from "next-auth";
import { getAuthOptions } from "@/lib/auth/options";

async function handler(request: Request, context: { params: Promise<{ nextauth: string[] }> }) {
  return NextAuth(request as never, { params: await context.params } as never, getAuthOptions()) as Promise<Response>;
}

export { handler as GET, handler as POST };
