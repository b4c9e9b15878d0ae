using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Inbox.Core.Persistence;

/// <summary>All instants are stored as UTC; SQLite keeps no kind, so values read back are marked UTC again.</summary>
public sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
