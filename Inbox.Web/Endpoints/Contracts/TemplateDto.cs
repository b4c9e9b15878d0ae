namespace Inbox.Web.Endpoints.Contracts;

/// <param name="Parameters">The body's <c>{{1}}</c>, <c>{{2}}</c>… values, in order.</param>
/// <param name="HeaderParameters">The text header's <c>{{1}}</c> value, when the template's header has one.</param>
/// <param name="ButtonParameters">URL buttons' <c>{{1}}</c> values by button position from 0 (<c>{"0": "A-1234"}</c>).</param>
public sealed record TemplateDto(
    string? Name,
    string? Language,
    IReadOnlyList<string?>? Parameters,
    IReadOnlyList<string?>? HeaderParameters = null,
    IReadOnlyDictionary<int, string?>? ButtonParameters = null);
