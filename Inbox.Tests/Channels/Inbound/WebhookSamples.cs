namespace Inbox.Tests.Channels.Inbound;

/// <summary>Real-shaped webhook bodies of every platform, including the events the inbox deliberately ignores and broken ones.</summary>
internal static class WebhookSamples
{
    private const string Page = "1040000000001";
    private const string Ig = "17841400000001";

    /// <summary>Bodies every item of which the inbox records or deliberately ignores.</summary>
    public static readonly Dictionary<string, (string Platform, string Body)> Handled = new()
    {
        ["messenger text"] = ("meta", Messaging(Page, """{"sender":{"id":"P1"},"recipient":{"id":"1040000000001"},"timestamp":1,"message":{"mid":"m1","text":"hi"}}""")),
        ["messenger echo"] = ("meta", Messaging(Page, """{"sender":{"id":"1040000000001"},"recipient":{"id":"P1"},"timestamp":1,"message":{"mid":"m2","text":"ok","is_echo":true}}""")),
        ["messenger attachment"] = ("meta", Messaging(Page, """{"sender":{"id":"P1"},"recipient":{"id":"1040000000001"},"timestamp":1,"message":{"mid":"m3","attachments":[{"type":"sticker","payload":{"url":"https://x/s.png"}}]}}""")),
        ["messenger postback"] = ("meta", Messaging(Page, """{"sender":{"id":"P1"},"recipient":{"id":"1040000000001"},"timestamp":1,"postback":{"title":"Track order","payload":"TRACK"}}""")),
        ["messenger delivery"] = ("meta", Messaging(Page, """{"sender":{"id":"P1"},"recipient":{"id":"1040000000001"},"delivery":{"mids":["m9"],"watermark":1}}""")),
        ["messenger read"] = ("meta", Messaging(Page, """{"sender":{"id":"P1"},"recipient":{"id":"1040000000001"},"read":{"watermark":1}}""")),
        ["messenger reaction"] = ("meta", Messaging(Page, """{"sender":{"id":"P1"},"recipient":{"id":"1040000000001"},"timestamp":1,"reaction":{"mid":"m9","action":"react","emoji":"👍"}}""")),
        ["messenger deleted"] = ("meta", Messaging(Page, """{"sender":{"id":"P1"},"recipient":{"id":"1040000000001"},"timestamp":1,"message":{"mid":"m4","is_deleted":true}}""")),
        ["messenger optin"] = ("meta", Messaging(Page, """{"sender":{"id":"P1"},"recipient":{"id":"1040000000001"},"timestamp":1,"optin":{"ref":"x"}}""")),
        ["facebook comment"] = ("meta", Change("page", Page, """{"field":"feed","value":{"item":"comment","verb":"add","comment_id":"c1","post_id":"p1","from":{"id":"P1","name":"Ann"},"message":"Price?","created_time":1}}""")),
        ["facebook own comment"] = ("meta", Change("page", Page, """{"field":"feed","value":{"item":"comment","verb":"add","comment_id":"c2","post_id":"p1","from":{"id":"1040000000001"},"message":"Thanks"}}""")),
        ["facebook like"] = ("meta", Change("page", Page, """{"field":"feed","value":{"item":"reaction","verb":"add","post_id":"p1","from":{"id":"P1"}}}""")),
        ["instagram message"] = ("meta", Messaging(Ig, """{"sender":{"id":"I1"},"recipient":{"id":"17841400000001"},"timestamp":1,"message":{"mid":"aW1","text":"hi"}}""", "instagram")),
        ["instagram comment"] = ("meta", Change("instagram", Ig, """{"field":"comments","value":{"id":"ic1","from":{"id":"I1","username":"mika"},"text":"Price?","media":{"id":"md1"}}}""")),
        ["instagram mention"] = ("meta", Change("instagram", Ig, """{"field":"mentions","value":{"media_id":"md2","comment_id":"ic2"}}""")),
        ["whatsapp text with phone"] = ("meta", WhatsApp("""{"contacts":[{"profile":{"name":"Aiko"},"wa_id":"8190"}],"messages":[{"from":"8190","id":"wamid.1","timestamp":"1","type":"text","text":{"body":"Hello"}}]}""")),
        ["whatsapp text with bsuid only"] = ("meta", WhatsApp("""{"contacts":[{"profile":{"name":"Bruna","username":"bruna.s"},"user_id":"BR.15"}],"messages":[{"from_user_id":"BR.15","id":"wamid.2","timestamp":"1","type":"text","text":{"body":"Oi"}}]}""")),
        ["whatsapp image"] = ("meta", WhatsApp("""{"contacts":[{"wa_id":"8190","user_id":"JP.1"}],"messages":[{"from":"8190","from_user_id":"JP.1","id":"wamid.3","timestamp":"1","type":"image","image":{"id":"77"}}]}""")),
        ["whatsapp unknown type"] = ("meta", WhatsApp("""{"contacts":[{"user_id":"JP.1"}],"messages":[{"from_user_id":"JP.1","id":"wamid.4","timestamp":"1","type":"order","order":{}}]}""")),
        ["whatsapp reaction"] = ("meta", WhatsApp("""{"contacts":[{"user_id":"JP.1"}],"messages":[{"from_user_id":"JP.1","id":"wamid.5","timestamp":"1","type":"reaction","reaction":{"message_id":"wamid.1","emoji":"👍"}}]}""")),
        ["whatsapp statuses"] = ("meta", WhatsApp("""{"statuses":[{"id":"wamid.9","status":"delivered","timestamp":"1","recipient_id":"8190","recipient_user_id":"JP.1"},{"id":"wamid.8","status":"failed","timestamp":"1","recipient_user_id":"JP.1","errors":[{"code":131062}]}]}""")),
        ["whatsapp other status"] = ("meta", WhatsApp("""{"statuses":[{"id":"wamid.9","status":"deleted","timestamp":"1","recipient_user_id":"JP.1"}]}""")),
        ["whatsapp system user_changed_user_id"] = ("meta", WhatsApp("""{"messages":[{"from_user_id":"JP.1","id":"wamid.6","timestamp":"1","type":"system","system":{"type":"user_changed_user_id","previous_user_id":"JP.1","user_id":"JP.2"}}]}""")),
        ["whatsapp user_id_update"] = ("meta", WhatsApp("""{"user_id_update":[{"user_id":{"previous":"JP.1","current":"JP.2"}}]}""", "user_id_update")),
        ["line text"] = ("line", Line("""{"type":"message","mode":"active","timestamp":1,"source":{"type":"user","userId":"U1"},"webhookEventId":"e1","replyToken":"r","message":{"id":"1","type":"text","text":"hi"}}""")),
        ["line follow"] = ("line", Line("""{"type":"follow","timestamp":1,"source":{"type":"user","userId":"U1"},"webhookEventId":"e2"}""")),
        ["line group message"] = ("line", Line("""{"type":"message","timestamp":1,"source":{"type":"group","groupId":"G1","userId":"U1"},"webhookEventId":"e3","message":{"id":"2","type":"text","text":"hi all"}}""")),
    };

