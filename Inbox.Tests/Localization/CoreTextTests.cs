using System.Text.RegularExpressions;
using System.Xml.Linq;
using Inbox.Core.Policy;
using Inbox.Testing;

namespace Inbox.Tests.Localization;

/// <summary>
/// Core's texts (the policy's reasons and notes, automation entries, validation messages) in every language: each phrase
/// Core words is translated in each <c>CoreText.{culture}.resx</c>, keeps the English text's placeholders, and no stale
/// translation is left behind.
/// </summary>
public sealed partial class CoreTextTests
{
    private static readonly string[] Translated = ["pt-BR", "es", "ru", "it"];

    [Fact]
    public void Resources_EveryPhraseInCore_IsTranslatedInEveryLanguageWithTheSamePlaceholders()
    {
        var used = UsedKeys();
        Assert.Contains("The 7-day human agent window closed at {0}; the customer must write again.", used);

        foreach (var culture in Translated)
        {
            var entries = Entries(culture);
            Assert.Empty(used.Where(key => !entries.ContainsKey(key)).Select(key => $"{culture} lacks: {key}"));
            Assert.Empty(entries.Keys.Where(key => !used.Contains(key)).Select(key => $"{culture} has an unused entry: {key}"));
            Assert.Empty(entries.Where(e => string.IsNullOrWhiteSpace(e.Value) || e.Value == e.Key && e.Key.Any(char.IsLetter) && !Names.Contains(e.Key))
                .Select(e => $"{culture} leaves untranslated: {e.Key}"));
            Assert.Empty(entries.Where(e => !Placeholders(e.Key).SetEquals(Placeholders(e.Value))).Select(e => $"{culture} changes the placeholders of: {e.Key}"));
        }
    }

    // Texts that are the same word in a translation are allowed only where they are names or that language's own word.
    private static readonly HashSet<string> Names = ["video"];

    private static HashSet<string> UsedKeys()
    {
        var core = Path.Combine(InboxProcess.RepositoryRoot(), "Inbox.Core");
        var keys = Directory.EnumerateFiles(core, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}Migrations{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"))
            .Select(File.ReadAllText)
            .Where(code => code.Contains("Phrase", StringComparison.Ordinal))
            .SelectMany(code => PhraseLiteral().Matches(code).Select(m => Regex.Unescape(m.Groups[1].Value)))
            .ToHashSet();
        keys.UnionWith(Enum.GetValues<ReplyType>().Select(t => ReplyTypeNames.Of(t)));
        return keys;
    }

    private static Dictionary<string, string> Entries(string culture) =>
        XDocument.Load(Path.Combine(InboxProcess.RepositoryRoot(), "Inbox.Core", "Localization", $"CoreText.{culture}.resx")).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string)d.Element("value")!);

    private static HashSet<string> Placeholders(string text) => Placeholder().Matches(text).Select(m => m.Value).ToHashSet();

    /// <summary>
    /// A phrase written in Core: <c>new Phrase("…")</c> or a target-typed <c>new("…")</c> where a phrase is expected, its
    /// text on the same line or the next.
    /// </summary>
    [GeneratedRegex("""new(?: Phrase)?\(\s*"((?:[^"\\]|\\.)+)"[,)]""")]
    private static partial Regex PhraseLiteral();

    [GeneratedRegex(@"\{\d+(?::[^}]+)?\}")]
    private static partial Regex Placeholder();
}
