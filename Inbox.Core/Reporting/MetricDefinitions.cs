using Inbox.Core.Localization;

namespace Inbox.Core.Reporting;

/// <summary>The plain-language definition of every dashboard figure: shown on hover and served by the API, in the reader's language.</summary>
public static class MetricDefinitions
{
    public static readonly IReadOnlyDictionary<string, Phrase> All = new Dictionary<string, Phrase>
    {
        ["badge"] = new Phrase("Estimate of Facebook's \"Very responsive\" badge (needs response rate ≥ 90 % and response time ≤ 15 min). A message counts when it is the first a person sends after 24 h in which neither side wrote. Span: the 7 or 30 days before the latest counted message, or the last 10 counted messages when fewer fell in it. Replies by people or the API count; automated replies do not. Messages received while closed/away and conversations marked done without a reply or spam are left out. Meta does not publish the exact formula: the sources disagree on mean vs median and 7 vs 30 days, so all are shown. Verdict: yes when every reading passes with a margin (2 points, 3 min), no when none passes, at risk otherwise. Not filtered by team or agent: the badge belongs to the Page."),
        ["response-rate"] = new Phrase("Share of counted messages that got a human or API reply."),
        ["mean-fastest-90"] = new Phrase("Mean response time of the fastest 90 % of replies to counted messages (the slowest 10 % are dropped)."),
        ["median"] = new Phrase("Median response time of the replies to counted messages."),
        ["first-response"] = new Phrase("Time from a conversation's first customer message to the first human or API reply, wall-clock. Turns received in the date range."),
        ["next-response"] = new Phrase("Time from a customer's message that follows a reply to the next human or API reply, wall-clock. Messages the customer adds while waiting do not restart the clock."),
        ["business-hours"] = new Phrase("The same times counted only within business hours. Needs the business-hours calendar; without it these figures are not available."),
        ["windows-lost"] = new Phrase("Customer turns whose standard reply window (24 h; 7 days for ad conversations) closed before any reply. Saved: answered afterwards with a HUMAN_AGENT-tagged reply (Messenger/Instagram) or a template (WhatsApp)."),
        ["volume"] = new Phrase("Customer turns (a customer message that starts a wait for a reply) by the weekday and hour they began, in the reporting time zone."),
        ["backlog"] = new Phrase("Customer turns waiting for a reply at the end of each day: not answered, not marked done, not superseded by a new counted message."),
        ["csat"] = new Phrase("Satisfaction surveys sent in the range: the average score (1–5) of the answers, their spread, and the share of surveys answered."),
        ["whatsapp-cost"] = new Phrase("WhatsApp messages sent per month (UTC): templates by category, which Meta bills, and service (free-form) replies, billed at the utility rate from 2026-10-01."),
        ["line-quota"] = new Phrase("LINE push messages used this month against the plan's allowance, as LINE last reported it, and the usage at month end if pushes continue at this month's pace."),
        ["agents"] = new Phrase("Per agent over the range: open conversations assigned now, turns answered and still waiting, median first and next response, 90th percentile, windows lost, average CSAT."),
        ["now"] = new Phrase("Live: open conversations, those whose reply window ends within 1 h, agents online (away in brackets), and the customer waiting longest for a reply."),
    };
}
