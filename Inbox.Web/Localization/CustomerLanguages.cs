using Inbox.Core.Localization;

namespace Inbox.Web.Localization;

/// <summary>The languages offered for a customer and for automation translations: the agent UI's five and those of the platforms' big markets.</summary>
public static class CustomerLanguages
{
    public static IReadOnlyList<string> Tags { get; } =
        ["pt-BR", "es", "ru", "it", "en", "pt-PT", "fr", "de", "nl", "pl", "tr", "ar", "hi", "id", "th", "vi", "ja", "ko", "zh-TW", "zh-CN"];

    /// <summary>The offered tags, plus <paramref name="current"/> when it is another one (e.g. a language LINE reported).</summary>
    public static IEnumerable<string> With(string? current) =>
        current is null || Tags.Contains(current, StringComparer.OrdinalIgnoreCase) ? Tags : [.. Tags, current];

    /// <summary>"Português (Brasil) · pt-BR": the language's own name and its tag.</summary>
    public static string Label(string tag) => $"{Languages.NativeName(tag)} · {tag}";
}
