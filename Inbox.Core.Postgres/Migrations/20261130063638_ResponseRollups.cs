using System;
using Inbox.Core.Reporting;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Inbox.Core.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ResponseRollups : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ResponseRollups",
                columns: table => new
                {
                    IsMonth = table.Column<bool>(type: "boolean", nullable: false),
                    Start = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ChannelId = table.Column<int>(type: "integer", nullable: false),
                    TeamId = table.Column<int>(type: "integer", nullable: false),
                    AgentId = table.Column<int>(type: "integer", nullable: false),
                    IsFirst = table.Column<bool>(type: "boolean", nullable: false),
                    Bucket = table.Column<int>(type: "integer", nullable: false),
                    Turns = table.Column<int>(type: "integer", nullable: false),
                    WithWindow = table.Column<int>(type: "integer", nullable: false),
                    LostIfClosed = table.Column<int>(type: "integer", nullable: false),
                    SavedByHumanAgent = table.Column<int>(type: "integer", nullable: false),
                    SavedByTemplate = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ResponseRollups", x => new { x.IsMonth, x.Start, x.ChannelId, x.TeamId, x.AgentId, x.IsFirst, x.Bucket });
                });

            migrationBuilder.CreateIndex(
                name: "IX_ResponseFacts_Seconds",
                table: "ResponseFacts",
                columns: new[] { "ResponseSeconds", "ReceivedAt", "IsFirst", "ChannelId", "TeamId", "AgentId" });

            migrationBuilder.CreateIndex(
                name: "IX_ResponseFacts_Window",
                table: "ResponseFacts",
                columns: new[] { "WindowClosesAt", "ReceivedAt", "ChannelId", "TeamId", "AgentId", "RespondedAt", "ResponseType" });

            // Existing facts are summed once; from here on the triggers keep the roll-up equal to them.
            migrationBuilder.Sql(RollupSql.Backfill(postgres: true));
            migrationBuilder.Sql(RollupSql.CreateTriggers(postgres: true));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(RollupSql.DropTriggers(postgres: true));

            migrationBuilder.DropTable(
                name: "ResponseRollups");

            migrationBuilder.DropIndex(
                name: "IX_ResponseFacts_Seconds",
                table: "ResponseFacts");

            migrationBuilder.DropIndex(
                name: "IX_ResponseFacts_Window",
                table: "ResponseFacts");
        }
    }
}
