using Microsoft.Extensions.DependencyInjection;

namespace Inbox.Core.Localization;

public static class LocalizationExtensions
{
    /// <summary>Core's texts in the reader's language: <see cref="PhraseText"/> over <c>CoreText.{culture}.resx</c>.</summary>
    public static IServiceCollection AddCoreText(this IServiceCollection services)
    {
        services.AddLocalization();
        services.AddSingleton<PhraseText>();
        return services;
    }
}
