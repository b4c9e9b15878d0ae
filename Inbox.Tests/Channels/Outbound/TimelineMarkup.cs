using Inbox.Core.Channels.Outbound;
using Inbox.Core.Conversations;
using Inbox.Core.Policy;
using Inbox.Tests.TestSupport;
using Inbox.Web.Components.Pages.Workspace;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Inbox.Tests.Channels.Outbound;

/// <summary>
/// What the agent's timeline shows for a message right now: the conversation read as the workspace reads it, and the
/// message's <see cref="TimelineMessage"/> rendered by bunit.
/// </summary>
public static class TimelineMarkup
{
    public static async Task<string> RenderAsync(OutboundApp app, long messageId)
    {
        await using var db = app.OpenDb();
        var conversationId = db.Messages.Where(m => m.Id == messageId).Select(m => m.ConversationId).Single();
        var conversation = await app.Services.GetRequiredService<ConversationQueries>().GetAsync(conversationId);
        var message = conversation!.Messages.Single(m => m.Id == messageId);
        var decision = ReplyPolicy.Evaluate(ConversationFacts.Of(conversation), app.Now);

        // The message needs only the app's sending options; the whole app as a fallback would hand bunit's renderer
        // the app's own scoped rendering services.
        var sending = app.Services.GetRequiredService<IOptions<OutboundOptions>>();
        await using var ctx = ComponentContext.Create(configure: c => c.Services.AddSingleton(sending));
        return ctx.Render<TimelineMessage>(p => p.Add(m => m.Message, message).Add(m => m.Decision, decision)).Markup;
    }
}
