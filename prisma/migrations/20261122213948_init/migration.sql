-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "Team" AS ENUM ('NETOPS', 'SECOPS', 'LEADERSHIP');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('VIEWER', 'CONTRIBUTOR', 'CAB_MEMBER', 'EXECUTIVE', 'ADMIN');

-- CreateEnum
CREATE TYPE "UserStatus" AS ENUM ('ACTIVE', 'DISABLED');

-- CreateEnum
CREATE TYPE "Classification" AS ENUM ('PUBLIC', 'INTERNAL', 'CONFIDENTIAL', 'RESTRICTED');

-- CreateEnum
CREATE TYPE "Criticality" AS ENUM ('LOW', 'MEDIUM', 'HIGH', 'CRITICAL');

-- CreateEnum
CREATE TYPE "SurfaceStatus" AS ENUM ('DRAFT', 'IN_REVIEW', 'AGREED');

-- CreateEnum
CREATE TYPE "DaasType" AS ENUM ('DATA', 'APPLICATION', 'ASSET', 'SERVICE');

-- CreateEnum
CREATE TYPE "NodeKind" AS ENUM ('USER_GROUP', 'DEVICE', 'WORKLOAD', 'SERVICE', 'DATASTORE', 'EXTERNAL', 'ZONE');

-- CreateEnum
CREATE TYPE "FlowStatus" AS ENUM ('OBSERVED', 'PROPOSED', 'APPROVED', 'DENIED');

-- CreateEnum
CREATE TYPE "Protocol" AS ENUM ('TCP', 'UDP', 'ICMP', 'ANY');

-- CreateEnum
CREATE TYPE "Encryption" AS ENUM ('NONE', 'TLS', 'MTLS');

-- CreateEnum
CREATE TYPE "FlowAuthentication" AS ENUM ('NONE', 'TOKEN', 'CERTIFICATE', 'MFA');

-- CreateEnum
CREATE TYPE "ChangeState" AS ENUM ('DRAFT', 'SUBMITTED', 'PRE_APPROVED', 'CAB_REVIEW', 'EMERGENCY', 'APPROVED', 'REJECTED', 'NEEDS_INFO', 'SCHEDULED', 'IMPLEMENTED', 'VERIFIED', 'ROLLED_BACK', 'CLOSED');

-- CreateEnum
CREATE TYPE "ChangeTrack" AS ENUM ('PRE_APPROVED', 'CAB', 'EMERGENCY');

-- CreateEnum
CREATE TYPE "FlowOpKind" AS ENUM ('ADD', 'MODIFY', 'REMOVE');

-- CreateEnum
CREATE TYPE "ApprovalDecision" AS ENUM ('APPROVE', 'REJECT');

-- CreateEnum
CREATE TYPE "ProposalStatus" AS ENUM ('PROPOSED', 'ACTIVE', 'RETIRED');

-- CreateEnum
CREATE TYPE "MaturityStage" AS ENUM ('TRADITIONAL', 'INITIAL', 'ADVANCED', 'OPTIMAL');

-- CreateEnum
CREATE TYPE "MetricDirection" AS ENUM ('HIGHER_IS_BETTER', 'LOWER_IS_BETTER');

