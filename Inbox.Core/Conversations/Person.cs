namespace Inbox.Core.Conversations;

/// <summary>One real customer, linking the per-channel contacts that were merged into it.</summary>
public class Person
{
    public int Id { get; set; }

    public required string DisplayName { get; set; }

    public List<Contact> Contacts { get; set; } = [];
}
