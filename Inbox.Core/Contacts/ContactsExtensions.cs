using Microsoft.Extensions.DependencyInjection;

namespace Inbox.Core.Contacts;

/// <summary>Registration of the contacts feature.</summary>
public static class ContactsExtensions
{
    /// <summary>The contact panel's reads and merging contacts into one person.</summary>
    public static IServiceCollection AddContacts(this IServiceCollection services)
    {
        services.AddSingleton<ContactProfiles>();
        services.AddSingleton<ContactMerge>();
        services.AddSingleton<ContactLanguage>();
        return services;
    }
}
