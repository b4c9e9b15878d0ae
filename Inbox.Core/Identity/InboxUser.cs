using Microsoft.AspNetCore.Identity;

namespace Inbox.Core.Identity;

/// <summary>A sign-in account. The person behind it, as the inbox routes work, is an <see cref="Routing.Agent"/>.</summary>
public class InboxUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
}
