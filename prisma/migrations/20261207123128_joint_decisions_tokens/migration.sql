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
