namespace Inbox.Core.Reporting;

/// <summary>One bar of a response-time distribution.</summary>
public sealed record TimeBucket(string Label, int Count);
