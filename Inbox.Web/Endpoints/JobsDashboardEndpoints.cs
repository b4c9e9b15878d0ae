using Hangfire;
using Inbox.Core.Identity;

namespace Inbox.Web.Endpoints;

/// <summary>Hangfire's own dashboard at <c>/admin/hangfire</c> (jobs, retries, servers), for admins.</summary>
public static class JobsDashboardEndpoints
{
    public const string Path = "/admin/hangfire";

    /// <summary>
    /// Signed-in people only (anonymous callers are sent to the sign-in page by the cookie scheme); of those, the
    /// dashboard's filter lets admins in and answers 403 to agents and supervisors.
    /// </summary>
    public static IEndpointRouteBuilder MapJobsDashboard(this IEndpointRouteBuilder app)
    {
        app.MapHangfireDashboard(Path, new DashboardOptions
        {
            Authorization = [new AdminDashboardFilter()],
            AppPath = "/admin/jobs",
            DashboardTitle = "Inbox jobs",
            DisplayStorageConnectionString = false,
        })
            .RequireAuthorization(Policies.Agent);
        return app;
    }
}
