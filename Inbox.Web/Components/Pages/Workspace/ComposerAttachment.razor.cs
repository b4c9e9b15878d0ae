using Inbox.Core.Channels;
using Inbox.Core.Media;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.JSInterop;

namespace Inbox.Web.Components.Pages.Workspace;

/// <summary>
/// The file a reply carries. A picked, dropped or pasted file is read from the agent's browser and checked at once against
/// the platform's limits (<see cref="AttachmentReplies.Check"/>), so a file that cannot go is refused next to the button.
/// </summary>
public partial class ComposerAttachment : IAsyncDisposable
{
    private InputFile? input;
    private IJSObjectReference? module;
    private ElementReference? watched;
    private string? refusal;
    private bool reading;

    /// <summary>The conversation's platform.</summary>
    [Parameter, EditorRequired]
    public ChannelKind Channel { get; set; }

    /// <summary>The attached file; null when none.</summary>
    [Parameter]
    public AttachedFile? File { get; set; }

    [Parameter]
    public EventCallback<AttachedFile?> FileChanged { get; set; }

    [Parameter]
    public bool Disabled { get; set; }

    [Inject]
    private Inbox.Core.Localization.PhraseText Say { get; set; } = default!;

    [Inject]
    private AttachmentReplies Replies { get; set; } = default!;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    /// <summary>Why no file can be sent in this conversation (LINE without a public address).</summary>
    private string? Off => AttachmentReplies.Unavailable(Channel, Replies.PublicLinks) is { } off ? Say[off] : null;

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (RendererInfo.IsInteractive && input?.Element is { } element && !element.Equals(watched))
        {
            watched = element;
            module ??= await JS.InvokeAsync<IJSObjectReference>("import", "/js/composer.js");
            await module.InvokeVoidAsync("watchFiles", element);
        }
    }

    private async Task OnChangeAsync(InputFileChangeEventArgs e)
    {
        refusal = null;
        var picked = e.File;
        if (picked.Size > Replies.MaxBytes || picked.Size == 0)
        {
            // Refused on its size alone, before a byte crosses the circuit.
            refusal = Say[Replies.Check(Channel, [], picked.ContentType, picked.Size).Refusal];
            return;
        }

        reading = true;
        byte[] bytes;
        try
        {
            await using var stream = picked.OpenReadStream(Replies.MaxBytes);
            using var copy = new MemoryStream();
            await stream.CopyToAsync(copy);
            bytes = copy.ToArray();
        }
        catch (IOException ex)
        {
            refusal = T["The file could not be read: {0}", ex.Message];
            return;
        }
        finally
        {
            reading = false;
        }

        // The bytes decide what it is, not the browser's word.
        var (kind, mimeType, refused) = Replies.Check(Channel, bytes.AsSpan(0, Math.Min(bytes.Length, MediaTypes.HeaderLength)), picked.ContentType, bytes.Length);
        if (refused is not null)
        {
            refusal = Say[refused];
            return;
        }

        var preview = kind == "image" && module is not null && input?.Element is { } element ? await module.InvokeAsync<string?>("previewUrl", element) : null;
        await ReplaceAsync(new AttachedFile(picked.Name, kind, mimeType, bytes, preview));
    }

    private async Task RemoveAsync()
    {
        refusal = null;
        await ReplaceAsync(null);
    }

    private async Task ReplaceAsync(AttachedFile? file)
    {
        if (File?.PreviewUrl is { } old && module is not null)
        {
            await module.InvokeVoidAsync("revokePreview", old);
        }

        await FileChanged.InvokeAsync(file);
    }

    public async ValueTask DisposeAsync()
    {
        if (module is not null)
        {
            try
            {
                await module.DisposeAsync();
            }
            catch (JSDisconnectedException)
            {
                // The circuit is gone; so is the module.
            }
        }
    }
}
