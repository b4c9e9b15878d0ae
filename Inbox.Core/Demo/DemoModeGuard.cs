using Inbox.Core.Channels;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Inbox.Core.Demo;

/// <summary>
/// Where demo mode may run. Demo mode seeds an Admin login whose password the sign-in page prints, so it belongs on a
/// developer's machine or a throwaway staging copy, never in Production and never beside a real Page or Meta app.
/// </summary>
public static class DemoModeGuard
{
    private const string TurnItOff = "Set Inbox:Demo:Enabled to false (environment variable Inbox__Demo__Enabled=false)";

    /// <summary>Why start-up must stop, in words that name the setting to change; null when demo mode is off or allowed here.</summary>
    public static string? Refusal(bool demoEnabled, string environmentName, int declaredChannels, bool metaAppSecretSet)
    {
        if (!demoEnabled)
        {
            return null;
        }

        if (string.Equals(environmentName, Environments.Production, StringComparison.OrdinalIgnoreCase))
        {
            return $"Demo mode (Inbox:Demo:Enabled) is on in the Production environment, where its logins would be open to anyone. {TurnItOff}, "
                + "or run the demo in another environment (ASPNETCORE_ENVIRONMENT=Development, as `dotnet run --project Inbox.Web` does).";
        }

        if (declaredChannels > 0)
        {
            return $"Demo mode (Inbox:Demo:Enabled) is on beside {declaredChannels} real channel(s) declared in Inbox:Channels, whose customers the demo logins could read. "
                + $"{TurnItOff}, or remove the Inbox:Channels entries.";
        }

        if (metaAppSecretSet)
        {
            return $"Demo mode (Inbox:Demo:Enabled) is on beside a real Meta app (Meta:AppSecret is set). {TurnItOff}, or leave Meta:AppSecret empty.";
        }

        return null;
    }

    /// <summary>Stops start-up, before anything is seeded, when demo mode is on where it must not be.</summary>
    public static void ThrowIfRefused(IServiceProvider services)
    {
        var refusal = Refusal(
            services.GetRequiredService<IOptions<DemoOptions>>().Value.Enabled,
            services.GetRequiredService<IHostEnvironment>().EnvironmentName,
            services.GetRequiredService<IOptions<ChannelOptions>>().Value.Channels.Count,
            // The configured value, not MetaOptions: demo mode fills an empty secret with its own.
            !string.IsNullOrEmpty(services.GetRequiredService<IConfiguration>()[$"{Channels.Meta.MetaOptions.Section}:AppSecret"]));
        if (refusal is not null)
        {
            throw new StartupRefusedException(refusal);
        }
    }
}
