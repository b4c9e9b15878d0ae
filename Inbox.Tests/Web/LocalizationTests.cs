using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Inbox.Core.Conversations;
using Inbox.Core.Routing;
using Inbox.Core.Scheduling;
using Inbox.Testing;
using Inbox.Web.Components.Shared;
using Inbox.Tests.TestSupport;

namespace Inbox.Tests.Web;

/// <summary>
/// The agent UI in the agents' languages: chosen from the browser's Accept-Language, overridden by the user's own
/// choice, with dates in the culture's own format, and every UI string translated in every language.
/// </summary>
public sealed partial class LocalizationTests(InboxAppFactory app) : IClassFixture<InboxAppFactory>
{
    private static readonly string[] Translated = ["pt-BR", "es", "ru", "it"];

    [Theory]
    [InlineData("en", "Sign in", "Password")]
    [InlineData("pt-BR", "Entrar", "Senha")]
    [InlineData("es", "Iniciar sesión", "Contraseña")]
    [InlineData("ru", "Войти", "Пароль")]
    [InlineData("it", "Accedi", "Password")]
    public async Task SignInPage_BrowserLanguage_IsShownInIt(string culture, string signIn, string password)
    {
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(culture);

        var page = WebUtility.HtmlDecode(await client.GetStringAsync("/login"));

        Assert.Contains($"<html lang=\"{culture}\"", page);
        Assert.Contains($"<h1>{signIn}</h1>", page);
        Assert.Contains($"<label for=\"password\">{password}</label>", page);
    }

    [Theory]
    [InlineData("pt-BR", "Entrar", "Caixa de entrada", "Minhas", "Todos os canais", "Nota interna", "Tipo de resposta", "Contato")]
    [InlineData("es", "Iniciar sesión", "Bandeja de entrada", "Mías", "Todos los canales", "Nota interna", "Tipo de respuesta", "Contacto")]
    [InlineData("ru", "Войти", "Входящие", "Мои", "Все каналы", "Внутренняя заметка", "Тип ответа", "Контакт")]
    [InlineData("it", "Accedi", "Posta in arrivo", "Mie", "Tutti i canali", "Nota interna", "Tipo di risposta", "Contatto")]
    public async Task Inbox_AgentSignsInUnderTheBrowserLanguage_SignInListComposerAndDatesFollowIt(
        string culture, string signIn, string inbox, string mine, string allChannels, string note, string replyType, string contact)
    {
        using var client = app.CreateClient(new() { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(culture);
        Assert.Contains($"<h1>{signIn}</h1>", WebUtility.HtmlDecode(await client.GetStringAsync("/login")));
        Assert.Equal(HttpStatusCode.Redirect, (await CookieSignIn.PostCredentialsAsync(client, "agent@inbox.demo", "Demo-pass-1")).StatusCode);

        var list = WebUtility.HtmlDecode(await client.GetStringAsync("/"));
        Assert.Contains($"<h1>{inbox}</h1>", list);
        Assert.Contains(mine, list);
        Assert.Contains($">{allChannels}</option>", list);

        var jonas = (await app.ApiClient().GetFromJsonAsync<JsonElement[]>("/api/conversations"))!
            .Single(r => r.GetProperty("contact").GetProperty("name").GetString() == "Jonas Lindqvist").GetProperty("id").GetInt32();
        var conversation = WebUtility.HtmlDecode(await client.GetStringAsync($"/conversations/{jonas}"));
        var days = string.Join("|", CultureInfo.GetCultureInfo(culture).DateTimeFormat.AbbreviatedDayNames.Select(Regex.Escape));
        Assert.Matches(new Regex($"(?:{days}) \\d\\d:\\d\\d"), conversation);
        Assert.Contains($">{note}</button>", conversation);
        Assert.Contains($"aria-label=\"{replyType}\"", conversation);
        Assert.Matches(new Regex($"data-testid=\"contact-panel-toggle\"[^>]*>.*?{Regex.Escape(contact)}", RegexOptions.Singleline), conversation);
    }

    [Fact]
    public async Task LanguageMenu_UserChoosesRussian_ChoiceWinsOverTheBrowserLanguage()
    {
        using var client = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        var chosen = await client.GetAsync("/account/language?culture=ru&returnUrl=%2Flogin");
        Assert.Equal(HttpStatusCode.Redirect, chosen.StatusCode);
        Assert.Equal("/login", chosen.Headers.Location?.OriginalString);
        var cookie = chosen.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".AspNetCore.Culture=", StringComparison.Ordinal));

        using var request = new HttpRequestMessage(HttpMethod.Get, "/login");
        request.Headers.Add("Cookie", cookie.Split(';')[0]);
        request.Headers.AcceptLanguage.ParseAdd("it");
        var page = WebUtility.HtmlDecode(await (await client.SendAsync(request)).Content.ReadAsStringAsync());

        Assert.Contains("<h1>Войти</h1>", page);
    }

