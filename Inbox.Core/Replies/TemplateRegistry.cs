using Inbox.Core.Audit;
using System.Text.RegularExpressions;
using Inbox.Core.Channels;
using Inbox.Core.Localization;
using Inbox.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Inbox.Core.Replies;

/// <summary>
/// The WhatsApp templates agents may pick, as admins registered them. Meta approves templates; this registry only
/// mirrors them, so a name or language that does not match Meta's is refused by WhatsApp at send time (132000/132001).
/// </summary>
public sealed partial class TemplateRegistry(IDbContextFactory<InboxDbContext> contexts, AuditLog audit, ILogger<TemplateRegistry> logger)
{
    /// <summary>Every template, by name then language.</summary>
    public async Task<IReadOnlyList<MessageTemplate>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Set<MessageTemplate>().AsNoTracking().OrderBy(t => t.Name).ThenBy(t => t.Language).ToListAsync(cancellationToken);
    }

    /// <summary>The templates a channel may send: its own and those registered for every WhatsApp channel.</summary>
    public async Task<IReadOnlyList<MessageTemplate>> ForChannelAsync(int channelId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Set<MessageTemplate>().AsNoTracking()
            .Where(t => t.ChannelId == channelId || t.ChannelId == null)
            .OrderBy(t => t.Name).ThenBy(t => t.Language)
            .ToListAsync(cancellationToken);
    }

    /// <summary>Registers a template. <paramref name="actor"/> is who did it, for the log.</summary>
    public async Task<AdminResult> CreateAsync(TemplateDraft draft, string actor, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await CheckAsync(db, draft, id: 0, cancellationToken) is { } refused)
        {
            return refused;
        }

        var template = new MessageTemplate { Name = "", Language = "", Body = "" };
        Apply(draft, template);
        db.Set<MessageTemplate>().Add(template);
        audit.Add(db, actor, "template.created", $"template {template.Name} ({template.Language})");
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("{Actor} registered template {Name} ({Language})", actor, template.Name, template.Language);
        return AdminResult.Done(template.Id);
    }

    /// <summary>Changes a registered template.</summary>
    public async Task<AdminResult> UpdateAsync(int id, TemplateDraft draft, string actor, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var template = await db.Set<MessageTemplate>().SingleOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (template is null)
        {
            return AdminResult.NotFound(new Phrase("Template {0} does not exist.", id));
        }

        if (await CheckAsync(db, draft, id, cancellationToken) is { } refused)
        {
            return refused;
        }

        Apply(draft, template);
        audit.Add(db, actor, "template.updated", $"template {template.Name} ({template.Language})");
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("{Actor} changed template {Name} ({Language})", actor, template.Name, template.Language);
        return AdminResult.Done(id);
    }

    /// <summary>Removes a template from the picker; messages already sent with it keep their text.</summary>
    public async Task<AdminResult> DeleteAsync(int id, string actor, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var deleted = await db.Set<MessageTemplate>().Where(t => t.Id == id).ExecuteDeleteAsync(cancellationToken);
        if (deleted > 0)
        {
            await audit.RecordAsync(actor, "template.deleted", $"template {id}", cancellationToken: cancellationToken);
        }

        logger.LogInformation("{Actor} deleted template {Id}", actor, id);
        return deleted == 0 ? AdminResult.NotFound(new Phrase("Template {0} does not exist.", id)) : AdminResult.Done(id);
    }

    /// <summary>The registered template a reply names, preferring the channel's own over one for every channel.</summary>
    internal static Task<MessageTemplate?> FindAsync(InboxDbContext db, int channelId, string name, string language, CancellationToken cancellationToken) =>
        db.Set<MessageTemplate>().AsNoTracking()
            .Where(t => (t.ChannelId == channelId || t.ChannelId == null) && t.Name == name && t.Language == language)
            .OrderBy(t => t.ChannelId == null)
            .FirstOrDefaultAsync(cancellationToken);

    private static void Apply(TemplateDraft draft, MessageTemplate template)
    {
        template.ChannelId = draft.ChannelId;
        template.Name = draft.Name.Trim();
        template.Language = draft.Language.Trim();
        template.Category = draft.Category;
        template.Body = draft.Body.Trim();
        template.ParameterCount = TemplateBody.ParameterCount(template.Body);
    }

    private static async Task<AdminResult?> CheckAsync(InboxDbContext db, TemplateDraft draft, int id, CancellationToken cancellationToken)
    {
        var name = draft.Name.Trim();
        var language = draft.Language.Trim();
        if (!NameFormat().IsMatch(name))
        {
            return AdminResult.Invalid(new Phrase("The name is Meta's template name: lower-case letters, digits and underscores, e.g. order_update."), nameof(TemplateDraft.Name));
        }

        if (!LanguageFormat().IsMatch(language))
        {
            return AdminResult.Invalid(new Phrase("The language is a WhatsApp language code such as en, en_US or pt_BR."), nameof(TemplateDraft.Language));
        }

        if (TemplateBody.Check(draft.Body.Trim()) is { } bodyError)
        {
            return AdminResult.Invalid(bodyError, nameof(TemplateDraft.Body));
        }

        if (draft.ChannelId is { } channelId && !await db.Channels.AnyAsync(c => c.Id == channelId && c.Kind == ChannelKind.WhatsApp, cancellationToken))
        {
            return AdminResult.Invalid(new Phrase("Templates belong to a WhatsApp channel, or to all of them."), nameof(TemplateDraft.ChannelId));
        }

        var taken = await db.Set<MessageTemplate>().AnyAsync(
            t => t.Id != id && t.ChannelId == draft.ChannelId && t.Name == name && t.Language == language, cancellationToken);
        return taken
            ? AdminResult.Invalid(new Phrase("{0} ({1}) is already registered for this channel.", name, language), nameof(TemplateDraft.Name))
            : null;
    }

    [GeneratedRegex("^[a-z0-9_]{1,512}$")]
    private static partial Regex NameFormat();

    [GeneratedRegex("^[a-z]{2,3}(_[A-Z]{2})?$")]
    private static partial Regex LanguageFormat();
}
