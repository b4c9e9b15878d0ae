namespace Inbox.Core.Channels.Inbound;

/// <summary>
/// A WhatsApp status's <c>pricing{billable, pricing_model, category, type}</c> (docs/platform-rules.md §6): Meta's own
/// word on a message's category and billing, preferred to anything Inbox infers.
/// </summary>
/// <param name="Category"><c>marketing</c>, <c>utility</c>, <c>authentication</c>, <c>service</c>…, as Meta sent it.</param>
/// <param name="Type"><c>regular</c>, <c>free_customer_service</c> or <c>free_entry_point</c>.</param>
/// <param name="Billable">Meta's <c>billable</c> flag when present.</param>
public sealed record MessagePricing(string? Category, string? Type, bool? Billable)
{
    /// <summary>Whether Meta bills the message: its flag, else a <c>free_*</c> type is free and any other type billed; null when it said neither.</summary>
    public bool? Billed => Billable ?? (Type is null ? null : !Type.StartsWith("free_", StringComparison.Ordinal));
}
