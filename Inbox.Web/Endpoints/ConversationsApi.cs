using Inbox.Core.Channels;
using Inbox.Core.Conversations;
using Inbox.Core.Policy;

namespace Inbox.Web.Endpoints;

/// <summary><c>/api/conversations</c>: list and read conversations with their reply windows.</summary>
public static class ConversationsApi
{
    public static RouteGroupBuilder MapConversationsApi(this RouteGroupBuilder api)
    {
        var conversations = api.MapGroup("/conversations").WithTags("Conversations");
        conversations.MapGet("/", ListAsync).WithName("ListConversations");
        return api;
    }

    private static async Task<IResult> ListAsync(
        ConversationQueries queries, ReplyPolicy policy,
        string? status, string? channel, int? assignee, string? contact, string? sort)
    {
        ConversationStatus? statusFilter = null;
        if (status is not null)
        {
            if (!Enum.TryParse<ConversationStatus>(status, ignoreCase: true, out var parsed))
            {
                return Results.Problem(statusCode: 400, title: "Invalid filter", detail: "status must be open, pending or resolved.");
            }

            statusFilter = parsed;
        }

        if (sort is not (null or "expiry" or "latest"))
        {
            return Results.Problem(statusCode: 400, title: "Invalid sort", detail: "sort must be 'expiry' or 'latest'.");
        }

        var rows = await queries.ListAsync(new ConversationFilter(statusFilter, channel, null, assignee, contact, SortByExpiry: sort == "expiry"));
        return Results.Ok(rows.Select(r => Summary(r, policy.Evaluate(r.Facts))));
    }

    private static object Summary(ConversationSummary row, ReplyDecision decision) => new
    {
        id = row.Id,
        kind = row.Kind,
        channel = new { key = row.ChannelKey, kind = row.ChannelKind },
        contact = new { id = row.ContactId, name = row.ContactName, externalId = row.ContactExternalId },
        status = row.Status,
        assignee = row.AssigneeId is { } id ? new { id, name = row.AssigneeName } : null,
        lastInboundAt = row.LastInboundAt,
        lastMessageAt = row.LastMessageAt,
        window = new { state = decision.State, standardClosesAt = decision.StandardClosesAt, humanAgentClosesAt = decision.HumanAgentClosesAt },
        suggestedReplyType = decision.Suggested,
        deadline = decision.Deadline,
    };
}
