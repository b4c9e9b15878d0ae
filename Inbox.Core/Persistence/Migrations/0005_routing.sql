-- Routing: auto-assignment mode and round-robin position per team; capacity, the "away" choice and last-seen time per agent.
ALTER TABLE "Teams" ADD COLUMN "AutoAssignMode" TEXT NOT NULL DEFAULT 'Off';
ALTER TABLE "Teams" ADD COLUMN "LastAssignedAgentId" INTEGER NULL;
ALTER TABLE "Agents" ADD COLUMN "Capacity" INTEGER NULL;
ALTER TABLE "Agents" ADD COLUMN "Away" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "Agents" ADD COLUMN "LastSeenAt" TEXT NULL;
