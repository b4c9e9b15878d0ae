using System.Globalization;
using System.Text.RegularExpressions;
using Inbox.Core.Localization;

namespace Inbox.Core.Replies;

/// <summary>
/// WhatsApp template bodies: <c>{{1}}</c>, <c>{{2}}</c>… are the body parameters, numbered from 1 without gaps
/// (Meta refuses a template whose placeholders skip a number).
/// </summary>
public static partial class TemplateBody
{
    /// <summary>WhatsApp's limit for a template body.</summary>
    public const int MaxLength = 1024;

    /// <summary>The number of distinct parameters the body uses (the highest placeholder number).</summary>
    public static int ParameterCount(string body) => Numbers(body).DefaultIfEmpty(0).Max();

    /// <summary>Why the body cannot be registered, or null when it can.</summary>
    public static Phrase? Check(string body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return new Phrase("The body is empty.");
        }

        if (body.Length > MaxLength)
        {
            return new Phrase("The body is {0} characters; WhatsApp accepts at most {1}.", body.Length, MaxLength);
        }

        var used = Numbers(body).ToHashSet();
        if (used.Contains(0))
        {
            return new Phrase("Placeholders start at {0}.", "{{1}}");
        }

        var missing = Enumerable.Range(1, used.Count == 0 ? 0 : used.Max()).FirstOrDefault(n => !used.Contains(n));
        return missing > 0 ? new Phrase("The placeholders skip {0}: number them {1}, {2}… without gaps.", $"{{{{{missing}}}}}", "{{1}}", "{{2}}") : null;
    }

    /// <summary>Why a reply's header, body and button values do not fit the template, or null when they do.</summary>
    public static Phrase? CheckParameters(MessageTemplate template, Conversations.TemplateReply reply)
    {
        if (reply.Header.Count != template.HeaderParameterCount || reply.Header.Any(string.IsNullOrWhiteSpace))
        {
            return template.HeaderParameterCount == 0
                ? new Phrase("The template {0} has no header parameter.", template.Name)
                : new Phrase("Fill in the header parameter of {0}.", template.Name);
        }

        var buttons = reply.Buttons.Keys.Order().ToList();
        if (!buttons.SequenceEqual(template.UrlButtonIndexes.Order()) || reply.Buttons.Values.Any(string.IsNullOrWhiteSpace))
        {
            return template.UrlButtonIndexes.Count == 0
                ? new Phrase("The template {0} has no button parameter.", template.Name)
                : new Phrase("Fill in the link of button {0} of {1}.", string.Join(", ", template.UrlButtonIndexes.Order().Select(i => i + 1)), template.Name);
        }

        return CheckParameters(template, reply.Parameters);
    }

    /// <summary>Why these body parameter values cannot be sent with the template, or null when they can.</summary>
    public static Phrase? CheckParameters(MessageTemplate template, IReadOnlyList<string> parameters)
    {
        if (parameters.Count != template.ParameterCount)
        {
            return new Phrase("The template {0} takes {1} parameter(s); {2} given.", template.Name, template.ParameterCount, parameters.Count);
        }

        for (var i = 0; i < parameters.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(parameters[i]))
            {
                return new Phrase("Fill in parameter {0} of {1}.", $"{{{{{i + 1}}}}}", template.Name);
            }
        }

        return null;
    }

    /// <summary>The body with each placeholder replaced by its value; placeholders without a value stay as they are.</summary>
    public static string Render(string body, IReadOnlyList<string> parameters) =>
        Placeholder().Replace(body, m =>
        {
            var n = Number(m);
            return n >= 1 && n <= parameters.Count && !string.IsNullOrWhiteSpace(parameters[n - 1]) ? parameters[n - 1] : m.Value;
        });

    private static IEnumerable<int> Numbers(string body) => Placeholder().Matches(body).Select(Number);

    private static int Number(Match placeholder) => int.Parse(placeholder.Groups[1].Value, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"\{\{\s*(\d{1,2})\s*\}\}")]
    private static partial Regex Placeholder();
}
