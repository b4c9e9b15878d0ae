namespace Inbox.Web.Security;

/// <summary>Marks a page or endpoint that exists only in demo mode: with <c>Inbox:Demo:Enabled</c> off it is not found (404).</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class DemoOnlyAttribute : Attribute;