-- CreateTable
CREATE TABLE "User" (
    "id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "team" "Team" NOT NULL,
    "roles" "Role"[],
    "status" "UserStatus" NOT NULL DEFAULT 'ACTIVE',
    "passwordHash" TEXT,
    "oidcSubject" TEXT,
    "mfaEnabled" BOOLEAN NOT NULL DEFAULT false,
    "lastLoginAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Session" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "revokedAt" TIMESTAMP(3),
    "userAgent" TEXT,
    "ip" TEXT,

    CONSTRAINT "Session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApiToken" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "userId" UUID NOT NULL,
    "scopes" TEXT[],
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "ApiToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" BIGSERIAL NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    "actorId" UUID,
    "actorLabel" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB,
    "requestId" TEXT NOT NULL,
    "prevHash" TEXT NOT NULL,
    "hash" TEXT NOT NULL,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProtectSurface" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "purpose" TEXT NOT NULL DEFAULT '',
    "classification" "Classification" NOT NULL,
    "classificationOverride" "Classification",
    "criticality" "Criticality" NOT NULL,
    "environment" TEXT NOT NULL DEFAULT 'production',
    "businessOwner" TEXT NOT NULL DEFAULT '',
    "netopsOwnerId" UUID,
    "secopsOwnerId" UUID,
    "tags" TEXT[],
    "notes" TEXT NOT NULL DEFAULT '',
    "status" "SurfaceStatus" NOT NULL DEFAULT 'DRAFT',
    "version" INTEGER NOT NULL DEFAULT 1,
    "contentHash" TEXT NOT NULL,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "agreedAt" TIMESTAMP(3),

    CONSTRAINT "ProtectSurface_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DaasElement" (
    "id" UUID NOT NULL,
    "surfaceId" UUID NOT NULL,
    "type" "DaasType" NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "classification" "Classification" NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "DaasElement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SurfaceVersion" (
    "id" UUID NOT NULL,
    "surfaceId" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "snapshot" JSONB NOT NULL,
    "contentHash" TEXT NOT NULL,
    "authorId" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "agreedAt" TIMESTAMP(3),

    CONSTRAINT "SurfaceVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SurfaceSignOff" (
    "id" UUID NOT NULL,
    "surfaceId" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "contentHash" TEXT NOT NULL,
    "userId" UUID NOT NULL,
    "team" "Team" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "withdrawnAt" TIMESTAMP(3),
    "voidedAt" TIMESTAMP(3),

    CONSTRAINT "SurfaceSignOff_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SurfaceDelegate" (
    "id" UUID NOT NULL,
    "surfaceId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "team" "Team" NOT NULL,
    "grantedById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SurfaceDelegate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Comment" (
    "id" UUID NOT NULL,
    "surfaceId" UUID NOT NULL,
    "elementId" UUID,
    "parentId" UUID,
    "authorId" UUID NOT NULL,
    "body" TEXT NOT NULL,
    "mentions" UUID[],
    "resolvedAt" TIMESTAMP(3),
    "resolvedById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Comment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Decision" (
    "id" UUID NOT NULL,
    "surfaceId" UUID NOT NULL,
    "text" TEXT NOT NULL,
    "recordedById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Decision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "KiplingStatement" (
    "id" UUID NOT NULL,
    "surfaceId" UUID NOT NULL,
    "who" TEXT NOT NULL,
    "what" TEXT NOT NULL,
    "when" TEXT NOT NULL,
    "where" TEXT NOT NULL,
    "why" TEXT NOT NULL,
    "how" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "KiplingStatement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FlowMap" (
    "id" UUID NOT NULL,
    "surfaceId" UUID NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "FlowMap_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FlowNode" (
    "id" UUID NOT NULL,
    "mapId" UUID NOT NULL,
    "kind" "NodeKind" NOT NULL,
    "label" TEXT NOT NULL,
    "identity" TEXT NOT NULL DEFAULT '',
    "labels" JSONB NOT NULL DEFAULT '{}',
    "addresses" TEXT[],
    "zoneId" UUID,
    "environment" TEXT NOT NULL DEFAULT '',
    "notes" TEXT NOT NULL DEFAULT '',
    "daasElementId" UUID,
    "x" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "y" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "width" DOUBLE PRECISION,
    "height" DOUBLE PRECISION,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "FlowNode_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FlowEdge" (
    "id" UUID NOT NULL,
    "mapId" UUID NOT NULL,
    "sourceId" UUID NOT NULL,
    "targetId" UUID NOT NULL,
    "protocol" "Protocol" NOT NULL DEFAULT 'TCP',
    "ports" TEXT NOT NULL DEFAULT '',
    "appProtocol" TEXT NOT NULL DEFAULT '',
    "principal" TEXT NOT NULL DEFAULT '',
    "encryption" "Encryption" NOT NULL DEFAULT 'NONE',
    "authentication" "FlowAuthentication" NOT NULL DEFAULT 'NONE',
    "status" "FlowStatus" NOT NULL DEFAULT 'PROPOSED',
    "justification" TEXT NOT NULL DEFAULT '',
    "ownerId" UUID,
    "statementId" UUID,
    "connections" BIGINT,
    "bytes" BIGINT,
    "firstSeen" TIMESTAMP(3),
    "lastSeen" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "FlowEdge_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MapEvent" (
    "id" BIGSERIAL NOT NULL,
    "mapId" UUID NOT NULL,
    "mapVersion" INTEGER NOT NULL,
    "actorId" UUID,
    "kind" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB,
    "changeId" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MapEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Change" (
    "id" UUID NOT NULL,
    "number" SERIAL NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "requesterId" UUID NOT NULL,
    "state" "ChangeState" NOT NULL DEFAULT 'DRAFT',
    "track" "ChangeTrack",
    "riskScore" INTEGER NOT NULL DEFAULT 0,
    "emergencyReason" TEXT,
    "environment" TEXT NOT NULL DEFAULT 'production',
    "implementationPlan" TEXT NOT NULL DEFAULT '',
    "verificationPlan" TEXT NOT NULL DEFAULT '',
    "rollbackPlan" TEXT NOT NULL DEFAULT '',
    "windowStart" TIMESTAMP(3),
    "windowEnd" TIMESTAMP(3),
    "ticketLinks" TEXT[],
    "classification" JSONB,
    "templateId" UUID,
    "requiredApprovals" INTEGER NOT NULL DEFAULT 2,
    "contentHash" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "submittedAt" TIMESTAMP(3),
    "decidedAt" TIMESTAMP(3),
    "scheduledAt" TIMESTAMP(3),
    "implementedAt" TIMESTAMP(3),
    "verifiedAt" TIMESTAMP(3),
    "rolledBackAt" TIMESTAMP(3),
    "closedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Change_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChangeSurface" (
    "changeId" UUID NOT NULL,
    "surfaceId" UUID NOT NULL,

    CONSTRAINT "ChangeSurface_pkey" PRIMARY KEY ("changeId","surfaceId")
);

-- CreateTable
CREATE TABLE "FlowOperation" (
    "id" UUID NOT NULL,
    "changeId" UUID NOT NULL,
    "surfaceId" UUID NOT NULL,
    "kind" "FlowOpKind" NOT NULL,
    "edgeId" UUID,
    "before" JSONB,
    "after" JSONB,
    "position" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "FlowOperation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChangeApproval" (
    "id" UUID NOT NULL,
    "changeId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "team" "Team" NOT NULL,
    "decision" "ApprovalDecision" NOT NULL,
    "comment" TEXT NOT NULL DEFAULT '',
    "contentHash" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "voidedAt" TIMESTAMP(3),

    CONSTRAINT "ChangeApproval_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChangeTransition" (
    "id" UUID NOT NULL,
    "changeId" UUID NOT NULL,
    "from" "ChangeState" NOT NULL,
    "to" "ChangeState" NOT NULL,
    "actorId" UUID NOT NULL,
    "reason" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ChangeTransition_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ClassificationRule" (
    "id" UUID NOT NULL,
    "ruleKey" TEXT NOT NULL,
    "revision" INTEGER NOT NULL DEFAULT 1,
    "name" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "condition" JSONB NOT NULL,
    "outcome" TEXT NOT NULL,
    "riskPoints" INTEGER NOT NULL DEFAULT 0,
    "extraApprovers" INTEGER NOT NULL DEFAULT 0,
    "rationale" TEXT NOT NULL,
    "status" "ProposalStatus" NOT NULL DEFAULT 'PROPOSED',
    "authorId" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "activatedAt" TIMESTAMP(3),
    "retiredAt" TIMESTAMP(3),

    CONSTRAINT "ClassificationRule_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RuleApproval" (
    "id" UUID NOT NULL,
    "ruleId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "team" "Team" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RuleApproval_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChangeTemplate" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "parameters" JSONB NOT NULL,
    "status" "ProposalStatus" NOT NULL DEFAULT 'PROPOSED',
    "authorId" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "activatedAt" TIMESTAMP(3),

    CONSTRAINT "ChangeTemplate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TemplateApproval" (
    "id" UUID NOT NULL,
    "templateId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "team" "Team" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TemplateApproval_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BlackoutWindow" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "startsAt" TIMESTAMP(3) NOT NULL,
    "endsAt" TIMESTAMP(3) NOT NULL,
    "surfaceId" UUID,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "BlackoutWindow_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CabMeeting" (
    "id" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "scheduledAt" TIMESTAMP(3) NOT NULL,
    "startedAt" TIMESTAMP(3),
    "endedAt" TIMESTAMP(3),
    "minutes" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CabMeeting_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CabAttendee" (
    "meetingId" UUID NOT NULL,
    "userId" UUID NOT NULL,

    CONSTRAINT "CabAttendee_pkey" PRIMARY KEY ("meetingId","userId")
);

-- CreateTable
CREATE TABLE "CabAgendaItem" (
    "id" UUID NOT NULL,
    "meetingId" UUID NOT NULL,
    "changeId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "retrospective" BOOLEAN NOT NULL DEFAULT false,
    "outcome" TEXT,

    CONSTRAINT "CabAgendaItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CabVote" (
    "id" UUID NOT NULL,
    "agendaItemId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "decision" "ApprovalDecision" NOT NULL,
    "comment" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CabVote_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "type" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL DEFAULT '',
    "link" TEXT,
    "readAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WebhookSubscription" (
    "id" UUID NOT NULL,
    "url" TEXT NOT NULL,
    "eventTypes" TEXT[],
    "secret" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WebhookSubscription_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OutboxMessage" (
    "id" BIGSERIAL NOT NULL,
    "subscriptionId" UUID NOT NULL,
    "eventType" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastError" TEXT,
    "deliveredAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OutboxMessage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MaturityCatalog" (
    "id" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "version" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "definition" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MaturityCatalog_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MaturityAssessment" (
    "id" UUID NOT NULL,
    "catalogId" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "assessedOn" DATE NOT NULL,
    "netopsAssessorId" UUID NOT NULL,
    "secopsAssessorId" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MaturityAssessment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MaturityScore" (
    "id" UUID NOT NULL,
    "assessmentId" UUID NOT NULL,
    "functionKey" TEXT NOT NULL,
    "netopsStage" "MaturityStage",
    "secopsStage" "MaturityStage",
    "targetStage" "MaturityStage",
    "targetDate" DATE,
    "evidence" TEXT NOT NULL DEFAULT '',
    "links" TEXT[],
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MaturityScore_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "KpiDefinition" (
    "id" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "unit" TEXT NOT NULL,
    "direction" "MetricDirection" NOT NULL,
    "target" DOUBLE PRECISION,
    "description" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "KpiDefinition_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "KpiReading" (
    "id" UUID NOT NULL,
    "kpiId" UUID NOT NULL,
    "value" DOUBLE PRECISION NOT NULL,
    "observedAt" TIMESTAMP(3) NOT NULL,
    "recordedById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "KpiReading_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MetricSnapshot" (
    "id" UUID NOT NULL,
    "metricKey" TEXT NOT NULL,
    "takenOn" DATE NOT NULL,
    "value" DOUBLE PRECISION NOT NULL,
    "detail" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MetricSnapshot_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Objective" (
    "id" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "netopsLeadId" UUID NOT NULL,
    "secopsLeadId" UUID NOT NULL,
    "dueDate" DATE,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Objective_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "KeyResult" (
    "id" UUID NOT NULL,
    "objectiveId" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "metricKey" TEXT NOT NULL,
    "baseline" DOUBLE PRECISION NOT NULL,
    "target" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "KeyResult_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE UNIQUE INDEX "User_oidcSubject_key" ON "User"("oidcSubject");

-- CreateIndex
CREATE INDEX "Session_userId_idx" ON "Session"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "ApiToken_tokenHash_key" ON "ApiToken"("tokenHash");

-- CreateIndex
CREATE UNIQUE INDEX "AuditEvent_hash_key" ON "AuditEvent"("hash");

-- CreateIndex
CREATE INDEX "AuditEvent_entityType_entityId_idx" ON "AuditEvent"("entityType", "entityId");

-- CreateIndex
CREATE INDEX "AuditEvent_actorId_idx" ON "AuditEvent"("actorId");

-- CreateIndex
CREATE INDEX "AuditEvent_action_idx" ON "AuditEvent"("action");

-- CreateIndex
CREATE INDEX "AuditEvent_createdAt_idx" ON "AuditEvent"("createdAt");

-- CreateIndex
CREATE INDEX "ProtectSurface_status_idx" ON "ProtectSurface"("status");

-- CreateIndex
CREATE INDEX "ProtectSurface_classification_idx" ON "ProtectSurface"("classification");

-- CreateIndex
CREATE INDEX "ProtectSurface_criticality_idx" ON "ProtectSurface"("criticality");

-- CreateIndex
CREATE INDEX "ProtectSurface_name_idx" ON "ProtectSurface"("name");

-- CreateIndex
CREATE INDEX "ProtectSurface_updatedAt_idx" ON "ProtectSurface"("updatedAt");

-- CreateIndex
CREATE INDEX "DaasElement_surfaceId_idx" ON "DaasElement"("surfaceId");

-- CreateIndex
CREATE UNIQUE INDEX "SurfaceVersion_surfaceId_version_key" ON "SurfaceVersion"("surfaceId", "version");

-- CreateIndex
CREATE INDEX "SurfaceSignOff_surfaceId_version_idx" ON "SurfaceSignOff"("surfaceId", "version");

-- CreateIndex
CREATE UNIQUE INDEX "SurfaceDelegate_surfaceId_userId_key" ON "SurfaceDelegate"("surfaceId", "userId");

-- CreateIndex
CREATE INDEX "Comment_surfaceId_idx" ON "Comment"("surfaceId");

-- CreateIndex
CREATE INDEX "Decision_surfaceId_idx" ON "Decision"("surfaceId");

-- CreateIndex
CREATE INDEX "KiplingStatement_surfaceId_idx" ON "KiplingStatement"("surfaceId");

-- CreateIndex
CREATE UNIQUE INDEX "FlowMap_surfaceId_key" ON "FlowMap"("surfaceId");

-- CreateIndex
CREATE INDEX "FlowNode_mapId_idx" ON "FlowNode"("mapId");

-- CreateIndex
CREATE INDEX "FlowEdge_mapId_idx" ON "FlowEdge"("mapId");

-- CreateIndex
CREATE INDEX "FlowEdge_status_idx" ON "FlowEdge"("status");

-- CreateIndex
CREATE INDEX "MapEvent_mapId_mapVersion_idx" ON "MapEvent"("mapId", "mapVersion");

-- CreateIndex
CREATE UNIQUE INDEX "MapEvent_mapId_mapVersion_entityId_key" ON "MapEvent"("mapId", "mapVersion", "entityId");

-- CreateIndex
CREATE UNIQUE INDEX "Change_number_key" ON "Change"("number");

-- CreateIndex
CREATE INDEX "Change_state_idx" ON "Change"("state");

-- CreateIndex
CREATE INDEX "Change_track_idx" ON "Change"("track");

-- CreateIndex
CREATE INDEX "Change_createdAt_idx" ON "Change"("createdAt");

-- CreateIndex
CREATE INDEX "ChangeSurface_surfaceId_idx" ON "ChangeSurface"("surfaceId");

-- CreateIndex
CREATE INDEX "FlowOperation_changeId_idx" ON "FlowOperation"("changeId");

-- CreateIndex
CREATE INDEX "ChangeApproval_changeId_idx" ON "ChangeApproval"("changeId");

-- CreateIndex
CREATE INDEX "ChangeTransition_changeId_idx" ON "ChangeTransition"("changeId");

-- CreateIndex
CREATE INDEX "ClassificationRule_status_position_idx" ON "ClassificationRule"("status", "position");

-- CreateIndex
CREATE UNIQUE INDEX "ClassificationRule_ruleKey_revision_key" ON "ClassificationRule"("ruleKey", "revision");

-- CreateIndex
CREATE UNIQUE INDEX "RuleApproval_ruleId_userId_key" ON "RuleApproval"("ruleId", "userId");

-- CreateIndex
CREATE UNIQUE INDEX "TemplateApproval_templateId_userId_key" ON "TemplateApproval"("templateId", "userId");

-- CreateIndex
CREATE INDEX "BlackoutWindow_startsAt_endsAt_idx" ON "BlackoutWindow"("startsAt", "endsAt");

-- CreateIndex
CREATE UNIQUE INDEX "CabAgendaItem_meetingId_changeId_key" ON "CabAgendaItem"("meetingId", "changeId");

-- CreateIndex
CREATE UNIQUE INDEX "CabVote_agendaItemId_userId_key" ON "CabVote"("agendaItemId", "userId");

-- CreateIndex
CREATE INDEX "Notification_userId_readAt_idx" ON "Notification"("userId", "readAt");

-- CreateIndex
CREATE INDEX "OutboxMessage_deliveredAt_nextAttemptAt_idx" ON "OutboxMessage"("deliveredAt", "nextAttemptAt");

-- CreateIndex
CREATE UNIQUE INDEX "MaturityCatalog_key_version_key" ON "MaturityCatalog"("key", "version");

-- CreateIndex
CREATE UNIQUE INDEX "MaturityScore_assessmentId_functionKey_key" ON "MaturityScore"("assessmentId", "functionKey");

-- CreateIndex
CREATE UNIQUE INDEX "KpiDefinition_key_key" ON "KpiDefinition"("key");

-- CreateIndex
CREATE INDEX "KpiReading_kpiId_observedAt_idx" ON "KpiReading"("kpiId", "observedAt");

-- CreateIndex
CREATE UNIQUE INDEX "MetricSnapshot_metricKey_takenOn_key" ON "MetricSnapshot"("metricKey", "takenOn");

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiToken" ADD CONSTRAINT "ApiToken_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProtectSurface" ADD CONSTRAINT "ProtectSurface_netopsOwnerId_fkey" FOREIGN KEY ("netopsOwnerId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProtectSurface" ADD CONSTRAINT "ProtectSurface_secopsOwnerId_fkey" FOREIGN KEY ("secopsOwnerId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProtectSurface" ADD CONSTRAINT "ProtectSurface_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DaasElement" ADD CONSTRAINT "DaasElement_surfaceId_fkey" FOREIGN KEY ("surfaceId") REFERENCES "ProtectSurface"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SurfaceVersion" ADD CONSTRAINT "SurfaceVersion_surfaceId_fkey" FOREIGN KEY ("surfaceId") REFERENCES "ProtectSurface"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SurfaceVersion" ADD CONSTRAINT "SurfaceVersion_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SurfaceSignOff" ADD CONSTRAINT "SurfaceSignOff_surfaceId_fkey" FOREIGN KEY ("surfaceId") REFERENCES "ProtectSurface"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SurfaceSignOff" ADD CONSTRAINT "SurfaceSignOff_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SurfaceDelegate" ADD CONSTRAINT "SurfaceDelegate_surfaceId_fkey" FOREIGN KEY ("surfaceId") REFERENCES "ProtectSurface"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SurfaceDelegate" ADD CONSTRAINT "SurfaceDelegate_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SurfaceDelegate" ADD CONSTRAINT "SurfaceDelegate_grantedById_fkey" FOREIGN KEY ("grantedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_surfaceId_fkey" FOREIGN KEY ("surfaceId") REFERENCES "ProtectSurface"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_elementId_fkey" FOREIGN KEY ("elementId") REFERENCES "DaasElement"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Comment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_resolvedById_fkey" FOREIGN KEY ("resolvedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Decision" ADD CONSTRAINT "Decision_surfaceId_fkey" FOREIGN KEY ("surfaceId") REFERENCES "ProtectSurface"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Decision" ADD CONSTRAINT "Decision_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "KiplingStatement" ADD CONSTRAINT "KiplingStatement_surfaceId_fkey" FOREIGN KEY ("surfaceId") REFERENCES "ProtectSurface"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FlowMap" ADD CONSTRAINT "FlowMap_surfaceId_fkey" FOREIGN KEY ("surfaceId") REFERENCES "ProtectSurface"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FlowNode" ADD CONSTRAINT "FlowNode_mapId_fkey" FOREIGN KEY ("mapId") REFERENCES "FlowMap"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FlowNode" ADD CONSTRAINT "FlowNode_zoneId_fkey" FOREIGN KEY ("zoneId") REFERENCES "FlowNode"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FlowNode" ADD CONSTRAINT "FlowNode_daasElementId_fkey" FOREIGN KEY ("daasElementId") REFERENCES "DaasElement"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FlowEdge" ADD CONSTRAINT "FlowEdge_mapId_fkey" FOREIGN KEY ("mapId") REFERENCES "FlowMap"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FlowEdge" ADD CONSTRAINT "FlowEdge_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "FlowNode"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FlowEdge" ADD CONSTRAINT "FlowEdge_targetId_fkey" FOREIGN KEY ("targetId") REFERENCES "FlowNode"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FlowEdge" ADD CONSTRAINT "FlowEdge_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FlowEdge" ADD CONSTRAINT "FlowEdge_statementId_fkey" FOREIGN KEY ("statementId") REFERENCES "KiplingStatement"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MapEvent" ADD CONSTRAINT "MapEvent_mapId_fkey" FOREIGN KEY ("mapId") REFERENCES "FlowMap"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MapEvent" ADD CONSTRAINT "MapEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MapEvent" ADD CONSTRAINT "MapEvent_changeId_fkey" FOREIGN KEY ("changeId") REFERENCES "Change"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Change" ADD CONSTRAINT "Change_requesterId_fkey" FOREIGN KEY ("requesterId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Change" ADD CONSTRAINT "Change_templateId_fkey" FOREIGN KEY ("templateId") REFERENCES "ChangeTemplate"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChangeSurface" ADD CONSTRAINT "ChangeSurface_changeId_fkey" FOREIGN KEY ("changeId") REFERENCES "Change"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChangeSurface" ADD CONSTRAINT "ChangeSurface_surfaceId_fkey" FOREIGN KEY ("surfaceId") REFERENCES "ProtectSurface"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FlowOperation" ADD CONSTRAINT "FlowOperation_changeId_fkey" FOREIGN KEY ("changeId") REFERENCES "Change"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FlowOperation" ADD CONSTRAINT "FlowOperation_surfaceId_fkey" FOREIGN KEY ("surfaceId") REFERENCES "ProtectSurface"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FlowOperation" ADD CONSTRAINT "FlowOperation_edgeId_fkey" FOREIGN KEY ("edgeId") REFERENCES "FlowEdge"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChangeApproval" ADD CONSTRAINT "ChangeApproval_changeId_fkey" FOREIGN KEY ("changeId") REFERENCES "Change"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChangeApproval" ADD CONSTRAINT "ChangeApproval_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChangeTransition" ADD CONSTRAINT "ChangeTransition_changeId_fkey" FOREIGN KEY ("changeId") REFERENCES "Change"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChangeTransition" ADD CONSTRAINT "ChangeTransition_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClassificationRule" ADD CONSTRAINT "ClassificationRule_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RuleApproval" ADD CONSTRAINT "RuleApproval_ruleId_fkey" FOREIGN KEY ("ruleId") REFERENCES "ClassificationRule"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RuleApproval" ADD CONSTRAINT "RuleApproval_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChangeTemplate" ADD CONSTRAINT "ChangeTemplate_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TemplateApproval" ADD CONSTRAINT "TemplateApproval_templateId_fkey" FOREIGN KEY ("templateId") REFERENCES "ChangeTemplate"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TemplateApproval" ADD CONSTRAINT "TemplateApproval_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BlackoutWindow" ADD CONSTRAINT "BlackoutWindow_surfaceId_fkey" FOREIGN KEY ("surfaceId") REFERENCES "ProtectSurface"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BlackoutWindow" ADD CONSTRAINT "BlackoutWindow_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CabAttendee" ADD CONSTRAINT "CabAttendee_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "CabMeeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CabAttendee" ADD CONSTRAINT "CabAttendee_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CabAgendaItem" ADD CONSTRAINT "CabAgendaItem_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "CabMeeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CabAgendaItem" ADD CONSTRAINT "CabAgendaItem_changeId_fkey" FOREIGN KEY ("changeId") REFERENCES "Change"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CabVote" ADD CONSTRAINT "CabVote_agendaItemId_fkey" FOREIGN KEY ("agendaItemId") REFERENCES "CabAgendaItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CabVote" ADD CONSTRAINT "CabVote_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MaturityAssessment" ADD CONSTRAINT "MaturityAssessment_catalogId_fkey" FOREIGN KEY ("catalogId") REFERENCES "MaturityCatalog"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MaturityAssessment" ADD CONSTRAINT "MaturityAssessment_netopsAssessorId_fkey" FOREIGN KEY ("netopsAssessorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MaturityAssessment" ADD CONSTRAINT "MaturityAssessment_secopsAssessorId_fkey" FOREIGN KEY ("secopsAssessorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MaturityScore" ADD CONSTRAINT "MaturityScore_assessmentId_fkey" FOREIGN KEY ("assessmentId") REFERENCES "MaturityAssessment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "KpiReading" ADD CONSTRAINT "KpiReading_kpiId_fkey" FOREIGN KEY ("kpiId") REFERENCES "KpiDefinition"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "KpiReading" ADD CONSTRAINT "KpiReading_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Objective" ADD CONSTRAINT "Objective_netopsLeadId_fkey" FOREIGN KEY ("netopsLeadId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Objective" ADD CONSTRAINT "Objective_secopsLeadId_fkey" FOREIGN KEY ("secopsLeadId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "KeyResult" ADD CONSTRAINT "KeyResult_objectiveId_fkey" FOREIGN KEY ("objectiveId") REFERENCES "Objective"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Audit events are append-only: the database itself refuses to change or remove them.
-- The function body is an E'' string with \x3B for its semicolons because @prisma/adapter-pg runs a
-- migration script statement by statement, splitting it at every literal semicolon.
CREATE FUNCTION concord_refuse_audit_change() RETURNS trigger LANGUAGE plpgsql AS
  E'BEGIN RAISE EXCEPTION ''AuditEvent is append-only: % is refused'', TG_OP USING ERRCODE = ''insufficient_privilege''\x3B END\x3B';

CREATE TRIGGER "AuditEvent_append_only" BEFORE UPDATE OR DELETE ON "AuditEvent"
  FOR EACH ROW EXECUTE FUNCTION concord_refuse_audit_change();

CREATE TRIGGER "AuditEvent_no_truncate" BEFORE TRUNCATE ON "AuditEvent"
  FOR EACH STATEMENT EXECUTE FUNCTION concord_refuse_audit_change();
