using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Inbox.Core.Conversations;
using Inbox.Tests.Channels.Outbound;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Inbox.Tests.Media.AttachmentUpload;

namespace Inbox.Tests.Media;

/// <summary>An agent's client sends photos and files through the API; the sender uploads them to each platform as it requires.</summary>
public sealed class MediaOutTests : OutboundTestBase
{
    private const string PublicBaseUrl = "https://inbox.example.test";

    protected override IReadOnlyDictionary<string, string?>? Overrides => new Dictionary<string, string?> { ["Inbox:PublicBaseUrl"] = PublicBaseUrl };

    [Fact]
    public async Task Messenger_PictureWithText_UploadsTheFileAsFiledataThenSendsTheText()
    {
        var conversation = await App.AddAsync(ConversationSeed.On("fb"));
        Platform.Script($"{OutboundApp.Graph}/{OutboundApp.PageId}/messages", FakeResponse.SendApiOk("m_file_1"), FakeResponse.SendApiOk("m_text_1"));

        using var response = await PostAsync(App.Api(), conversation.Id, Jpeg, "label.jpg", "image/jpeg", "Here is your return label.");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var message = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("queued", message.GetProperty("status").GetString());
        var attachment = Assert.Single(message.GetProperty("attachments").EnumerateArray());
        Assert.Equal("image", attachment.GetProperty("type").GetString());
        Assert.Equal("image/jpeg", attachment.GetProperty("mimeType").GetString());
        Assert.Equal("label.jpg", attachment.GetProperty("name").GetString());

        await App.SendAsync();

        var calls = Platform.To($"{OutboundApp.Graph}/{OutboundApp.PageId}/messages");
        Assert.Equal(2, calls.Count);
        var upload = calls[0];
        Assert.StartsWith("multipart/form-data", upload.Header("Content-Type"));
        Assert.Equal("Bearer fb-token", upload.Header("Authorization"));
        Assert.Equal(conversation.Recipient, JsonNode.Parse(upload.Part("recipient").Text)!["id"]!.GetValue<string>());
        Assert.Equal("RESPONSE", upload.Part("messaging_type").Text);
        var sent = JsonNode.Parse(upload.Part("message").Text)!;
        Assert.Equal("image", sent["attachment"]!["type"]!.GetValue<string>());
        var file = upload.Part("filedata");
        Assert.Equal(Jpeg, file.Bytes);
        Assert.Equal("image/jpeg", file.ContentType);
        Assert.Equal("label.jpg", file.FileName);
        Assert.Equal("Here is your return label.", calls[1].Json!["message"]!["text"]!.GetValue<string>());

        var stored = await App.MessageAsync(message.GetProperty("id").GetInt64());
        Assert.Equal(DeliveryStatus.Sent, stored.Status);
        Assert.Equal("m_file_1", stored.PlatformMessageId);
    }

    [Fact]
    public async Task Messenger_HumanAgentReplyWithAFile_IsTaggedOnTheUpload()
    {
        var conversation = await App.AddAsync(ConversationSeed.On("fb").LastInbound(TimeSpan.FromDays(3)));

        using var response = await PostAsync(App.Api(), conversation.Id, Pdf, "invoice.pdf", "application/pdf", replyType: "human_agent_tag");
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        await App.SendAsync();

        var upload = Assert.Single(Platform.To($"{OutboundApp.Graph}/{OutboundApp.PageId}/messages"));
        Assert.Equal("MESSAGE_TAG", upload.Part("messaging_type").Text);
        Assert.Equal("HUMAN_AGENT", upload.Part("tag").Text);
        Assert.Equal("file", JsonNode.Parse(upload.Part("message").Text)!["attachment"]!["type"]!.GetValue<string>());
        Assert.Equal(Pdf, upload.Part("filedata").Bytes);
    }

