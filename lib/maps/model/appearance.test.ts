import { describe, expect, it } from "vitest";
import { describeFlow } from "./appearance";

const flow = { protocol: "TCP" as const, ports: "8443", appProtocol: "https", encryption: "MTLS" as const };

describe("a flow's label on the canvas", () => {
  it("reads transport, application protocol and encryption", () => {
    expect(describeFlow(flow)).toBe("TCP 8443 https · mTLS");
    expect(describeFlow({ ...flow, ports: "", appProtocol: "", encryption: "NONE" })).toBe("TCP");
  });

  it("names the HTTP method and path a flow is held to, cutting a long rule with an ellipsis", () => {
    expect(describeFlow({ ...flow, httpMethod: "POST", httpPath: "/v1/tokens" })).toBe("TCP 8443 https POST /v1/tokens · mTLS");
    expect(describeFlow({ ...flow, httpMethod: "", httpPath: "" })).toBe("TCP 8443 https · mTLS");
    const long = describeFlow({ ...flow, httpMethod: "GET", httpPath: "/v1/settlements/batches/[0-9]+/lines" });
    expect(long).toBe("TCP 8443 https GET /v1/settlements/batches… · mTLS");
  });
});
