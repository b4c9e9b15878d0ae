-- WhatsApp business-scoped user ids (BSUIDs): a contact is keyed by its BSUID once known, the phone number kept beside it.
ALTER TABLE "Contacts" ADD COLUMN "Phone" TEXT NULL;
ALTER TABLE "Contacts" ADD COLUMN "ParentUserId" TEXT NULL;
ALTER TABLE "Contacts" ADD COLUMN "Username" TEXT NULL;

-- Every WhatsApp contact so far was keyed by its phone number.
UPDATE "Contacts" SET "Phone" = "ExternalId"
WHERE "ChannelId" IN (SELECT "Id" FROM "Channels" WHERE "Kind" = 'WhatsApp');

CREATE INDEX "IX_Contacts_ChannelId_Phone" ON "Contacts" ("ChannelId", "Phone");
