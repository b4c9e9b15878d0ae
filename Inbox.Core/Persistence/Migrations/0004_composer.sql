-- The reply composer: registered WhatsApp templates, canned responses, and internal notes
-- (kept apart from Messages, so the sender can never send one).
CREATE TABLE "MessageTemplates" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_MessageTemplates" PRIMARY KEY AUTOINCREMENT,
    "ChannelId" INTEGER NULL,
    "Name" TEXT NOT NULL,
    "Language" TEXT NOT NULL,
    "Category" TEXT NOT NULL,
    "ParameterCount" INTEGER NOT NULL,
    "Body" TEXT NOT NULL,
    CONSTRAINT "FK_MessageTemplates_Channels_ChannelId" FOREIGN KEY ("ChannelId") REFERENCES "Channels" ("Id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "IX_MessageTemplates_ChannelId_Name_Language" ON "MessageTemplates" ("ChannelId", "Name", "Language");

CREATE TABLE "CannedResponses" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_CannedResponses" PRIMARY KEY AUTOINCREMENT,
    "Shortcut" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "Body" TEXT NOT NULL
);

CREATE UNIQUE INDEX "IX_CannedResponses_Shortcut" ON "CannedResponses" ("Shortcut");

CREATE TABLE "Notes" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Notes" PRIMARY KEY AUTOINCREMENT,
    "ConversationId" INTEGER NOT NULL,
    "AgentId" INTEGER NULL,
    "AuthorName" TEXT NOT NULL,
    "Text" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    CONSTRAINT "FK_Notes_Agents_AgentId" FOREIGN KEY ("AgentId") REFERENCES "Agents" ("Id") ON DELETE SET NULL,
    CONSTRAINT "FK_Notes_Conversations_ConversationId" FOREIGN KEY ("ConversationId") REFERENCES "Conversations" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_Notes_AgentId" ON "Notes" ("AgentId");

CREATE INDEX "IX_Notes_ConversationId_CreatedAt" ON "Notes" ("ConversationId", "CreatedAt");
