using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Inbox.Core.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class AssigneeStatusIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Conversations_AssigneeId",
                table: "Conversations");

            migrationBuilder.CreateIndex(
                name: "IX_Conversations_AssigneeId_Status",
                table: "Conversations",
                columns: new[] { "AssigneeId", "Status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Conversations_AssigneeId_Status",
                table: "Conversations");

            migrationBuilder.CreateIndex(
                name: "IX_Conversations_AssigneeId",
                table: "Conversations",
                column: "AssigneeId");
        }
    }
}
