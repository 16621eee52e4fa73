-- CreateEnum
CREATE TYPE "UserKind" AS ENUM ('PERSON', 'SERVICE_ACCOUNT');

-- AlterEnum
ALTER TYPE "ProposalStatus" ADD VALUE 'SUSPENDED';

-- AlterEnum
ALTER TYPE "Team" ADD VALUE 'NONE';

-- AlterTable
ALTER TABLE "ApiToken" ADD COLUMN     "createdById" UUID;

-- AlterTable
ALTER TABLE "AuditEvent" ADD COLUMN     "authId" TEXT,
ADD COLUMN     "authMethod" TEXT;

-- AlterTable
ALTER TABLE "ChangeTemplate" ADD COLUMN     "failureThreshold" INTEGER NOT NULL DEFAULT 2,
ADD COLUMN     "retiredAt" TIMESTAMP(3),
ADD COLUMN     "suspendedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "kind" "UserKind" NOT NULL DEFAULT 'PERSON';

-- CreateTable
CREATE TABLE "TemplateRetirementApproval" (
    "id" UUID NOT NULL,
    "templateId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "team" "Team" NOT NULL,
    "reason" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TemplateRetirementApproval_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "TemplateRetirementApproval_templateId_userId_key" ON "TemplateRetirementApproval"("templateId", "userId");

-- AddForeignKey
ALTER TABLE "TemplateRetirementApproval" ADD CONSTRAINT "TemplateRetirementApproval_templateId_fkey" FOREIGN KEY ("templateId") REFERENCES "ChangeTemplate"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TemplateRetirementApproval" ADD CONSTRAINT "TemplateRetirementApproval_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Who issued each existing token, from its audit row. A token an admin issued for someone else
-- keeps a creator other than its user and stops working: a token acts only as the person who created it.
UPDATE "ApiToken" AS t SET "createdById" = a."actorId"
FROM "AuditEvent" AS a
WHERE a."action" = 'token.create' AND a."entityType" = 'ApiToken' AND a."entityId" = t."id"::text;

-- Explicit trust is granted only by a joint decision. Flows marked APPROVED by a map edit on a
-- surface that is not agreed, and not approved by a verified change, become proposals again, and the
-- maps they are on move to a new version so that cached reads see it.
WITH unproven AS (
  SELECT e."id", e."mapId"
  FROM "FlowEdge" AS e
  JOIN "FlowMap" AS m ON m."id" = e."mapId"
  JOIN "ProtectSurface" AS s ON s."id" = m."surfaceId"
  WHERE e."status" = 'APPROVED' AND s."status" <> 'AGREED'
    AND NOT EXISTS (
      SELECT 1 FROM "MapEvent" AS ev JOIN "Change" AS c ON c."id" = ev."changeId"
      WHERE ev."entityId" = e."id"::text AND c."verifiedAt" IS NOT NULL AND c."rolledBackAt" IS NULL
    )
), demoted AS (
  UPDATE "FlowEdge" SET "status" = 'PROPOSED', "version" = "version" + 1
  WHERE "id" IN (SELECT "id" FROM unproven)
  RETURNING "mapId"
)
UPDATE "FlowMap" SET "version" = "version" + 1 WHERE "id" IN (SELECT "mapId" FROM demoted);
