using Microsoft.Playwright;

namespace Inbox.E2E.PageObjects;

/// <summary>The reply composer at the foot of an open conversation.</summary>
public sealed class ComposerPage(IPage page)
{
    public ILocator Root => page.GetByTestId("composer");

    public ILocator Text => page.GetByTestId("composer-text");

    public ILocator Error => page.GetByTestId("composer-error");

    public ILocator TemplatePreview => page.GetByTestId("template-preview");

    /// <summary>A reply type choice, by its snake_case name (<c>free_form</c>, <c>human_agent_tag</c>, <c>template</c>…).</summary>
    public ILocator ReplyType(string type) => page.GetByTestId($"reply-type-{type}");

    public Task WriteAsync(string text) => Text.FillAsync(text);

    public Task ChooseTemplateAsync(string name, string language, string category) =>
        page.GetByTestId("template-picker").SelectOptionAsync(new SelectOptionValue { Label = $"{name} · {language} · {category}" });

    public Task FillTemplateParameterAsync(int number, string value) => page.GetByTestId($"template-param-{number}").FillAsync(value);

    /// <summary>The attached file's preview: thumbnail or icon, name, size and a remove button.</summary>
    public ILocator AttachmentPreview => page.GetByTestId("attachment-preview");

    /// <summary>Attaches a file as the Attach button's file picker does.</summary>
    /// <summary>
    /// Chooses a file, once Blazor's <c>InputFile</c> script has set the input up (it then keeps a number for the next file it reads):
    /// a file set on the input before that, while the composer has just rendered on a loaded machine, is never read.
    /// </summary>
    public async Task AttachAsync(string path)
    {
        await page.WaitForFunctionAsync("() => typeof document.querySelector('[data-testid=composer-file]')?._blazorInputFileNextFileId === 'number'");
        await page.GetByTestId("composer-file").SetInputFilesAsync(path);
    }

    public Task SendAsync() => page.GetByTestId("composer-send").ClickAsync();
}
