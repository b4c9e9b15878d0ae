using Inbox.Core.Demo;
using Microsoft.AspNetCore.Routing.Matching;
using Microsoft.Extensions.Options;

namespace Inbox.Web.Security;

/// <summary>
/// Takes <see cref="DemoOnlyAttribute"/> endpoints out of routing when demo mode is off, so their addresses answer
/// 404 like any address the app does not have, rather than a page that exists but refuses.
/// </summary>
public sealed class DemoOnlyMatcherPolicy(IOptions<DemoOptions> demo) : MatcherPolicy, IEndpointSelectorPolicy
{
    public override int Order => 0;

    public bool AppliesToEndpoints(IReadOnlyList<Endpoint> endpoints) =>
        !demo.Value.Enabled && endpoints.Any(e => e.Metadata.GetMetadata<DemoOnlyAttribute>() is not null);

    public Task ApplyAsync(HttpContext httpContext, CandidateSet candidates)
    {
        for (var i = 0; i < candidates.Count; i++)
        {
            if (candidates[i].Endpoint.Metadata.GetMetadata<DemoOnlyAttribute>() is not null)
            {
                candidates.SetValidity(i, false);
            }
        }

        return Task.CompletedTask;
    }
}
