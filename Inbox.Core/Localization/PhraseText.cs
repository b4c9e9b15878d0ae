using System.Globalization;
using Inbox.Core.Policy;
using Microsoft.Extensions.Localization;

namespace Inbox.Core.Localization;

/// <summary>Renders Core's phrases and names in the current culture (the request's or the circuit's), at the edge.</summary>
public sealed class PhraseText(IStringLocalizer<CoreText> localizer)
{
    /// <summary>The phrase in the current UI language, its values in the current culture's formats; empty for null.</summary>
    public string this[Phrase? phrase] => phrase?.Render(Translate, CultureInfo.CurrentCulture) ?? "";

    /// <summary>A reply type's name in the current UI language ("Free-form reply").</summary>
    public string this[ReplyType? type] => type is null ? "" : Translate(ReplyTypeNames.Of(type));

    private string Translate(string key) => localizer[key].Value;
}
