using Inbox.Core.Replies;
using Microsoft.AspNetCore.Components;

namespace Inbox.Web.Components.Pages.Admin;

/// <summary>The admin's canned responses: list, add, edit, delete. Rules are Core's <see cref="Core.Replies.CannedResponses"/>.</summary>
public partial class CannedResponses
{
    [Inject]
    private Core.Replies.CannedResponses Responses { get; set; } = default!;

    protected override Task<IReadOnlyList<CannedResponse>> ListAsync() => Responses.ListAsync();

    protected override CannedResponseDraft NewDraft() => new();

    protected override (int Id, CannedResponseDraft Draft) Edit(CannedResponse row) => (row.Id, CannedResponseDraft.Of(row));

    protected override Task<AdminResult> SaveAsync(int? id, CannedResponseDraft value, string actor) =>
        id is { } existing ? Responses.UpdateAsync(existing, value, actor) : Responses.CreateAsync(value, actor);

    protected override Task<AdminResult> DeleteAsync(CannedResponse row, string actor) => Responses.DeleteAsync(row.Id, actor);

    protected override string Describe(CannedResponse row) => T["the canned response /{0}", row.Shortcut];

    protected override string Describe(CannedResponseDraft value) => T["Canned response /{0}", value.Shortcut.Trim().TrimStart('/')];
}
