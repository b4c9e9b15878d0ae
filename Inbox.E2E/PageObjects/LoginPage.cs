using Microsoft.Playwright;

namespace Inbox.E2E.PageObjects;

public sealed class LoginPage(IPage page)
{
    public async Task<InboxPage> SignInAsync(string email, string password = "Demo-pass-1")
    {
        await page.GotoAsync("/login");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        return new InboxPage(page);
    }
}
