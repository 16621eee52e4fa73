import http from "node:http";
import https from "node:https";
import { PEER_ADDRESS_HEADER } from "./client-address";

const installed = Symbol.for("concord.peerAddressHeader");

/**
 * Route handlers never see the socket, and Next only fills X-Forwarded-For when the client did not
 * send one. So every request gets the socket's peer address under a header of our own, overwriting
 * any copy the client sent. Installed once per process from instrumentation.ts.
 */
export function installPeerAddressHeader(): void {
  for (const Server of [http.Server, https.Server]) {
    const prototype = Server.prototype as http.Server & { [installed]?: boolean };
    if (prototype[installed]) continue;
    prototype[installed] = true;
    const emit = prototype.emit as (this: http.Server, event: string | symbol, ...args: unknown[]) => boolean;
    prototype.emit = function emitWithPeer(this: http.Server, event: string | symbol, ...args: unknown[]) {
      if (event === "request") {
        const request = args[0] as http.IncomingMessage;
        request.headers[PEER_ADDRESS_HEADER] = request.socket?.remoteAddress ?? "";
      }
      return emit.call(this, event, ...args);
    } as typeof prototype.emit;
  }
}
