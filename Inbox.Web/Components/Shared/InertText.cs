using System.Text;

namespace Inbox.Web.Components.Shared;

/// <summary>
/// Customer-controlled text for display. Blazor already encodes markup; what it cannot stop is a bidi override
/// (U+202E turns "gnp.exe" into what reads as "exe.png"). Embedding, override and isolate controls are shown as
/// a visible marker instead, so they cannot reorder what the agent reads; ordinary right-to-left text is untouched.
/// </summary>
public static class InertText
{
    public static string Show(string? text)
    {
        if (string.IsNullOrEmpty(text) || !text.Any(IsBidiControl))
        {
            return text ?? "";
        }

        var shown = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (IsBidiControl(c))
            {
                shown.Append($"[U+{(int)c:X4}]");
            }
            else
            {
                shown.Append(c);
            }
        }

        return shown.ToString();
    }

    private static bool IsBidiControl(char c) => c is (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');
}
