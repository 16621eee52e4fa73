-- AlterTable
ALTER TABLE "FlowEdge" ADD COLUMN     "httpMethod" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "httpPath" TEXT NOT NULL DEFAULT '';

-- CreateTable
CREATE TABLE "PolicyDriftCheck" (
    "id" UUID NOT NULL,
    "surfaceId" UUID NOT NULL,
    "target" TEXT NOT NULL,
    "checkedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "excess" INTEGER NOT NULL,
    "missing" INTEGER NOT NULL,
    "unselected" INTEGER NOT NULL,
    "driftSince" TIMESTAMP(3),
    "report" JSONB NOT NULL,
    "checkedById" UUID,
    "authMethod" TEXT NOT NULL DEFAULT 'session',

    CONSTRAINT "PolicyDriftCheck_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PolicyDriftCheck_surfaceId_target_checkedAt_idx" ON "PolicyDriftCheck"("surfaceId", "target", "checkedAt");

-- CreateIndex
CREATE INDEX "PolicyDriftCheck_checkedAt_idx" ON "PolicyDriftCheck"("checkedAt");

-- AddForeignKey
ALTER TABLE "PolicyDriftCheck" ADD CONSTRAINT "PolicyDriftCheck_surfaceId_fkey" FOREIGN KEY ("surfaceId") REFERENCES "ProtectSurface"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The dashboards' drift indicator reads these checks: a new check makes the stored program figures stale.
CREATE TRIGGER "PolicyDriftCheck_program_write" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "PolicyDriftCheck" FOR EACH STATEMENT EXECUTE FUNCTION "concord_note_program_write"();
