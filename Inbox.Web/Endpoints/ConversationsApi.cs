using System.Security.Claims;
using Inbox.Core.Conversations;
using Inbox.Core.Localization;
using Inbox.Core.Policy;
using Inbox.Core.Routing;
using Inbox.Web.Endpoints.Contracts;

namespace Inbox.Web.Endpoints;

/// <summary>
/// <c>/api/conversations</c>: read conversations with their windows, send replies the platform allows, assign, change
/// status. A conversation outside the key's <see cref="ConversationScope"/> answers 404, as if it did not exist.
/// </summary>
public static class ConversationsApi
{
    public static RouteGroupBuilder MapConversationsApi(this RouteGroupBuilder api)
    {
        var conversations = api.MapGroup("/conversations").WithTags("Conversations");
        conversations.MapGet("/", ListAsync).WithName("ListConversations")
            .WithSummary("Lists conversations with their window state.")
            .WithDescription("Filters: status (open, pending, resolved), channel (channel key), assignee (agent id), contact (the contact's platform id). "
                + "sort=expiry puts the soonest window end first; the default is latest message first.")
            .Produces<IEnumerable<ConversationSummaryDto>>()
            .ProducesProblem(StatusCodes.Status400BadRequest);
        conversations.MapGet("/{id:int}", GetAsync).WithName("GetConversation")
            .WithSummary("One conversation, the reply types allowed now, and its messages.")
            .Produces<ConversationDetailDto>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        conversations.MapPost("/{id:int}/messages", SendAsync).WithName("SendMessage")
            .WithSummary("Queues a reply.")
            .WithDescription("Without replyType the suggested one is used. Allowed now: 202 with the message, stored as queued. "
                + "Not allowed now: 409 with the reason, and nothing is stored. sender=automation is never allowed the HUMAN_AGENT tag.")
            .Accepts<SendMessageRequest>("application/json")
            .Produces<MessageDto>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        conversations.MapPost("/{id:int}/attachments", AttachmentsApi.SendAsync).WithName("SendAttachment")
            .WithSummary("Queues a reply with a photo or a file.")
            .WithDescription("multipart/form-data: file (required), text (optional; the caption), replyType and sender (optional, as for messages). "
                + "The file's type is read from its bytes and checked against the platform's limits and Inbox:Media:MaxBytes before anything is queued. "
                + "Allowed now: 202 with the message (its attachment included), stored as queued. Too large, a type the platform does not take, "
                + "a LINE file (LINE bots send pictures only) or LINE without Inbox:PublicBaseUrl: 400 with the reason. "
                + "Not allowed now (window closed): 409 with the reason, and nothing is stored.")
            .Accepts<AttachmentForm>("multipart/form-data")
            .Produces<MessageDto>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        conversations.MapPost("/{id:int}/assign", AssignAsync).WithName("AssignConversation")
            .WithSummary("Assigns to an agent; agentId null unassigns.")
            .WithDescription("Logged in the conversation's activity.")
            .Accepts<AssignRequest>("application/json")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        conversations.MapPost("/{id:int}/status", SetStatusAsync).WithName("SetConversationStatus")
            .WithSummary("Sets open, pending or resolved.")
            .WithDescription("Logged in the conversation's activity.")
            .Accepts<StatusRequest>("application/json")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<IResult> ListAsync(
        ConversationQueries queries, ReplyPolicy policy, PhraseText say, ConversationScopes scopes, ClaimsPrincipal user,
        string? status, string? channel, int? assignee, string? contact, string? sort, CancellationToken cancellationToken)
    {
        ConversationStatus? statusFilter = null;
        if (status is not null)
        {
            if (!Enum.TryParse<ConversationStatus>(status, ignoreCase: true, out var parsed) || int.TryParse(status, out _))
            {
                return Problems.BadRequest("status must be open, pending or resolved.");
            }

            statusFilter = parsed;
        }

        if (sort is not (null or "expiry" or "latest"))
        {
            return Problems.BadRequest("sort must be 'expiry' or 'latest'.");
        }

        var scope = await scopes.ForAsync(user, cancellationToken);
        var filter = new ConversationFilter(statusFilter, channel, null, assignee, contact, SortByExpiry: sort == "expiry", Scope: scope);
        var rows = await queries.ListAsync(filter, cancellationToken);
        return Results.Ok(rows.Select(r => ConversationSummaryDto.Of(r, policy.Evaluate(r.Facts), say)));
    }

    private static async Task<IResult> GetAsync(
        int id, ConversationQueries queries, ReplyPolicy policy, PhraseText say, ConversationScopes scopes, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var conversation = await queries.GetAsync(id, await scopes.ForAsync(user, cancellationToken), cancellationToken);
        return conversation is null
            ? NotFound(id)
            : Results.Ok(ConversationDetailDto.Of(conversation, policy.Evaluate(ConversationFacts.Of(conversation)), say));
    }

    private static async Task<IResult> SendAsync(
        int id, SendMessageRequest? body, ConversationCommands commands, ConversationScopes scopes, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (!await InScopeAsync(id, scopes, user, cancellationToken))
        {
            return NotFound(id);
        }

        if (body is null)
        {
            return Problems.BadRequest("Send a JSON body: { \"text\", \"replyType\"?, \"template\"? }.");
        }

        var template = body.Template is { } t
            ? new TemplateReply(
                t.Name ?? "",
                t.Language ?? "",
                (t.Parameters ?? []).Select(p => p ?? "").ToList(),
                t.HeaderParameters?.Select(p => p ?? "").ToList(),
                t.ButtonParameters?.ToDictionary(b => b.Key, b => b.Value ?? ""))
            : null;
        var result = await commands.QueueReplyAsync(id, new ReplyRequest(body.Text, body.ReplyType, template), body.Sender ?? SenderKind.Human, agentId: null, cancellationToken);
        return result.Status == CommandStatus.Done
            ? Results.Accepted($"/api/conversations/{id}", MessageDto.Of(result.Message!))
            : Problems.From(result);
    }

    private static async Task<IResult> AssignAsync(
        int id, AssignRequest? body, AssignmentService assignments, ConversationScopes scopes, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (!await InScopeAsync(id, scopes, user, cancellationToken))
        {
            return NotFound(id);
        }

        if (body is null)
        {
            return Problems.BadRequest("Send a JSON body: { \"agentId\": <id or null> }.");
        }

        var result = await assignments.AssignAgentAsync(id, body.AgentId, Actor(user), cancellationToken);
        return result.Status == CommandStatus.Done ? Results.NoContent() : Problems.From(result);
    }

    private static async Task<IResult> SetStatusAsync(
        int id, StatusRequest? body, ConversationCommands commands, ConversationScopes scopes, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (!await InScopeAsync(id, scopes, user, cancellationToken))
        {
            return NotFound(id);
        }

        if (body?.Status is not { } status)
        {
            return Problems.BadRequest("Send a JSON body: { \"status\": \"open\" | \"pending\" | \"resolved\" }.");
        }

        var result = await commands.SetStatusAsync(id, status, Actor(user), cancellationToken);
        return result.Status == CommandStatus.Done ? Results.NoContent() : Problems.From(result);
    }

    internal static async Task<bool> InScopeAsync(int id, ConversationScopes scopes, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        await scopes.AllowsAsync(await scopes.ForAsync(user, cancellationToken), id, cancellationToken);

    // The same answer as for a conversation that does not exist: a key outside its teams learns nothing, not even that it exists.
    internal static IResult NotFound(int id) => Problems.NotFound($"Conversation {id} does not exist.");

    private static string Actor(ClaimsPrincipal user) => $"API key '{user.Identity?.Name}'";
}
