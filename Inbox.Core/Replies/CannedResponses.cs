using Inbox.Core.Audit;
using System.Text.RegularExpressions;
using Inbox.Core.Localization;
using Inbox.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Inbox.Core.Replies;

/// <summary>The team's saved answers: admins manage them, agents insert them in the composer with <c>/shortcut</c>.</summary>
public sealed partial class CannedResponses(IDbContextFactory<InboxDbContext> contexts, AuditLog audit, ILogger<CannedResponses> logger)
{
    /// <summary>Longest body: Messenger's 2,000-character limit, so a response fits every channel.</summary>
    public const int MaxBodyLength = 2000;

    /// <summary>Every canned response, by shortcut.</summary>
    public async Task<IReadOnlyList<CannedResponse>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Set<CannedResponse>().AsNoTracking().OrderBy(r => r.Shortcut).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// The responses an agent means by what they typed: <paramref name="typed"/> is the text after <c>/</c>; shortcuts
    /// starting with it come first, then those whose shortcut or title contains it.
    /// </summary>
    public static IReadOnlyList<CannedResponse> Match(IEnumerable<CannedResponse> responses, string typed, int limit = 6) =>
        responses
            .Select(r => (Response: r, Rank: r.Shortcut.StartsWith(typed, StringComparison.OrdinalIgnoreCase) ? 0
                : r.Shortcut.Contains(typed, StringComparison.OrdinalIgnoreCase) || r.Title.Contains(typed, StringComparison.OrdinalIgnoreCase) ? 1
                : 2))
            .Where(x => x.Rank < 2)
            .OrderBy(x => x.Rank).ThenBy(x => x.Response.Shortcut, StringComparer.Ordinal)
            .Take(limit)
            .Select(x => x.Response)
            .ToList();

    /// <summary>Adds a canned response; shortcuts are unique.</summary>
    public async Task<AdminResult> CreateAsync(CannedResponseDraft draft, string actor, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await CheckAsync(db, draft, id: 0, cancellationToken) is { } refused)
        {
            return refused;
        }

        var response = new CannedResponse { Shortcut = "", Title = "", Body = "" };
        Apply(draft, response);
        db.Set<CannedResponse>().Add(response);
        audit.Add(db, actor, "canned-response.created", $"canned response /{response.Shortcut}");
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("{Actor} added canned response /{Shortcut}", actor, response.Shortcut);
        return AdminResult.Done(response.Id);
    }

    /// <summary>Changes a canned response.</summary>
    public async Task<AdminResult> UpdateAsync(int id, CannedResponseDraft draft, string actor, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var response = await db.Set<CannedResponse>().SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (response is null)
        {
            return AdminResult.NotFound(new Phrase("Canned response {0} does not exist.", id));
        }

        if (await CheckAsync(db, draft, id, cancellationToken) is { } refused)
        {
            return refused;
        }

        Apply(draft, response);
        audit.Add(db, actor, "canned-response.updated", $"canned response /{response.Shortcut}");
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("{Actor} changed canned response /{Shortcut}", actor, response.Shortcut);
        return AdminResult.Done(id);
    }

    /// <summary>Deletes a canned response.</summary>
    public async Task<AdminResult> DeleteAsync(int id, string actor, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var deleted = await db.Set<CannedResponse>().Where(r => r.Id == id).ExecuteDeleteAsync(cancellationToken);
        if (deleted > 0)
        {
            await audit.RecordAsync(actor, "canned-response.deleted", $"canned response {id}", cancellationToken: cancellationToken);
        }

        logger.LogInformation("{Actor} deleted canned response {Id}", actor, id);
        return deleted == 0 ? AdminResult.NotFound(new Phrase("Canned response {0} does not exist.", id)) : AdminResult.Done(id);
    }

    private static void Apply(CannedResponseDraft draft, CannedResponse response)
    {
        response.Shortcut = Normalise(draft.Shortcut);
        response.Title = draft.Title.Trim();
        response.Body = draft.Body.Trim();
    }

    private static string Normalise(string shortcut) => shortcut.Trim().TrimStart('/').ToLowerInvariant();

    private static async Task<AdminResult?> CheckAsync(InboxDbContext db, CannedResponseDraft draft, int id, CancellationToken cancellationToken)
    {
        var shortcut = Normalise(draft.Shortcut);
        if (!ShortcutFormat().IsMatch(shortcut))
        {
            return AdminResult.Invalid(new Phrase("The shortcut is 1–32 lower-case letters, digits or dashes, typed after / in the composer."), nameof(CannedResponseDraft.Shortcut));
        }

        if (string.IsNullOrWhiteSpace(draft.Title) || draft.Title.Trim().Length > 200)
        {
            return AdminResult.Invalid(new Phrase("The title is required, at most 200 characters."), nameof(CannedResponseDraft.Title));
        }

        if (string.IsNullOrWhiteSpace(draft.Body) || draft.Body.Trim().Length > MaxBodyLength)
        {
            return AdminResult.Invalid(new Phrase("The text is required, at most {0} characters.", MaxBodyLength), nameof(CannedResponseDraft.Body));
        }

        return await db.Set<CannedResponse>().AnyAsync(r => r.Shortcut == shortcut && r.Id != id, cancellationToken)
            ? AdminResult.Invalid(new Phrase("/{0} is already used by another canned response.", shortcut), nameof(CannedResponseDraft.Shortcut))
            : null;
    }

    [GeneratedRegex("^[a-z0-9-]{1,32}$")]
    private static partial Regex ShortcutFormat();
}
