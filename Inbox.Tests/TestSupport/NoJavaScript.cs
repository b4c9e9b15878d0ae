using Microsoft.JSInterop;

namespace Inbox.Tests.TestSupport;

/// <summary>Static rendering runs no script; Radzen's components and the composer only need the service to exist.</summary>
public sealed class NoJavaScript : IJSRuntime
{
    public ValueTask<TValue> InvokeAsync<TValue>(string identifier, object?[]? args) => ValueTask.FromResult<TValue>(default!);

    public ValueTask<TValue> InvokeAsync<TValue>(string identifier, CancellationToken cancellationToken, object?[]? args) => ValueTask.FromResult<TValue>(default!);
}
