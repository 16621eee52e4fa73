-- AlterTable
ALTER TABLE "OutboxMessage" ADD COLUMN     "failedAt" TIMESTAMP(3),
ADD COLUMN     "leaseExpiresAt" TIMESTAMP(3),
ADD COLUMN     "leaseToken" UUID,
ADD COLUMN     "webhookId" UUID NOT NULL DEFAULT gen_random_uuid();

-- AlterTable
ALTER TABLE "WebhookSubscription" ADD COLUMN     "description" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "secretRotatedAt" TIMESTAMP(3),
ADD COLUMN     "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- CreateTable
CREATE TABLE "WebhookAttempt" (
    "id" BIGSERIAL NOT NULL,
    "messageId" BIGINT NOT NULL,
    "number" INTEGER NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),
    "statusCode" INTEGER,
    "error" TEXT,

    CONSTRAINT "WebhookAttempt_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "WebhookAttempt_messageId_number_idx" ON "WebhookAttempt"("messageId", "number");

-- CreateIndex
CREATE UNIQUE INDEX "OutboxMessage_webhookId_key" ON "OutboxMessage"("webhookId");

-- CreateIndex
CREATE INDEX "OutboxMessage_subscriptionId_id_idx" ON "OutboxMessage"("subscriptionId", "id");

-- AddForeignKey
ALTER TABLE "WebhookAttempt" ADD CONSTRAINT "WebhookAttempt_messageId_fkey" FOREIGN KEY ("messageId") REFERENCES "OutboxMessage"("id") ON DELETE CASCADE ON UPDATE CASCADE;
