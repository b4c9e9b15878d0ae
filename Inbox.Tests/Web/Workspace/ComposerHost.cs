using Inbox.Web.Components.Pages.Workspace;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;

namespace Inbox.Tests.Web.Workspace;

/// <summary>Renders a <see cref="Composer"/> and keeps a reference to it, so a test can act on it and render again.</summary>
public sealed class ComposerHost : ComponentBase
{
    [Parameter]
    public IReadOnlyDictionary<string, object?> Parameters { get; set; } = new Dictionary<string, object?>();

    /// <summary>Called with the host once it exists, since HtmlRenderer does not hand out component instances.</summary>
    [Parameter]
    public Action<ComposerHost>? Expose { get; set; }

    public Composer Composer { get; private set; } = default!;

    protected override void OnInitialized() => Expose?.Invoke(this);

    public Task RenderAgainAsync() => InvokeAsync(StateHasChanged);

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        builder.OpenComponent<Composer>(0);
        foreach (var (name, value) in Parameters)
        {
            builder.AddComponentParameter(1, name, value);
        }

        builder.AddComponentReferenceCapture(2, component => Composer = (Composer)component);
        builder.CloseComponent();
    }
}
