namespace Inbox.Core.Localization;

/// <summary>
/// The texts Core words for people (the policy's reasons and notes, automation log entries, validation messages):
/// <c>IStringLocalizer&lt;CoreText&gt;</c> looks each English text up in <c>CoreText.{culture}.resx</c> beside this file and
/// falls back to the English text itself, as the UI's own strings do.
/// </summary>
public sealed class CoreText;
