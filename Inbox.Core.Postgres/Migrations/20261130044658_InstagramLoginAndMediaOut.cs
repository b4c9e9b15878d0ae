using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Inbox.Core.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class InstagramLoginAndMediaOut : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "AccessTokenExpiresAt",
                table: "Channels",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "AccessTokenIssuedAt",
                table: "Channels",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DeclaredTokenHash",
                table: "Channels",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LoginType",
                table: "Channels",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValueSql: "'Facebook'");

            migrationBuilder.AddColumn<DateTime>(
                name: "TokenRefreshClaimedAt",
                table: "Channels",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PlatformType",
                table: "Attachments",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Title",
                table: "Attachments",
                type: "character varying(300)",
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
