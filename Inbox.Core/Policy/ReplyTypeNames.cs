namespace Inbox.Core.Policy;

/// <summary>Reply types as agents read them, in the workspace and in the reasons a reply is refused.</summary>
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
