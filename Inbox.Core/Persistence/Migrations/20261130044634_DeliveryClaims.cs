using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Inbox.Core.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class DeliveryClaims : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ClaimedBy",
                table: "WebhookDeliveries",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ClaimedUntil",
                table: "WebhookDeliveries",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ClaimedBy",
                table: "WebhookDeliveries");

            migrationBuilder.DropColumn(
                name: "ClaimedUntil",
                table: "WebhookDeliveries");
        }
    }
}
