using Inbox.Core.Channels.Outbound;
using Inbox.Core.Conversations;
using Inbox.Core.Policy;
using Inbox.Tests.TestSupport;
using Inbox.Web.Components.Pages.Workspace;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.JSInterop;
using Radzen;

namespace Inbox.Tests.Channels.Outbound;

/// <summary>
/// What the agent's timeline shows for a message right now: the conversation read as the workspace reads it, and the
/// message's <see cref="TimelineMessage"/> rendered with the framework's HtmlRenderer.
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

        await using var services = new ServiceCollection().AddRadzenComponents().AddSingleton<IJSRuntime, NoJavaScript>()
            .AddSingleton(app.Services.GetRequiredService<IOptions<OutboundOptions>>()).BuildServiceProvider();
        await using var renderer = new HtmlRenderer(services, NullLoggerFactory.Instance);
        return await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var parameters = new Dictionary<string, object?> { [nameof(TimelineMessage.Message)] = message, [nameof(TimelineMessage.Decision)] = decision };
            var output = await renderer.RenderComponentAsync<TimelineMessage>(ParameterView.FromDictionary(parameters));
            return output.ToHtmlString();
        });
    }
}
