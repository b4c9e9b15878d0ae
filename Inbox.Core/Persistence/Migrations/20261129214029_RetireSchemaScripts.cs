using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Inbox.Core.Persistence.Migrations
{
    /// <summary>
    /// Leaves the hand-written schema scripts behind. A database they made still holds Quartz's job store (script 0006),
    /// which is not the inbox's schema: it goes, and automations are re-armed from their own rows when the scheduler
    /// starts. <c>__schema_version</c> gets version 1000, far above any script's number, so a build from before migrations
    /// refuses this database ("newer than this build") instead of running its scripts over it.
    /// </summary>
    public partial class RetireSchemaScripts : Migration
    {
        // Tables that refer to others first.
        private static readonly string[] QuartzTables =
        [
            "QRTZ_SIMPLE_TRIGGERS", "QRTZ_SIMPROP_TRIGGERS", "QRTZ_CRON_TRIGGERS", "QRTZ_BLOB_TRIGGERS", "QRTZ_TRIGGERS",
            "QRTZ_JOB_DETAILS", "QRTZ_CALENDARS", "QRTZ_PAUSED_TRIGGER_GRPS", "QRTZ_FIRED_TRIGGERS", "QRTZ_SCHEDULER_STATE",
            "QRTZ_LOCKS",
        ];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            foreach (var table in QuartzTables)
            {
                migrationBuilder.Sql($"DROP TABLE IF EXISTS {table};");
            }

            migrationBuilder.Sql("""
                CREATE TABLE IF NOT EXISTS __schema_version (version INTEGER NOT NULL PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL);
                """);
            migrationBuilder.Sql("""
                INSERT OR IGNORE INTO __schema_version (version, name, applied_at)
                VALUES (1000, 'ef_core_migrations', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DELETE FROM __schema_version WHERE version = 1000;");
        }
    }
}
