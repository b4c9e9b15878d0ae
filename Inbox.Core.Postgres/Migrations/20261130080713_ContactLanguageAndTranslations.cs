using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Inbox.Core.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ContactLanguageAndTranslations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Language",
                table: "Contacts",
                type: "character varying(35)",
                maxLength: 35,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AwayMessages",
                table: "BusinessHours",
                type: "text",
                nullable: false,
                defaultValueSql: "'{}'");

            migrationBuilder.AddColumn<string>(
                name: "CsatQuestions",
                table: "AutomationSettings",
                type: "text",
                nullable: false,
                defaultValueSql: "'{}'");

            migrationBuilder.AddColumn<string>(
                name: "PendingFollowUpTexts",
                table: "AutomationSettings",
                type: "text",
                nullable: false,
                defaultValueSql: "'{}'");

            migrationBuilder.AddColumn<string>(
                name: "DetailPhrase",
                table: "Activities",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Language",
                table: "Contacts");

            migrationBuilder.DropColumn(
                name: "AwayMessages",
                table: "BusinessHours");

            migrationBuilder.DropColumn(
                name: "CsatQuestions",
                table: "AutomationSettings");

            migrationBuilder.DropColumn(
                name: "PendingFollowUpTexts",
                table: "AutomationSettings");

            migrationBuilder.DropColumn(
                name: "DetailPhrase",
                table: "Activities");
        }
    }
}
