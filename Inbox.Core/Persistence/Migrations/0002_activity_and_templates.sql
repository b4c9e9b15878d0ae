-- Conversation activity log (assignment and status changes) and WhatsApp template details on messages.
CREATE TABLE "Activities" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Activities" PRIMARY KEY AUTOINCREMENT,
    "ConversationId" INTEGER NOT NULL,
    "At" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "Actor" TEXT NOT NULL,
    "Detail" TEXT NOT NULL,
    CONSTRAINT "FK_Activities_Conversations_ConversationId" FOREIGN KEY ("ConversationId") REFERENCES "Conversations" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_Activities_ConversationId_At" ON "Activities" ("ConversationId", "At");

ALTER TABLE "Messages" ADD COLUMN "TemplateName" TEXT NULL;
ALTER TABLE "Messages" ADD COLUMN "TemplateLanguage" TEXT NULL;
ALTER TABLE "Messages" ADD COLUMN "TemplateParameters" TEXT NULL;
