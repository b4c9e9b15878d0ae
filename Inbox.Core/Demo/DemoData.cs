using Inbox.Core.Channels;
using Inbox.Core.Conversations;
using Inbox.Core.Replies;

namespace Inbox.Core.Demo;

/// <summary>The demo business, Northwind Outfitters, and its conversations.</summary>
internal static class DemoData
{
    public static List<Channel> Channels(DateTime now) =>
    [
        new() { Key = "nw-facebook", Kind = ChannelKind.Messenger, Name = "Northwind Outfitters", ExternalId = "104000000000001", HumanAgentApproved = true, Simulated = true, CreatedAt = now },
        new() { Key = "nw-outlet", Kind = ChannelKind.Messenger, Name = "Northwind Outlet", ExternalId = "104000000000002", HumanAgentApproved = false, Simulated = true, CreatedAt = now },
        new() { Key = "nw-instagram", Kind = ChannelKind.Instagram, Name = "@northwind.outfitters", ExternalId = "17841400000000001", HumanAgentApproved = true, Simulated = true, CreatedAt = now },
        new() { Key = "nw-whatsapp", Kind = ChannelKind.WhatsApp, Name = "Northwind WhatsApp", ExternalId = "109000000000001", Simulated = true, CreatedAt = now },
        new() { Key = "nw-line", Kind = ChannelKind.Line, Name = "Northwind LINE", ExternalId = "Ub0000000000000000000000000000001", Simulated = true, CreatedAt = now, LineQuotaLimit = 500, LineQuotaUsed = 137, LineQuotaCheckedAt = now },
    ];

    /// <summary>Templates as Meta would have approved them for the demo number.</summary>
    public static List<MessageTemplate> Templates(int whatsAppChannelId) =>
    [
        new() { Name = "order_update", Language = "en_US", Category = TemplateCategory.Utility, ParameterCount = 2, Body = "Hi {{1}}, your order {{2}} has an update. Reply to this message and we will help you right away." },
        new() { Name = "follow_up", Language = "en_US", Category = TemplateCategory.Utility, ParameterCount = 1, Body = "Hi {{1}}, we are following up on your question. Reply here whenever suits you and we will continue." },
        new() { Name = "follow_up", Language = "es", Category = TemplateCategory.Utility, ParameterCount = 1, Body = "Hola {{1}}, seguimos con tu consulta. Responde aquí cuando quieras y continuamos." },
        new() { ChannelId = whatsAppChannelId, Name = "winter_catalogue", Language = "en_US", Category = TemplateCategory.Marketing, ParameterCount = 1, Body = "Hi {{1}}, the Northwind winter catalogue is out! Reply STOP to opt out." },
    ];

    public static List<CannedResponse> CannedResponses() =>
    [
        new() { Shortcut = "shipping", Title = "Shipping times", Body = "We ship within 1 business day; delivery takes 2-4 business days in the EU and 5-8 elsewhere." },
        new() { Shortcut = "returns", Title = "Returns policy", Body = "You can return unworn items within 30 days for a full refund. Start a return at northwind.example/returns." },
        new() { Shortcut = "refund", Title = "Refund timing", Body = "Refunds reach your account 5-10 business days after we receive the return." },
        new() { Shortcut = "thanks", Title = "Thanks and goodbye", Body = "Thanks for reaching out! Anything else, just write here." },
    ];

    private static TimeSpan H(double hours) => TimeSpan.FromHours(hours);

    private static TimeSpan M(double minutes) => TimeSpan.FromMinutes(minutes);

    public static readonly DemoConversation[] Conversations =
    [
        new("nw-facebook", "Maria Gonzalez", M(4), ["Hi! Do you ship to Canada?", "> Hi Maria, we do: 5-8 business days.", "Great, and is there duty to pay?"]),
        new("nw-facebook", "Tom Becker", M(38), ["My order #10422 arrived with a torn strap.", "Can I get a replacement?"], AssigneeIndex: 0),
        new("nw-facebook", "Priya Natarajan", H(3.5), ["Is the Trailhead 40L pack waterproof?"]),
        new("nw-facebook", "Jonas Lindqvist", H(22.75), ["I was charged twice for order #10388."], AssigneeIndex: 0),
        new("nw-facebook", "Chloé Martin", H(23.9), ["Can I change the size on my order before it ships?"], AssigneeIndex: 1),
        new("nw-facebook", "Kenji Watanabe", H(31), ["Where is my refund? It has been two weeks."], AssigneeIndex: 0),
        new("nw-facebook", "Fatima Zahra", TimeSpan.FromDays(6.9), ["Do you repair zippers on older jackets?", "> Yes, send us a photo please.", "Here it is, the left pocket zip."], ConversationStatus.Pending, AssigneeIndex: 1),
        new("nw-facebook", "Oliver Smith", TimeSpan.FromDays(8), ["Thanks for the quick help last week!"], ConversationStatus.Resolved, AssigneeIndex: 0),
        new("nw-outlet", "Grace Kim", H(1.5), ["Are outlet items final sale?"]),
        new("nw-outlet", "Lukas Novak", H(30), ["Is the grey fleece back in stock in M?"]),
        new("nw-instagram", "Ana Souza", M(12), ["Love the new colours! Is the teal one limited?"]),
        new("nw-instagram", "Dmitri Volkov", H(20), ["Do you have a student discount?"], AssigneeIndex: 1),
        new("nw-instagram", "Amara Okafor", TimeSpan.FromDays(3), ["My parcel says delivered but it is not here."], AssigneeIndex: 0),
        new("nw-whatsapp", "Sofia Rossi", M(25), ["Hola, can I pick up my order in store?"], AssigneeIndex: 0),
        new("nw-whatsapp", "Ahmed Hassan", H(23.5), ["The boots I bought leak at the seam.", "> Sorry to hear that! Could you send a photo?", "Photo attached. They are 3 months old."], AssigneeIndex: 0),
        new("nw-whatsapp", "Emma Johansson", H(26), ["When will the winter catalogue be out?"]),
        new("nw-whatsapp", "Rahul Mehta", TimeSpan.FromDays(5), ["Can I return an item bought on sale?"], ConversationStatus.Pending, AssigneeIndex: 1),
        new("nw-line", "Yuki Tanaka", M(8), ["こんにちは! Do you ship to Osaka?"]),
        new("nw-line", "Haruto Sato", TimeSpan.FromDays(2), ["Thank you, the jacket fits perfectly."], AssigneeIndex: 1),
        new("nw-line", "Mei Lin", TimeSpan.FromDays(9), ["Is the store open on public holidays?"], ConversationStatus.Resolved),
        new("nw-facebook", "Carlos Díaz", H(2), ["Does this come in navy? 😍"], Kind: ConversationKind.Comment),
        new("nw-facebook", "Hannah Weber", TimeSpan.FromDays(6.5), ["Ordered last week and still no tracking number."], Kind: ConversationKind.Comment, AssigneeIndex: 0),
        new("nw-instagram", "Leo Moreau", H(5), ["Price please?"], Kind: ConversationKind.Comment),
        new("nw-instagram", "Isabella Costa", TimeSpan.FromDays(2.5), ["Link to the shop?"], Kind: ConversationKind.Comment, PrivateReplyUsed: true),
    ];
}
