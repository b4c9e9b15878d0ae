namespace Inbox.Core.Conversations;

/// <summary>A WhatsApp template to send: its approved name, language code and parameters.</summary>
/// <param name="Parameters">The body's <c>{{1}}</c>, <c>{{2}}</c>… values, in order.</param>
/// <param name="HeaderParameters">The text header's <c>{{1}}</c> value, when the header has one.</param>
/// <param name="ButtonParameters">For each URL button (by its position from 0) whose address ends in <c>{{1}}</c>, that value.</param>
public sealed record TemplateReply(
    string Name,
    string Language,
    IReadOnlyList<string> Parameters,
    IReadOnlyList<string>? HeaderParameters = null,
    IReadOnlyDictionary<int, string>? ButtonParameters = null)
{
    public IReadOnlyList<string> Header => HeaderParameters ?? [];

    public IReadOnlyDictionary<int, string> Buttons => ButtonParameters ?? new Dictionary<int, string>();
}
