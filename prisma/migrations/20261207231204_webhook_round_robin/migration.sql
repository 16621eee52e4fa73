-- AlterTable
ALTER TABLE "WebhookSubscription" ADD COLUMN     "lastClaimAt" TIMESTAMP(3);
