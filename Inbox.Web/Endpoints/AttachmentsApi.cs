using System.Security.Claims;
using System.Text.Json;
using Inbox.Core.Conversations;
using Inbox.Core.Media;
using Inbox.Core.Policy;
using Inbox.Core.Routing;
using Inbox.Web.Endpoints.Contracts;
using Microsoft.AspNetCore.Http.Features;

namespace Inbox.Web.Endpoints;

/// <summary><c>POST /api/conversations/{id}/attachments</c>: a reply with a photo or a file, answered like a text reply (202, 400, 404, 409).</summary>
public static class AttachmentsApi
{
    private const string Shape = "Send multipart/form-data with 'file', and optionally 'text', 'replyType' and 'sender'.";

    public static async Task<IResult> SendAsync(
        int id, HttpRequest request, AttachmentReplies replies, ConversationScopes scopes, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (!await ConversationsApi.InScopeAsync(id, scopes, user, cancellationToken))
        {
            return ConversationsApi.NotFound(id);
        }

        if (!request.HasFormContentType)
        {
            return Problems.BadRequest(Shape);
        }

        // Room for a file of the configured size and the form around it; a bigger one is refused by the size check below.
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = replies.MaxBytes + (1024 * 1024);
        }

        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is InvalidDataException or BadHttpRequestException)
        {
            return Problems.BadRequest($"The upload could not be read ({ex.Message}); files may be at most {MediaLimits.Size(replies.MaxBytes)}.");
        }

        if (form.Files.GetFile("file") is not { } file)
        {
            return Problems.BadRequest(Shape);
        }

        if (!TryParse<ReplyType>(form["replyType"], out var type) || !TryParse<SenderKind>(form["sender"], out var sender))
        {
            return Problems.BadRequest("replyType must be free_form or human_agent_tag, and sender human or automation.");
        }

        await using var content = file.OpenReadStream();
        var result = await replies.QueueAsync(id, content, file.FileName, file.ContentType, form["text"], type, sender ?? SenderKind.Human, agentId: null, cancellationToken);
        return result.Status == CommandStatus.Done
            ? Results.Accepted($"/api/conversations/{id}", MessageDto.Of(result.Message!))
            : Problems.From(result);
    }

    /// <summary>An enum field as the JSON API spells it (<c>human_agent_tag</c>); empty is null.</summary>
    private static bool TryParse<T>(string? value, out T? parsed)
        where T : struct, Enum
    {
        parsed = null;
        if (string.IsNullOrEmpty(value))
        {
            return true;
        }

        foreach (var candidate in Enum.GetValues<T>())
        {
            if (JsonNamingPolicy.SnakeCaseLower.ConvertName(candidate.ToString()) == value)
            {
                parsed = candidate;
                return true;
            }
        }

        return false;
    }
}
