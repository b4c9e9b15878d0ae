-- Channel connectors: durable webhook deliveries, event de-duplication, the outbound send queue,
-- attachments, channel alerts and the LINE quota cache.
CREATE TABLE "WebhookDeliveries" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_WebhookDeliveries" PRIMARY KEY AUTOINCREMENT,
    "Platform" TEXT NOT NULL,
    "ChannelId" INTEGER NULL,
    "ReceivedAt" TEXT NOT NULL,
    "Body" TEXT NOT NULL,
    "State" TEXT NOT NULL,
    "Attempts" INTEGER NOT NULL,
    "ProcessedAt" TEXT NULL,
    "Error" TEXT NULL
);

CREATE INDEX "IX_WebhookDeliveries_State_Id" ON "WebhookDeliveries" ("State", "Id");

CREATE TABLE "InboundEvents" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_InboundEvents" PRIMARY KEY AUTOINCREMENT,
    "ChannelId" INTEGER NOT NULL,
    "EventId" TEXT NOT NULL,
    "DeliveryId" INTEGER NOT NULL,
    "ProcessedAt" TEXT NOT NULL,
    CONSTRAINT "FK_InboundEvents_Channels_ChannelId" FOREIGN KEY ("ChannelId") REFERENCES "Channels" ("Id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "IX_InboundEvents_ChannelId_EventId" ON "InboundEvents" ("ChannelId", "EventId");

ALTER TABLE "Messages" ADD COLUMN "AttachmentType" TEXT NULL;
ALTER TABLE "Messages" ADD COLUMN "AttachmentUrl" TEXT NULL;
ALTER TABLE "Messages" ADD COLUMN "Standby" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "Messages" ADD COLUMN "SendAttempts" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "Messages" ADD COLUMN "NextAttemptAt" TEXT NULL;
ALTER TABLE "Messages" ADD COLUMN "SendingSince" TEXT NULL;
ALTER TABLE "Messages" ADD COLUMN "SendKey" TEXT NULL;
ALTER TABLE "Messages" ADD COLUMN "Failure" TEXT NULL;

CREATE INDEX "IX_Messages_Status_NextAttemptAt" ON "Messages" ("Status", "NextAttemptAt");

ALTER TABLE "Channels" ADD COLUMN "FromConfiguration" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "Channels" ADD COLUMN "AuthError" TEXT NULL;
ALTER TABLE "Channels" ADD COLUMN "AuthErrorAt" TEXT NULL;
ALTER TABLE "Channels" ADD COLUMN "HumanAgentRefusedAt" TEXT NULL;
ALTER TABLE "Channels" ADD COLUMN "LineQuotaLimit" INTEGER NULL;
ALTER TABLE "Channels" ADD COLUMN "LineQuotaUsed" INTEGER NULL;
ALTER TABLE "Channels" ADD COLUMN "LineQuotaCheckedAt" TEXT NULL;
