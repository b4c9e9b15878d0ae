using Inbox.Core.Policy;

namespace Inbox.Web.Components.Shared;

/// <summary>Reply types as agents read them.</summary>
public static class ReplyTypeNames
{
    public static string Of(ReplyType? type) => type switch
    {
        ReplyType.FreeForm => "Free-form reply",
        ReplyType.HumanAgentTag => "Human agent reply (tagged)",
        ReplyType.Template => "Template",
        ReplyType.PrivateReply => "Private reply",
        ReplyType.PublicReply => "Public reply",
        _ => "",
    };
}
