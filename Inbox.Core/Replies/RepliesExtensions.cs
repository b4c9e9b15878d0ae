using Inbox.Core.Conversations;
using Microsoft.Extensions.DependencyInjection;

namespace Inbox.Core.Replies;

public static class RepliesExtensions
{
    /// <summary>What the composer offers besides free text: WhatsApp templates, canned responses and internal notes.</summary>
    public static IServiceCollection AddReplies(this IServiceCollection services)
    {
        services.AddSingleton<TemplateRegistry>();
        services.AddSingleton<TemplateSync>();
        services.AddSingleton<CannedResponses>();
        services.AddSingleton<ConversationNotes>();
        return services;
    }
}
