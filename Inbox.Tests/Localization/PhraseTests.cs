using System.Globalization;
using Inbox.Core.Localization;
using Microsoft.Extensions.DependencyInjection;

namespace Inbox.Tests.Localization;

/// <summary>A phrase kept with an activity entry is worded later in the reader's language, its instant in their format.</summary>
public sealed class PhraseTests
{
    private static readonly DateTime ClosesAt = new(2026, 11, 20, 14, 30, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData("en", "Reminder to the team: the customer is unanswered and the reply window closes at 11/20/2026 2:30\u202FPM UTC.")]
    [InlineData("pt-BR", "Lembrete à equipe: o cliente está sem resposta e a janela de resposta fecha em 20/11/2026 14:30 UTC.")]
    [InlineData("ru", "Напоминание команде: клиент ждёт ответа, а окно для ответа закроется 20.11.2026 14:30 UTC.")]
    public void Read_StoredReminder_WordedInTheReadersLanguage(string culture, string expected)
    {
        var stored = PhraseJson.Write(new Phrase("Reminder to the team: the customer is unanswered and the reply window closes at {0}.", ClosesAt));

        Assert.Equal(expected, InCulture(culture, say => say[PhraseJson.Read(stored)]));
    }

    [Fact]
    public void Read_NestedPhraseAndNames_RoundTripsToTheSameEnglish()
    {
        var phrase = new Phrase("{0} {1}", new Phrase("Reassigned from {0} to {1}", "Kim Lee", "Ana Souza"), new Phrase("({0}, {1})", "Care", new Phrase("round robin")));

        var read = PhraseJson.Read(PhraseJson.Write(phrase))!;

        Assert.Equal("Reassigned from Kim Lee to Ana Souza (Care, round robin)", read.ToString());
        Assert.Equal("Reatribuída de Kim Lee para Ana Souza (Care, rodízio)", InCulture("pt-BR", say => say[read]));
        Assert.Null(PhraseJson.Read("Assigned to Kim"));
    }

    private static string InCulture(string culture, Func<PhraseText, string> render)
    {
        using var services = new ServiceCollection().AddLogging().AddCoreText().BuildServiceProvider();
        var (before, beforeUi) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            return render(services.GetRequiredService<PhraseText>());
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (before, beforeUi);
        }
    }
}