    [Theory]
    [InlineData("/account/language?culture=xx&returnUrl=%2F", HttpStatusCode.BadRequest, null)]
    [InlineData("/account/language?culture=es&returnUrl=%2F%2Fevil.example", HttpStatusCode.Redirect, "/")]
    [InlineData("/account/language?culture=es&returnUrl=https%3A%2F%2Fevil.example", HttpStatusCode.Redirect, "/")]
    public async Task LanguageMenu_UnknownLanguageOrForeignReturnAddress_IsRefusedOrKeptHome(string url, HttpStatusCode status, string? location)
    {
        using var client = app.CreateClient(new() { AllowAutoRedirect = false });

        var answer = await client.GetAsync(url);

        Assert.Equal(status, answer.StatusCode);
        Assert.Equal(location, answer.Headers.Location?.OriginalString);
    }

    [Fact]
    public void Resources_EveryUiStringInTheComponents_IsTranslatedInEveryLanguage()
    {
        var root = InboxProcess.RepositoryRoot();
        var components = Path.Combine(root, "Inbox.Web", "Components");
        var used = Directory.EnumerateFiles(components, "*.razor", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(components, "*.cs", SearchOption.AllDirectories))
            .SelectMany(f => Literal().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .ToHashSet();
        Assert.NotEmpty(used);
        // Labels looked up by an enum value's name: presence, job states, the status filter and a conversation's own status.
        var statuses = Enum.GetNames<ConversationStatus>();
        used.UnionWith([.. Enum.GetNames<Presence>(), .. Enum.GetNames<AutomationState>(), .. statuses, .. Enum.GetValues<ConversationStatus>().Select(StatusText.Key)]);

        foreach (var culture in Translated)
        {
            var data = XDocument.Load(Path.Combine(root, "Inbox.Web", "Localization", $"Ui.{culture}.resx")).Root!.Elements("data").ToList();
            // Resource names ignore case when compiled: "Open" and "open" would be one entry, the other silently dropped.
            Assert.Empty(data.GroupBy(d => ((string)d.Attribute("name")!).ToUpperInvariant()).Where(g => g.Count() > 1).Select(g => $"{culture}: {g.Key}"));
            var entries = data.ToDictionary(d => (string)d.Attribute("name")!, d => (string)d.Element("value")!);
            Assert.Empty(used.Where(key => !entries.ContainsKey(key)).Select(key => $"{culture}: {key}"));
            Assert.Empty(entries.Where(e => string.IsNullOrWhiteSpace(e.Value)).Select(e => $"{culture}: {e.Key}"));
            // A translation keeps every placeholder of its English text, or string.Format throws or drops a value.
            Assert.Empty(entries.Where(e => !Placeholders(e.Key).SequenceEqual(Placeholders(e.Value))).Select(e => $"{culture}: {e.Key} → {e.Value}"));
        }
    }

    private static IEnumerable<string> Placeholders(string text) => Placeholder().Matches(text).Select(m => m.Value).Order(StringComparer.Ordinal);

    [GeneratedRegex("\\{\\d+(?::[^}]*)?\\}")]
    private static partial Regex Placeholder();

    // T["Text"] and T["Text {0}", value], in markup and code-behind (t["…"] where a helper takes the localizer).
    [GeneratedRegex("\\b[Tt]\\[\"([^\"]+)\"[\\],]")]
    private static partial Regex Literal();
}