    [Fact]
    public async Task WhatsApp_Document_IsUploadedToMediaThenSentByItsIdWithCaptionAndFilename()
    {
        var conversation = await App.AddAsync(ConversationSeed.On("wa").WithContact("16505551234", "16505551234"));
        Platform.Script($"{OutboundApp.Graph}/{OutboundApp.PhoneNumberId}/media", FakeResponse.Ok("""{"id":"1037543291543636"}"""));
        Platform.Script($"{OutboundApp.Graph}/{OutboundApp.PhoneNumberId}/messages", FakeResponse.WhatsAppOk("wamid.HBgLMTY1MDU1NTEyMzQVAgARGBI"));

        using var response = await PostAsync(App.Api(), conversation.Id, Pdf, "Invoice 0042.pdf", "application/pdf", "Your invoice");
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        await App.SendAsync();

        var upload = Assert.Single(Platform.To($"{OutboundApp.Graph}/{OutboundApp.PhoneNumberId}/media"));
        Assert.Equal("whatsapp", upload.Part("messaging_product").Text);
        Assert.Equal("application/pdf", upload.Part("type").Text);
        Assert.Equal(Pdf, upload.Part("file").Bytes);
        Assert.Equal("Invoice 0042.pdf", upload.Part("file").FileName);
        var send = Assert.Single(Platform.To($"{OutboundApp.Graph}/{OutboundApp.PhoneNumberId}/messages")).Json!;
        Assert.Equal("document", send["type"]!.GetValue<string>());
        Assert.Equal("16505551234", send["to"]!.GetValue<string>());
        Assert.Equal("1037543291543636", send["document"]!["id"]!.GetValue<string>());
        Assert.Equal("Your invoice", send["document"]!["caption"]!.GetValue<string>());
        Assert.Equal("Invoice 0042.pdf", send["document"]!["filename"]!.GetValue<string>());

        await using var db = App.OpenDb();
        var message = await db.Messages.Include(m => m.Attachments).SingleAsync(m => m.ConversationId == conversation.Id);
        Assert.Equal(DeliveryStatus.Sent, message.Status);
        Assert.Equal("wamid.HBgLMTY1MDU1NTEyMzQVAgARGBI", message.PlatformMessageId);
        Assert.Equal("1037543291543636", Assert.Single(message.Attachments).Source);
    }

    [Fact]
    public async Task WhatsApp_RefusedUpload_FailsTheReplyVisiblyWithoutAMessageCall()
    {
        var conversation = await App.AddAsync(ConversationSeed.On("wa").WithContact("16505551234", "16505551234"));
        Platform.Script($"{OutboundApp.Graph}/{OutboundApp.PhoneNumberId}/media", FakeResponse.GraphError(400, 100, 2494102, "Invalid parameter"));

        using var response = await PostAsync(App.Api(), conversation.Id, Jpeg, "photo.jpg", "image/jpeg");
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        await App.SendAsync();

        var message = await App.MessageAsync(id);
        Assert.Equal(DeliveryStatus.Failed, message.Status);
        Assert.Contains("Invalid parameter", message.ErrorMessage);
        Assert.Empty(Platform.To($"{OutboundApp.Graph}/{OutboundApp.PhoneNumberId}/messages"));
    }

    [Fact]
    public async Task Retry_AfterTheUploadKeptFailing_SendsTheSameFileAgain()
    {
        var conversation = await App.AddAsync(ConversationSeed.On("wa").WithContact("16505551234", "16505551234"));
        var media = $"{OutboundApp.Graph}/{OutboundApp.PhoneNumberId}/media";
        Platform.Script(media, new FakeResponse(503, ""), new FakeResponse(503, ""), new FakeResponse(503, ""), FakeResponse.Ok("""{"id":"media-2"}"""));
        using var response = await PostAsync(App.Api(), conversation.Id, Jpeg, "photo.jpg", "image/jpeg", "Here it is");
        var failedId = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        await App.SendAsync();
        Assert.Equal(SendFailure.RetriesExhausted, (await App.MessageAsync(failedId)).Failure);

        var retried = await App.Services.GetRequiredService<ConversationCommands>().RetryAsync(failedId, agentId: null);
        await App.SendAsync();

        Assert.Equal(CommandStatus.Done, retried.Status);
        Assert.Equal(Jpeg, Platform.To(media)[^1].Part("file").Bytes);
        var send = Assert.Single(Platform.To($"{OutboundApp.Graph}/{OutboundApp.PhoneNumberId}/messages")).Json!;
        Assert.Equal(("media-2", "Here it is"), (send["image"]!["id"]!.GetValue<string>(), send["image"]!["caption"]!.GetValue<string>()));
        Assert.Equal(DeliveryStatus.Sent, (await App.MessageAsync(retried.Message!.Id)).Status);
    }

    [Fact]
    public async Task Line_Picture_IsPushedAsAnImageWhosePublicLinkServesTheFile()
    {
        var conversation = await App.AddAsync(ConversationSeed.On("line"));

        using var response = await PostAsync(App.Api(), conversation.Id, Jpeg, "photo.jpg", "image/jpeg", "The parcel as we packed it");
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        await App.SendAsync();

        var push = Assert.Single(Platform.To(FakePlatformServer.LinePush)).Json!;
        var messages = push["messages"]!.AsArray();
        Assert.Equal("image", messages[0]!["type"]!.GetValue<string>());
        var link = messages[0]!["originalContentUrl"]!.GetValue<string>();
        Assert.Equal(link, messages[0]!["previewImageUrl"]!.GetValue<string>());
        Assert.Equal("The parcel as we packed it", messages[1]!["text"]!.GetValue<string>());
        Assert.StartsWith($"{PublicBaseUrl}/media/public/", link);

        // LINE fetches it without signing in.
        using var fetched = await App.Client().GetAsync(link[PublicBaseUrl.Length..]);
        Assert.Equal(HttpStatusCode.OK, fetched.StatusCode);
        Assert.Equal("image/jpeg", fetched.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Jpeg, await fetched.Content.ReadAsByteArrayAsync());
    }
}
