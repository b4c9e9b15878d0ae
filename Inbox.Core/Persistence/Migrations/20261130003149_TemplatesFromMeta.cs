using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Inbox.Core.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class TemplatesFromMeta : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "HeaderParameterCount",
                table: "MessageTemplates",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "HeaderText",
                table: "MessageTemplates",
                type: "TEXT",
                maxLength: 60,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "MetaId",
                table: "MessageTemplates",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Status",
                table: "MessageTemplates",
                type: "TEXT",
                maxLength: 24,
                nullable: false,
                defaultValue: "Approved");

            migrationBuilder.AddColumn<string>(
                name: "StatusReason",
                table: "MessageTemplates",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "SyncedAt",
                table: "MessageTemplates",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "UrlButtonIndexes",
                table: "MessageTemplates",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<string>(
                name: "TemplateButtonParameters",
                table: "Messages",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TemplateHeaderParameters",
                table: "Messages",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "BusinessAccountId",
                table: "Channels",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "HeaderParameterCount",
                table: "MessageTemplates");

            migrationBuilder.DropColumn(
                name: "HeaderText",
                table: "MessageTemplates");

            migrationBuilder.DropColumn(
                name: "MetaId",
                table: "MessageTemplates");

            migrationBuilder.DropColumn(
                name: "Status",
                table: "MessageTemplates");

            migrationBuilder.DropColumn(
                name: "StatusReason",
                table: "MessageTemplates");

            migrationBuilder.DropColumn(
                name: "SyncedAt",
                table: "MessageTemplates");

            migrationBuilder.DropColumn(
                name: "UrlButtonIndexes",
                table: "MessageTemplates");

            migrationBuilder.DropColumn(
                name: "TemplateButtonParameters",
                table: "Messages");

            migrationBuilder.DropColumn(
                name: "TemplateHeaderParameters",
                table: "Messages");

            migrationBuilder.DropColumn(
                name: "BusinessAccountId",
                table: "Channels");
        }
    }
}
