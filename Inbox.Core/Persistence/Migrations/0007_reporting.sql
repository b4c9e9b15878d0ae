-- Reporting: pre-aggregated facts kept up to date from domain events, so dashboard queries never scan Messages.
-- ResponseFacts: one row per customer turn (first/next response, the Facebook badge's counted messages, windows lost).
-- SendFacts: one row per outbound message that left (WhatsApp billing, LINE pushes). CsatFacts: surveys and answers.
CREATE TABLE "ResponseFacts" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ResponseFacts" PRIMARY KEY AUTOINCREMENT,
    "ConversationId" INTEGER NOT NULL,
    "ChannelId" INTEGER NOT NULL,
    "TeamId" INTEGER NULL,
    "AgentId" INTEGER NULL,
    "CustomerMessageId" INTEGER NOT NULL,
    "ReceivedAt" TEXT NOT NULL,
    "LastInboundAt" TEXT NOT NULL,
    "InboundCount" INTEGER NOT NULL,
    "IsFirst" INTEGER NOT NULL,
    "Counted" INTEGER NOT NULL,
    "ReceivedWhileClosed" INTEGER NULL,
    "Excluded" TEXT NULL,
    "RespondedAt" TEXT NULL,
    "ResponseSeconds" INTEGER NULL,
    "BusinessResponseSeconds" INTEGER NULL,
    "ResponseType" TEXT NULL,
    "WindowClosesAt" TEXT NULL,
    "EndedAt" TEXT NULL,
    CONSTRAINT "FK_ResponseFacts_Conversations_ConversationId" FOREIGN KEY ("ConversationId") REFERENCES "Conversations" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_ResponseFacts_ConversationId_ReceivedAt" ON "ResponseFacts" ("ConversationId", "ReceivedAt");
CREATE INDEX "IX_ResponseFacts_Range" ON "ResponseFacts" ("ReceivedAt", "ChannelId", "TeamId", "AgentId", "IsFirst", "ResponseSeconds", "BusinessResponseSeconds", "RespondedAt", "ResponseType", "WindowClosesAt");
CREATE INDEX "IX_ResponseFacts_Badge" ON "ResponseFacts" ("ChannelId", "Counted", "ReceivedAt", "RespondedAt", "ResponseSeconds", "Excluded", "ConversationId");
CREATE INDEX "IX_ResponseFacts_Waiting" ON "ResponseFacts" ("EndedAt", "ReceivedAt", "ChannelId", "TeamId", "AgentId");

CREATE TABLE "SendFacts" (
    "MessageId" INTEGER NOT NULL CONSTRAINT "PK_SendFacts" PRIMARY KEY,
    "ConversationId" INTEGER NOT NULL,
    "ChannelId" INTEGER NOT NULL,
    "SentAt" TEXT NOT NULL,
    "ReplyType" TEXT NOT NULL,
    "Automated" INTEGER NOT NULL,
    "AgentId" INTEGER NULL,
    "TemplateCategory" TEXT NULL,
    CONSTRAINT "FK_SendFacts_Conversations_ConversationId" FOREIGN KEY ("ConversationId") REFERENCES "Conversations" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_SendFacts_ConversationId" ON "SendFacts" ("ConversationId");
CREATE INDEX "IX_SendFacts_Channel" ON "SendFacts" ("ChannelId", "SentAt", "ReplyType", "TemplateCategory", "Automated", "AgentId");

CREATE TABLE "CsatFacts" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_CsatFacts" PRIMARY KEY AUTOINCREMENT,
    "ConversationId" INTEGER NOT NULL,
    "ChannelId" INTEGER NOT NULL,
    "TeamId" INTEGER NULL,
    "AgentId" INTEGER NULL,
    "SentAt" TEXT NOT NULL,
    "AnsweredAt" TEXT NULL,
    "Score" INTEGER NULL,
    CONSTRAINT "FK_CsatFacts_Conversations_ConversationId" FOREIGN KEY ("ConversationId") REFERENCES "Conversations" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_CsatFacts_ConversationId" ON "CsatFacts" ("ConversationId");
CREATE INDEX "IX_CsatFacts_Range" ON "CsatFacts" ("SentAt", "ChannelId", "TeamId", "AgentId", "Score");
