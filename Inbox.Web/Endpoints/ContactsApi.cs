using System.Security.Claims;
using Inbox.Core.Identity;
using Inbox.Core.Privacy;
using Inbox.Web.Endpoints.Contracts;
using Microsoft.AspNetCore.Authorization;

namespace Inbox.Web.Endpoints;

/// <summary><c>/api/contacts</c>: erasing a contact on request (Admin keys only).</summary>
public static class ContactsApi
{
    public static RouteGroupBuilder MapContactsApi(this RouteGroupBuilder api)
    {
        var admin = new AuthorizationPolicyBuilder(ApiKeyAuthenticationHandler.SchemeName).RequireRole(Roles.Admin).Build();
        var contacts = api.MapGroup("/contacts").WithTags("Contacts").RequireAuthorization(admin).ProducesProblem(StatusCodes.Status403Forbidden);
        contacts.MapDelete("/{id:int}", EraseAsync).WithName("EraseContact")
            .WithSummary("Erases a contact and everything held about them.")
            .WithDescription("Deletes the contact's conversations with their messages, notes and report facts, its platform ids and profile, "
                + "pending automations and queued sends, and clears processed webhook bodies that name it. The audit log keeps who erased "
                + "which contact id and when, never the content. A later message from the same person starts a new contact. Admin keys only.")
            .Produces<ErasureDto>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<IResult> EraseAsync(int id, ContactErasure erasure, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var report = await erasure.EraseAsync(id, $"API key '{user.Identity?.Name}'", cancellationToken);
        return report is null ? Problems.NotFound($"Contact {id} does not exist.") : Results.Ok(ErasureDto.Of(report));
    }
}
