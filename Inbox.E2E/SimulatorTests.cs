using System.Net.Http.Json;
using System.Text.Json;
using Inbox.E2E.Infrastructure;
using Inbox.E2E.PageObjects;
using static Microsoft.Playwright.Assertions;

namespace Inbox.E2E;

[Collection(AppCollection.Name)]
public sealed class SimulatorTests(AppFixture fixture) : BrowserTest
{
    protected override AppFixture Fixture => fixture;

    [Fact]
    public async Task Customer_WritesOnWhatsApp_AgentSeesItAndTheReplyArrivesOnThePhone()
    {
        var phone = await fixture.NewPageAsync();
        var simulator = new SimulatorPage(phone);
        await simulator.OpenAsync();
        await simulator.ChooseChannelAsync("Northwind WhatsApp");
        await simulator.WriteAsNewCustomerAsync("Yuki Sato", "Can I change the size of order #4471?");

        var desk = await fixture.NewPageAsync();
        var inbox = await new LoginPage(desk).SignInAsync("agent@inbox.demo");
        await Expect(inbox.Row("Yuki Sato")).ToBeVisibleAsync();
        await inbox.OpenConversationAsync("Yuki Sato");
        await Expect(inbox.Messages.Last).ToContainTextAsync("order #4471");

        // The reply goes out through the API (the composer comes with the agent workspace) and the simulated channel "delivers" it.
        using var api = new HttpClient { BaseAddress = fixture.App.BaseUrl };
        api.DefaultRequestHeaders.Authorization = new("Bearer", AppFixture.AgentApiKey);
        var id = desk.Url.Split('/').Last();
        var response = await api.PostAsJsonAsync($"/api/conversations/{id}/messages", new { text = "Yes, which size would you like?" });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());

        await Expect(simulator.Messages.Last).ToContainTextAsync("Yes, which size would you like?");
        await Expect(simulator.Messages.Last).ToContainTextAsync("sent");
        await simulator.ScreenshotAsync("simulator-whatsapp");
    }
}
