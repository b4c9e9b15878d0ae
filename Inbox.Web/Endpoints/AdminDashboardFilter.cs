using Hangfire.Dashboard;
using Inbox.Core.Identity;

namespace Inbox.Web.Endpoints;

/// <summary>The Hangfire dashboard's gate: admins only. Hangfire answers 403 to anyone else who is signed in.</summary>
internal sealed class AdminDashboardFilter : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context) => context.GetHttpContext().User.IsInRole(Roles.Admin);
}
