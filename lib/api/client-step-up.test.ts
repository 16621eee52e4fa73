import { afterEach, describe, expect, it, vi } from "vitest";
import { ApiRequestError, apiFetch, setStepUpPrompt } from "./client";

const stepUpRefusal = () =>
  new Response(JSON.stringify({ error: { code: "step_up_required", message: "Confirm it is you.", methods: ["totp", "recovery_code"] } }), {
    status: 403,
  });
const ok = () => new Response(JSON.stringify({ voted: true }), { status: 200 });

afterEach(() => {
  setStepUpPrompt(null);
  vi.unstubAllGlobals();
});

describe("a decision refused for want of a step-up", () => {
  it("asks once, then sends the very same request again", async () => {
    const fetch = vi.fn().mockResolvedValueOnce(stepUpRefusal()).mockResolvedValueOnce(ok());
    vi.stubGlobal("fetch", fetch);
    const prompt = vi.fn().mockResolvedValue(true);
    setStepUpPrompt(prompt);
    await expect(
      apiFetch("/api/v1/changes/1/approvals", { method: "POST", body: { decision: "APPROVE", comment: "fine" } }),
    ).resolves.toEqual({ voted: true });
    expect(prompt).toHaveBeenCalledWith(["totp", "recovery_code"]);
    expect(fetch).toHaveBeenCalledTimes(2);
    expect(fetch.mock.calls[1]).toEqual(fetch.mock.calls[0]);
  });

  it("gives up with the refusal when the person cancels, sending nothing more", async () => {
    const fetch = vi.fn().mockResolvedValueOnce(stepUpRefusal());
    vi.stubGlobal("fetch", fetch);
    setStepUpPrompt(vi.fn().mockResolvedValue(false));
    await expect(apiFetch("/api/v1/changes/1/approvals", { method: "POST", body: {} })).rejects.toMatchObject({
      status: 403,
      code: "step_up_required",
    });
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it("does not prompt for other refusals", async () => {
    vi.stubGlobal(
      "fetch",
      vi.fn().mockResolvedValueOnce(new Response(JSON.stringify({ error: { code: "forbidden", message: "No." } }), { status: 403 })),
    );
    const prompt = vi.fn();
    setStepUpPrompt(prompt);
    await expect(apiFetch("/api/v1/x", { method: "POST" })).rejects.toBeInstanceOf(ApiRequestError);
    expect(prompt).not.toHaveBeenCalled();
  });
});
