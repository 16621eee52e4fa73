import { describe, expect, it } from "vitest";
import { isPrivateAddress, isPrivateHost, webhookUrlProblem } from "./target";

const strict = { allowPrivateTargets: false };
const lenient = { allowPrivateTargets: true };

describe("webhook target URLs", () => {
  it("accepts public http and https URLs", () => {
    expect(webhookUrlProblem("https://hooks.example.com/concord?team=net", strict)).toBeNull();
    expect(webhookUrlProblem("http://hooks.example.com:8080/in", strict)).toBeNull();
    expect(webhookUrlProblem("https://93.184.215.14/in", strict)).toBeNull();
  });

  it("refuses other schemes, relative URLs, credentials and fragments", () => {
    expect(webhookUrlProblem("ftp://hooks.example.com/", strict)).toMatch(/http or https/);
    expect(webhookUrlProblem("file:///etc/passwd", strict)).toMatch(/http or https/);
    expect(webhookUrlProblem("javascript:alert(1)", strict)).toMatch(/http or https/);
    expect(webhookUrlProblem("/relative/path", strict)).toMatch(/absolute URL/);
    expect(webhookUrlProblem("https://user:pass@hooks.example.com/", strict)).toMatch(/user name or password/);
    expect(webhookUrlProblem("https://token@hooks.example.com/", strict)).toMatch(/user name or password/);
    expect(webhookUrlProblem("https://hooks.example.com/#x", strict)).toMatch(/fragment/);
    expect(webhookUrlProblem(`https://hooks.example.com/${"a".repeat(2100)}`, strict)).toMatch(/at most/);
  });

  it("refuses loopback, private and link-local targets unless allowed", () => {
    for (const url of [
      "http://127.0.0.1:9000/",
      "http://localhost/",
      "http://api.localhost/",
      "http://10.1.2.3/",
      "http://192.168.0.10/",
      "http://172.16.5.5/",
      "http://169.254.169.254/latest/meta-data",
      "http://[::1]/",
      "http://[::ffff:127.0.0.1]/",
      "http://[fd00::1]/",
      "http://0.0.0.0/",
      "http://2130706433/",
    ]) {
      expect(webhookUrlProblem(url, strict), url).toMatch(/loopback, private/);
      expect(webhookUrlProblem(url, lenient), url).toBeNull();
    }
  });

  it("classifies addresses", () => {
    expect(isPrivateAddress("8.8.8.8")).toBe(false);
    expect(isPrivateAddress("2606:4700::1111")).toBe(false);
    expect(isPrivateAddress("100.64.0.1")).toBe(true);
    expect(isPrivateAddress("::ffff:10.0.0.1")).toBe(true);
    expect(isPrivateAddress("not-an-ip")).toBe(false);
    expect(isPrivateHost("LOCALHOST")).toBe(true);
    expect(isPrivateHost("example.com")).toBe(false);
  });
});
