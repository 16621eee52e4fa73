"use client";

import { Field, Input, Select } from "@/components/ui/field";
import { CountedInput } from "@/components/ui/counted-field";
import { CHANGE_TEXT_LIMITS } from "@/lib/changes/schemas";
import { HTTP_METHODS } from "@/lib/maps/model/schemas";

export type TFlowDraft = {
  protocol: "TCP" | "UDP" | "ICMP" | "ANY";
  ports: string;
  appProtocol: string;
  /** Absent: the flow's method and path are left as the map has them. */
  httpMethod?: string;
  httpPath?: string;
  encryption: "NONE" | "TLS" | "MTLS";
  authentication: "NONE" | "TOKEN" | "CERTIFICATE" | "MFA";
  justification: string;
};

export const EMPTY_FLOW: TFlowDraft = {
  protocol: "TCP",
  ports: "443",
  appProtocol: "",
  encryption: "TLS",
  authentication: "TOKEN",
  justification: "",
};

/** The attributes of a flow, edited in place; used for new flows and for narrowing existing ones. */
export function FlowFields({ value, onChange }: { value: TFlowDraft; onChange: (value: TFlowDraft) => void }) {
  const set = <K extends keyof TFlowDraft>(key: K, next: TFlowDraft[K]) => onChange({ ...value, [key]: next });
  return (
    <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
      <Field label="Protocol">
        {(props) => (
          <Select {...props} value={value.protocol} onChange={(event) => set("protocol", event.target.value as TFlowDraft["protocol"])}>
            {["TCP", "UDP", "ICMP", "ANY"].map((protocol) => (
              <option key={protocol}>{protocol}</option>
            ))}
          </Select>
        )}
      </Field>
      <Field label="Ports" hint="443, 80,443 or 8000-8100">
        {(props) => <Input {...props} value={value.ports} onChange={(event) => set("ports", event.target.value)} />}
      </Field>
      <Field label="HTTP method" hint="Enforced at L7 where the target can">
        {(props) => (
          <Select {...props} value={value.httpMethod ?? ""} onChange={(event) => set("httpMethod", event.target.value)}>
            <option value="">Any</option>
            {HTTP_METHODS.map((method) => (
              <option key={method}>{method}</option>
            ))}
          </Select>
        )}
      </Field>
      <Field label="HTTP path" hint="/v1/cards/.* — empty for any">
        {(props) => <Input {...props} value={value.httpPath ?? ""} onChange={(event) => set("httpPath", event.target.value)} />}
      </Field>
      <Field label="Encryption">
        {(props) => (
          <Select
            {...props}
            value={value.encryption}
            onChange={(event) => set("encryption", event.target.value as TFlowDraft["encryption"])}
          >
            <option value="NONE">None</option>
            <option value="TLS">TLS</option>
            <option value="MTLS">mTLS</option>
          </Select>
        )}
      </Field>
      <Field label="Authentication">
        {(props) => (
          <Select
            {...props}
            value={value.authentication}
            onChange={(event) => set("authentication", event.target.value as TFlowDraft["authentication"])}
          >
            <option value="NONE">None</option>
            <option value="TOKEN">Token</option>
            <option value="CERTIFICATE">Certificate</option>
            <option value="MFA">MFA</option>
          </Select>
        )}
      </Field>
      <Field label="Justification">
        {(props) => (
          <CountedInput
            {...props}
            max={CHANGE_TEXT_LIMITS.justification}
            value={value.justification}
            onChange={(event) => set("justification", event.target.value)}
          />
        )}
      </Field>
    </div>
  );
}
