using System;
using Inbox.Core.Reporting;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Inbox.Core.Persistence.Migrations
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
                    IsMonth = table.Column<bool>(type: "INTEGER", nullable: false),
                    Start = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ChannelId = table.Column<int>(type: "INTEGER", nullable: false),
                    TeamId = table.Column<int>(type: "INTEGER", nullable: false),
                    AgentId = table.Column<int>(type: "INTEGER", nullable: false),
                    IsFirst = table.Column<bool>(type: "INTEGER", nullable: false),
                    Bucket = table.Column<int>(type: "INTEGER", nullable: false),
                    Turns = table.Column<int>(type: "INTEGER", nullable: false),
                    WithWindow = table.Column<int>(type: "INTEGER", nullable: false),
                    LostIfClosed = table.Column<int>(type: "INTEGER", nullable: false),
                    SavedByHumanAgent = table.Column<int>(type: "INTEGER", nullable: false),
                    SavedByTemplate = table.Column<int>(type: "INTEGER", nullable: false)
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
            migrationBuilder.Sql(RollupSql.Backfill(postgres: false));
            migrationBuilder.Sql(RollupSql.CreateTriggers(postgres: false));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(RollupSql.DropTriggers(postgres: false));

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
