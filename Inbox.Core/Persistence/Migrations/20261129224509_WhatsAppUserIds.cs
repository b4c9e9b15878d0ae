using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Inbox.Core.Persistence.Migrations
{
    /// <summary>
    /// WhatsApp business-scoped user ids: a contact is keyed by its BSUID once known, with the phone number, the parent
    /// BSUID and the username beside it. Every WhatsApp contact before this was keyed by its phone number.
    /// </summary>
    public partial class WhatsAppUserIds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ParentUserId",
                table: "Contacts",
                type: "TEXT",
                maxLength: 140,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Phone",
                table: "Contacts",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Username",
                table: "Contacts",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_ChannelId_Phone",
                table: "Contacts",
                columns: new[] { "ChannelId", "Phone" });

            migrationBuilder.Sql("""
                UPDATE "Contacts" SET "Phone" = "ExternalId"
                WHERE "ChannelId" IN (SELECT "Id" FROM "Channels" WHERE "Kind" = 'WhatsApp');
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Contacts_ChannelId_Phone",
                table: "Contacts");

            migrationBuilder.DropColumn(
                name: "ParentUserId",
                table: "Contacts");

            migrationBuilder.DropColumn(
                name: "Phone",
                table: "Contacts");

            migrationBuilder.DropColumn(
                name: "Username",
                table: "Contacts");
        }
    }
}
