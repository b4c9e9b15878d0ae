using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Inbox.Core.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class WhatsAppPricing : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "Billable",
                table: "SendFacts",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PricingCategory",
                table: "SendFacts",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "Billable",
                table: "Messages",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PlatformStatus",
                table: "Messages",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PricingCategory",
                table: "Messages",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PricingType",
                table: "Messages",
                type: "TEXT",
                maxLength: 64,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Billable",
                table: "SendFacts");

            migrationBuilder.DropColumn(
                name: "PricingCategory",
                table: "SendFacts");

            migrationBuilder.DropColumn(
                name: "Billable",
                table: "Messages");

            migrationBuilder.DropColumn(
                name: "PlatformStatus",
                table: "Messages");

            migrationBuilder.DropColumn(
                name: "PricingCategory",
                table: "Messages");

            migrationBuilder.DropColumn(
                name: "PricingType",
                table: "Messages");
        }
    }
}
