import { describe, expect, it } from "vitest";
import { describeFlow } from "./describe-flow";

const flow = {
  sourceLabel: "Payment API",
  targetLabel: "Tokeniser",
  protocol: "TCP",
  ports: "8443",
  encryption: "MTLS",
  authentication: "CERTIFICATE",
};

describe("one line for a flow", () => {
  it("names its end points, transport, encryption and authentication in words", () => {
    expect(describeFlow(flow)).toBe("Payment API → Tokeniser · TCP/8443 · mTLS · auth Certificate");
  });

  it("adds the HTTP method and path it names, and nothing when they are empty or absent", () => {
    expect(describeFlow({ ...flow, httpMethod: "POST", httpPath: "/v1/tokens" })).toContain("TCP/8443 · HTTP POST /v1/tokens · mTLS");
    expect(describeFlow({ ...flow, httpPath: "/health" })).toContain("· HTTP /health ·");
    expect(describeFlow({ ...flow, httpMethod: "", httpPath: "" })).toBe(describeFlow(flow));
  });
});
