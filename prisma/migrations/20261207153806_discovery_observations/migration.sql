-- CreateEnum
CREATE TYPE "DiscoveryImportStatus" AS ENUM ('RUNNING', 'DONE', 'CANCELLED', 'FAILED', 'UNDONE');

-- CreateTable
CREATE TABLE "DiscoveryImport" (
    "id" UUID NOT NULL,
    "surfaceId" UUID NOT NULL,
    "format" TEXT NOT NULL,
    "sourceName" TEXT NOT NULL,
    "strict" BOOLEAN NOT NULL DEFAULT false,
    "status" "DiscoveryImportStatus" NOT NULL DEFAULT 'RUNNING',
    "createdById" UUID,
    "createdByLabel" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMPTZ(3),
    "bytesRead" BIGINT NOT NULL DEFAULT 0,
    "linesRead" INTEGER NOT NULL DEFAULT 0,
    "linesAccepted" INTEGER NOT NULL DEFAULT 0,
    "linesSkipped" INTEGER NOT NULL DEFAULT 0,
    "linesRejected" INTEGER NOT NULL DEFAULT 0,
    "rejects" JSONB NOT NULL DEFAULT '[]',
    "error" TEXT,
    "undoneAt" TIMESTAMPTZ(3),
    "undoneByLabel" TEXT,

    CONSTRAINT "DiscoveryImport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DiscoveryObservation" (
    "surfaceId" UUID NOT NULL,
    "sourceKey" TEXT NOT NULL,
    "destinationKey" TEXT NOT NULL,
    "protocol" TEXT NOT NULL,
    "destinationPort" INTEGER NOT NULL,
    "day" DATE NOT NULL,
    "connections" BIGINT NOT NULL,
    "bytes" BIGINT NOT NULL,
    "packets" BIGINT NOT NULL,
    "allowed" BIGINT NOT NULL,
    "denied" BIGINT NOT NULL,
    "dropReasons" JSONB NOT NULL DEFAULT '{}',
    "firstSeen" TIMESTAMPTZ(3) NOT NULL,
    "lastSeen" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "DiscoveryObservation_pkey" PRIMARY KEY ("surfaceId","sourceKey","destinationKey","protocol","destinationPort","day")
);

-- CreateTable
CREATE TABLE "DiscoveryPair" (
    "surfaceId" UUID NOT NULL,
    "sourceKey" TEXT NOT NULL,
    "destinationKey" TEXT NOT NULL,
    "protocol" TEXT NOT NULL,
    "destinationPort" INTEGER NOT NULL,
    "connections" BIGINT NOT NULL,
    "bytes" BIGINT NOT NULL,
    "packets" BIGINT NOT NULL,
    "allowed" BIGINT NOT NULL,
    "denied" BIGINT NOT NULL,
    "dropReasons" JSONB NOT NULL DEFAULT '{}',
    "firstSeen" TIMESTAMPTZ(3) NOT NULL,
    "lastSeen" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "DiscoveryPair_pkey" PRIMARY KEY ("surfaceId","sourceKey","destinationKey","protocol","destinationPort")
);

-- CreateTable
CREATE TABLE "DiscoveryContribution" (
    "importId" UUID NOT NULL,
    "surfaceId" UUID NOT NULL,
    "sourceKey" TEXT NOT NULL,
    "destinationKey" TEXT NOT NULL,
    "protocol" TEXT NOT NULL,
    "destinationPort" INTEGER NOT NULL,
    "day" DATE NOT NULL,
    "connections" BIGINT NOT NULL,
    "bytes" BIGINT NOT NULL,
    "packets" BIGINT NOT NULL,
    "allowed" BIGINT NOT NULL,
    "denied" BIGINT NOT NULL,
    "dropReasons" JSONB NOT NULL DEFAULT '{}',
    "firstSeen" TIMESTAMPTZ(3) NOT NULL,
    "lastSeen" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "DiscoveryContribution_pkey" PRIMARY KEY ("importId","sourceKey","destinationKey","protocol","destinationPort","day")
);

-- CreateTable
-- Unlogged: rows of a running import, rebuilt from the file if the server crashes mid-import.
CREATE UNLOGGED TABLE "DiscoveryStaging" (
    "id" BIGSERIAL NOT NULL,
    "importId" UUID NOT NULL,
    "sourceKey" TEXT NOT NULL,
    "destinationKey" TEXT NOT NULL,
    "protocol" TEXT NOT NULL,
    "destinationPort" INTEGER NOT NULL,
    "day" DATE NOT NULL,
    "connections" BIGINT NOT NULL,
    "bytes" BIGINT NOT NULL,
    "packets" BIGINT NOT NULL,
    "allowed" BIGINT NOT NULL,
    "denied" BIGINT NOT NULL,
    "dropReasons" JSONB NOT NULL DEFAULT '{}',
    "firstSeen" TIMESTAMPTZ(3) NOT NULL,
    "lastSeen" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "DiscoveryStaging_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DiscoveryEndpoint" (
    "surfaceId" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "address" TEXT,
    "hostname" TEXT,
    "namespace" TEXT,
    "labels" JSONB NOT NULL DEFAULT '{}',
    "lastSeen" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "DiscoveryEndpoint_pkey" PRIMARY KEY ("surfaceId","key")
);

-- CreateTable
CREATE TABLE "DiscoveryCsvMapping" (
    "sourceName" TEXT NOT NULL,
    "mapping" JSONB NOT NULL,
    "updatedByLabel" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DiscoveryCsvMapping_pkey" PRIMARY KEY ("sourceName")
);

-- CreateIndex
CREATE INDEX "DiscoveryImport_surfaceId_createdAt_idx" ON "DiscoveryImport"("surfaceId", "createdAt");

-- CreateIndex
CREATE INDEX "DiscoveryImport_createdAt_idx" ON "DiscoveryImport"("createdAt");

-- CreateIndex
CREATE INDEX "DiscoveryObservation_surfaceId_day_idx" ON "DiscoveryObservation"("surfaceId", "day");

-- CreateIndex
CREATE INDEX "DiscoveryObservation_day_idx" ON "DiscoveryObservation"("day");

-- CreateIndex
CREATE INDEX "DiscoveryContribution_surfaceId_sourceKey_destinationKey_pr_idx" ON "DiscoveryContribution"("surfaceId", "sourceKey", "destinationKey", "protocol", "destinationPort", "day");

-- CreateIndex
CREATE INDEX "DiscoveryContribution_day_idx" ON "DiscoveryContribution"("day");

-- CreateIndex
CREATE INDEX "DiscoveryStaging_importId_idx" ON "DiscoveryStaging"("importId");

-- AddForeignKey
ALTER TABLE "DiscoveryImport" ADD CONSTRAINT "DiscoveryImport_surfaceId_fkey" FOREIGN KEY ("surfaceId") REFERENCES "ProtectSurface"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DiscoveryObservation" ADD CONSTRAINT "DiscoveryObservation_surfaceId_fkey" FOREIGN KEY ("surfaceId") REFERENCES "ProtectSurface"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DiscoveryContribution" ADD CONSTRAINT "DiscoveryContribution_importId_fkey" FOREIGN KEY ("importId") REFERENCES "DiscoveryImport"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Drop reasons are kept as { reason: count }: summed when imports merge, recomputed after an undo.
CREATE FUNCTION discovery_add_reasons(total jsonb, more jsonb) RETURNS jsonb LANGUAGE sql IMMUTABLE AS $$
  SELECT COALESCE(jsonb_object_agg(reason, amount), '{}'::jsonb)
  FROM (
    SELECT reason, sum(amount::numeric) AS amount
    FROM (
      SELECT key AS reason, value AS amount FROM jsonb_each_text(COALESCE(total, '{}'::jsonb))
      UNION ALL
      SELECT key, value FROM jsonb_each_text(COALESCE(more, '{}'::jsonb))
    ) AS parts
    GROUP BY reason
  ) AS sums
$$;

CREATE AGGREGATE discovery_sum_reasons(jsonb) (SFUNC = discovery_add_reasons, STYPE = jsonb, INITCOND = '{}');
