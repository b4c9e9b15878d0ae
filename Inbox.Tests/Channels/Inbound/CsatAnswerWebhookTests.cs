using Inbox.Core.Conversations;
using Inbox.Core.Reporting;
using Inbox.Core.Scheduling;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Inbox.Tests.Channels.Inbound;

/// <summary>The survey asked by the automation and the customer's rating arriving by webhook both reach the CSAT report.</summary>
public sealed class CsatAnswerWebhookTests : WebhookTestBase
{
    [Fact]
    public async Task RatingAfterTheSurvey_IsRecordedInTheReportWithoutReopening()
    {
        await Webhooks.MetaRawAsync(Text("m_csat_1", "Where is my parcel?", DateTime.UtcNow.AddMinutes(-30)));
        await ProcessAsync();
        var conversation = await SingleConversationAsync();
        await App.Services.GetRequiredService<ConversationCommands>().SetStatusAsync(conversation.Id, ConversationStatus.Resolved, "Alice Agent");

        var asked = await App.Services.GetRequiredService<CsatSurveys>().AskAsync(conversation.Id);
        await Webhooks.MetaRawAsync(Text("m_csat_2", "5", DateTime.UtcNow));
        await ProcessAsync();

        Assert.Equal(AutomationState.Done, asked.State);
        await using var db = App.OpenDb();
        var fact = await db.Set<CsatFact>().SingleAsync(f => f.ConversationId == conversation.Id);
        Assert.Equal(5, fact.Score);
        Assert.NotNull(fact.AnsweredAt);
        var after = await db.Conversations.SingleAsync(c => c.Id == conversation.Id);
        Assert.Equal((ConversationStatus.Resolved, 5), (after.Status, after.CsatScore));
    }

    private static string Text(string mid, string text, DateTime at) => $$$"""
        {"object":"page","entry":[{"id":"{{{PageId}}}","time":1,"messaging":[{"sender":{"id":"61009"},"recipient":{"id":"{{{PageId}}}"},"timestamp":{{{Ms(at)}}},"message":{"mid":"{{{mid}}}","text":"{{{text}}}"}}]}]}
        """;
}
