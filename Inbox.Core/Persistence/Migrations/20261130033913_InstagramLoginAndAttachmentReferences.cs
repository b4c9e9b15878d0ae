using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Inbox.Core.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class InstagramLoginAndAttachmentReferences : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "AccessTokenExpiresAt",
                table: "Channels",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "AccessTokenIssuedAt",
                table: "Channels",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DeclaredTokenHash",
                table: "Channels",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LoginType",
                table: "Channels",
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                defaultValueSql: "'Facebook'");

            migrationBuilder.AddColumn<DateTime>(
                name: "TokenRefreshClaimedAt",
                table: "Channels",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PlatformType",
                table: "Attachments",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Title",
                table: "Attachments",
                type: "TEXT",
                maxLength: 300,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "AccessTokenExpiresAt",
                table: "Channels");

            migrationBuilder.DropColumn(
                name: "AccessTokenIssuedAt",
                table: "Channels");

            migrationBuilder.DropColumn(
                name: "DeclaredTokenHash",
                table: "Channels");

            migrationBuilder.DropColumn(
                name: "LoginType",
                table: "Channels");

            migrationBuilder.DropColumn(
                name: "TokenRefreshClaimedAt",
                table: "Channels");

            migrationBuilder.DropColumn(
                name: "PlatformType",
                table: "Attachments");

            migrationBuilder.DropColumn(
                name: "Title",
                table: "Attachments");
        }
    }
}
