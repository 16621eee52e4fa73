-- CreateTable
CREATE TABLE "DiscoveryOverlay" (
    "surfaceId" UUID NOT NULL,
    "observedVersion" INTEGER NOT NULL DEFAULT 0,
    "fingerprint" TEXT,
    "result" JSONB,
    "computedAt" TIMESTAMPTZ(3),

    CONSTRAINT "DiscoveryOverlay_pkey" PRIMARY KEY ("surfaceId")
);

-- AddForeignKey
ALTER TABLE "DiscoveryOverlay" ADD CONSTRAINT "DiscoveryOverlay_surfaceId_fkey" FOREIGN KEY ("surfaceId") REFERENCES "ProtectSurface"("id") ON DELETE CASCADE ON UPDATE CASCADE;
