using Inbox.Core.Conversations;

namespace Inbox.Web.Endpoints.Contracts;

/// <summary>Body of <c>POST /api/conversations/{id}/status</c>.</summary>
public sealed record StatusRequest(ConversationStatus? Status);
