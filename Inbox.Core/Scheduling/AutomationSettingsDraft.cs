using Inbox.Core.Localization;

namespace Inbox.Core.Scheduling;

/// <summary>What an admin types into the automation texts form: the pending follow-up and the per-language texts.</summary>
public sealed class AutomationSettingsDraft
{
    public bool PendingFollowUpEnabled { get; set; }

    /// <summary>The default follow-up question, for customers with no matching translation.</summary>
    public string PendingFollowUpText { get; set; } = "";

    /// <summary>The follow-up question in other languages.</summary>
    public List<LanguageText> FollowUpTranslations { get; set; } = [];

    /// <summary>The CSAT question in other languages (the default is the configured <c>Inbox:Automations:CsatQuestion</c>).</summary>
    public List<LanguageText> CsatTranslations { get; set; } = [];

    public static AutomationSettingsDraft Of(AutomationSettings settings) => new()
    {
        PendingFollowUpEnabled = settings.PendingFollowUpEnabled,
        PendingFollowUpText = settings.PendingFollowUpText,
        FollowUpTranslations = LanguageText.Rows(settings.PendingFollowUpTexts),
        CsatTranslations = LanguageText.Rows(settings.CsatQuestions),
    };
}
