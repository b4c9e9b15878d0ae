namespace Inbox.Testing;

/// <summary>Which Inbox.Web build <see cref="InboxProcess"/> starts.</summary>
public enum WebBuild
{
    /// <summary>The one built in the caller's configuration: tests run the app they were built with.</summary>
    SameAsCaller,

    /// <summary>Release when built, else Debug: benchmarks measure the optimised app when they can.</summary>
    ReleaseIfBuilt,
}
