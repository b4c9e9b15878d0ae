using Microsoft.Extensions.DependencyInjection;

namespace Inbox.Core.Privacy;

/// <summary>Registration of data retention and contact erasure.</summary>
public static class PrivacyExtensions
{
    /// <summary>Retention settings (validated at start-up), the retention run and contact erasure. The daily job is registered with the other recurring jobs.</summary>
    public static IServiceCollection AddPrivacy(this IServiceCollection services)
    {
        services.AddOptions<RetentionOptions>().BindConfiguration(RetentionOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<DataRetention>();
        services.AddSingleton<ContactErasure>();
        return services;
    }
}
