namespace Inbox.Web.Localization;

/// <summary>
/// The agent UI's strings: <c>IStringLocalizer&lt;Ui&gt;</c> looks each English text up in <c>Ui.{culture}.resx</c> beside
/// this file and falls back to the English text itself, so English needs no resource file and a missing
/// translation shows English, never a key.
/// </summary>
public sealed class Ui;
