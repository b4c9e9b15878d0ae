using Inbox.Core.Conversations;
using Inbox.Web.Localization;
using Microsoft.Extensions.Localization;

namespace Inbox.Web.Components.Shared;

/// <summary>
/// One conversation's status as a word ("aberta", "открыт"). Resource names ignore case and the list filter already
/// uses "Open" for the plural ("Abertas"), so the singular has its own key; English, with no resource file, shows the status's name.
/// </summary>
public static class StatusText
{
    public static string Of(ConversationStatus status, IStringLocalizer<Ui> t)
    {
        var text = t[Key(status)];
        return text.ResourceNotFound ? status.ToString() : text.Value;
    }

    /// <summary>The resource name of a status's singular label.</summary>
    public static string Key(ConversationStatus status) => $"{status} (one conversation)";
}
