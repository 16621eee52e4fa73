import type { TObservedCoverageRecord } from "@/lib/discovery/coverage";
import type { TPolicyDriftRecord } from "./drift";
import type { ApprovalDecision, ChangeState, ChangeTrack, Classification, Encryption, FlowStatus, SurfaceStatus, Team } from "@/lib/db";

/**
 * The plain rows the indicator formulas read. The loader selects exactly these columns; tests
 * build them by hand. Nothing here touches the database.
 */
export type TSurfaceRecord = {
  id: string;
  name: string;
  status: SurfaceStatus;
  classification: Classification;
  version: number;
  hasFlowMap: boolean;
};

export type TSignOffRecord = { surfaceId: string; version: number; team: Team; active: boolean };

export type TFlowRecord = {
  id: string;
  surfaceId: string;
  surfaceName: string;
  surfaceClassification: Classification;
  sourceLabel: string;
  targetLabel: string;
  /** The zone (a ZONE node) containing each end; null when the node sits in no zone. */
  sourceZoneId: string | null;
  targetZoneId: string | null;
  status: FlowStatus;
  encryption: Encryption;
  ports: string;
  justification: string;
};

export type TChangeRecord = {
  id: string;
  number: number;
  title: string;
  state: ChangeState;
  track: ChangeTrack | null;
  submittedAt: Date | null;
  implementedAt: Date | null;
  rolledBackAt: Date | null;
};

export type TApprovalRecord = { changeId: string; team: Team; decision: ApprovalDecision; active: boolean };

export type TTransitionRecord = { changeId: string; from: ChangeState; to: ChangeState; at: Date };

export type TProgramRecords = {
  /** Observed traffic per surface (discovery), for the coverage indicators; absent where none is loaded. */
  observed?: TObservedCoverageRecord[];
  /** The newest policy drift check of each surface and target; absent where none was recorded. */
  policyDrift?: TPolicyDriftRecord[];
  surfaces: TSurfaceRecord[];
  signOffs: TSignOffRecord[];
  flows: TFlowRecord[];
  changes: TChangeRecord[];
  approvals: TApprovalRecord[];
  transitions: TTransitionRecord[];
};

export const EMPTY_RECORDS: TProgramRecords = { surfaces: [], signOffs: [], flows: [], changes: [], approvals: [], transitions: [] };