    /// <summary>Bodies with an event the inbox cannot attribute: each must park its delivery, never vanish.</summary>
    public static readonly Dictionary<string, (string Platform, string Body)> Unattributable = new()
    {
        ["messenger message without sender"] = ("meta", Messaging(Page, """{"recipient":{"id":"1040000000001"},"timestamp":1,"message":{"mid":"m5","text":"?"}}""")),
        ["messenger unknown event"] = ("meta", Messaging(Page, """{"sender":{"id":"P1"},"recipient":{"id":"1040000000001"},"timestamp":1,"brand_new_event":{}}""")),
        ["facebook comment without id"] = ("meta", Change("page", Page, """{"field":"feed","value":{"item":"comment","verb":"add","from":{"id":"P1"},"message":"?"}}""")),
        ["whatsapp message without sender"] = ("meta", WhatsApp("""{"messages":[{"id":"wamid.7","timestamp":"1","type":"text","text":{"body":"?"}}]}""")),
        ["whatsapp errors only"] = ("meta", WhatsApp("""{"errors":[{"code":131000,"title":"Something went wrong"}]}""")),
        ["whatsapp user_id_update without ids"] = ("meta", WhatsApp("""{"user_id_update":[{"wa_id":"8190"}]}""", "user_id_update")),
        ["line message without user"] = ("line", Line("""{"type":"message","timestamp":1,"source":{"type":"user"},"webhookEventId":"e4","message":{"id":"3","type":"text","text":"?"}}""")),
    };

    private static string Messaging(string id, string evt, string obj = "page") => $$$"""{"object":"{{{obj}}}","entry":[{"id":"{{{id}}}","time":1,"messaging":[{{{evt}}}]}]}""";

    private static string Change(string obj, string id, string change) => $$$"""{"object":"{{{obj}}}","entry":[{"id":"{{{id}}}","time":1,"changes":[{{{change}}}]}]}""";

    private static string WhatsApp(string value, string field = "messages")
    {
        var inner = value.TrimStart('{');
        return $$$"""{"object":"whatsapp_business_account","entry":[{"id":"WABA","changes":[{"field":"{{{field}}}","value":{"messaging_product":"whatsapp","metadata":{"phone_number_id":"1090000000001"},{{{inner}}}}]}]}""";
    }

    private static string Line(string evt) => $$$"""{"destination":"Ubot","events":[{{{evt}}}]}""";
}
