using System.Text.RegularExpressions;
using System.Xml.Linq;
using Inbox.Testing;

namespace Inbox.Tests.Localization;

/// <summary>The UI's strings about customers' languages (<c>L["…"]</c> over <c>LanguageUi</c>) are translated in every language.</summary>
public sealed partial class LanguageUiTests
{
    private static readonly string[] Translated = ["pt-BR", "es", "ru", "it"];

    [Fact]
    public void Resources_EveryLanguageUiStringInTheComponents_IsTranslatedInEveryLanguage()
    {
        var root = InboxProcess.RepositoryRoot();
        var used = Directory.EnumerateFiles(Path.Combine(root, "Inbox.Web", "Components"), "*.razor*", SearchOption.AllDirectories)
            .SelectMany(f => Literal().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .ToHashSet();
        Assert.Contains("Add a language", used);

        foreach (var culture in Translated)
        {
            var entries = XDocument.Load(Path.Combine(root, "Inbox.Web", "Localization", $"LanguageUi.{culture}.resx")).Root!.Elements("data")
                .ToDictionary(d => (string)d.Attribute("name")!, d => (string)d.Element("value")!);
            Assert.Empty(used.Where(key => !entries.ContainsKey(key)).Select(key => $"{culture} lacks: {key}"));
            Assert.Empty(entries.Keys.Where(key => !used.Contains(key)).Select(key => $"{culture} has an unused entry: {key}"));
            Assert.Empty(entries.Where(e => string.IsNullOrWhiteSpace(e.Value) || e.Value == e.Key).Select(e => $"{culture} leaves untranslated: {e.Key}"));
        }
    }

    [GeneratedRegex("\\bL\\[\"([^\"]+)\"\\]")]
    private static partial Regex Literal();
}
