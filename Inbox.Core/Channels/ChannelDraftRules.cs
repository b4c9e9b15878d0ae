using Inbox.Core.Localization;

namespace Inbox.Core.Channels;

/// <summary>The rules a channel's settings must meet that need no database: required fields, key format, secrets per platform.</summary>
internal static class ChannelDraftRules
{
    /// <summary>The first rule the draft breaks, or null. <paramref name="existing"/> supplies the kept secrets when editing.</summary>
    public static ChannelAdminResult? Check(ChannelDraft draft, Channel? existing)
    {
        if (string.IsNullOrWhiteSpace(draft.Key))
        {
            return ChannelAdminResult.Invalid(new Phrase("Key is required."), nameof(ChannelDraft.Key));
        }

        if (!ChannelKeyFormat.IsValid(draft.Key))
        {
            return ChannelAdminResult.Invalid(new Phrase("Key must be 1–64 lower-case letters, digits or dashes, starting with a letter or digit (e.g. acme-line)."), nameof(ChannelDraft.Key));
        }

        if (string.IsNullOrWhiteSpace(draft.Name))
        {
            return ChannelAdminResult.Invalid(new Phrase("Name is required."), nameof(ChannelDraft.Name));
        }

        if (string.IsNullOrWhiteSpace(draft.ExternalId))
        {
            return ChannelAdminResult.Invalid(new Phrase("{0} is required.", ChannelSetup.ExternalIdLabel(draft.Kind)), nameof(ChannelDraft.ExternalId));
        }

        if (draft.LoginType == LoginType.Instagram && draft.Kind != ChannelKind.Instagram)
        {
            return ChannelAdminResult.Invalid(new Phrase("Instagram Login is only for Instagram channels."), nameof(ChannelDraft.LoginType));
        }

        if (draft.Kind == ChannelKind.Line && string.IsNullOrEmpty(Effective(draft.ChannelSecret, existing?.ChannelSecret)))
        {
            return ChannelAdminResult.Invalid(new Phrase("A LINE channel needs its channel secret to verify webhooks."), nameof(ChannelDraft.ChannelSecret));
        }

        // Simulated demo channels never call a platform, so only live ones need a token.
        if (existing is not { Simulated: true } && string.IsNullOrEmpty(Effective(draft.AccessToken, existing?.AccessToken)))
        {
            return ChannelAdminResult.Invalid(new Phrase("An access token is required to send on this channel."), nameof(ChannelDraft.AccessToken));
        }

        return null;
    }

    /// <summary>The secret that will be stored: the one typed in, or the kept one when left blank.</summary>
    public static string? Effective(string? typed, string? stored) => string.IsNullOrWhiteSpace(typed) ? stored : typed.Trim();
}
